import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/ingest/dom.js'
import { repairJson } from '../../src/ingest/jsonLd.js'
import { cleanByline, readMetadata, stripSiteSuffix, toIsoDate } from '../../src/ingest/metadata.js'

/** A page with the given head and body markup. */
function page(head: string, body = '', htmlAttributes = ''): string {
  return `<!DOCTYPE html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`
}

const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

describe('readMetadata takes each field from the most trusted source that has it', () => {
  it.each([
    {
      name: 'JSON-LD headline over og:title and <title>',
      html: page(
        `<title>Title tag</title><meta property="og:title" content="OG title">${jsonLd({ '@type': 'NewsArticle', headline: 'JSON-LD headline' })}`,
      ),
      expected: { headline: 'JSON-LD headline' },
    },
    {
      name: 'og:title when there is no JSON-LD',
      html: page('<title>Title tag</title><meta property="og:title" content="OG title">'),
      expected: { headline: 'OG title' },
    },
    {
      name: '<h1> before <title>',
      html: page('<title>Title tag</title>', '<h1>The h1 headline</h1>'),
      expected: { headline: 'The h1 headline' },
    },
    {
      name: 'the article node of a JSON-LD @graph',
      html: page(
        jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Site' },
            { '@type': 'ReportageNewsArticle', headline: 'From the graph', author: { '@type': 'Person', name: 'Ada Lovelace' } },
          ],
        }),
      ),
      expected: { headline: 'From the graph', byline: 'Ada Lovelace' },
    },
    {
      name: 'a JSON-LD list of blocks, and several authors',
      html: page(
        jsonLd([
          { '@type': 'BreadcrumbList' },
          {
            '@type': ['NewsArticle'],
            headline: 'Listed',
            author: [{ name: 'Ada Lovelace' }, { name: 'Charles Babbage' }, 'Mary Somerville'],
          },
        ]),
      ),
      expected: { headline: 'Listed', byline: 'Ada Lovelace, Charles Babbage and Mary Somerville' },
    },
    {
      name: 'broken JSON-LD is skipped, meta tags still apply',
      html: page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="Still found">',
      ),
      expected: { headline: 'Still found' },
    },
    {
      name: 'JSON-LD author over meta author over rel=author',
      html: page(
        `<meta name="author" content="Meta Author">${jsonLd({ '@type': 'NewsArticle', author: { name: 'LD Author' } })}`,
        '<a rel="author" href="/a">Link Author</a>',
      ),
      expected: { byline: 'LD Author' },
    },
    {
      name: 'meta author over rel=author',
      html: page('<meta name="author" content="Meta Author">', '<a rel="author" href="/a">Link Author</a>'),
      expected: { byline: 'Meta Author' },
    },
    {
      name: 'a long author block is no byline',
      html: page('', '<div itemprop="author">Jane Doe November 18, 2019 12:01 PM Print this article</div>'),
      expected: { byline: null },
    },
    {
      name: 'the name inside an author block',
      html: page('', '<div itemprop="author"><span itemprop="name">Jane Doe</span> November 18, 2019 12:01 PM Print this article</div>'),
      expected: { byline: 'Jane Doe' },
    },
    {
      name: 'rel=author when nothing else names the author',
      html: page('', '<p class="byline">By <a rel="author" href="/a">Link Author</a></p>'),
      expected: { byline: 'Link Author' },
    },
    {
      name: 'an article:author that is an address is no byline',
      html: page('<meta property="article:author" content="https://facebook.com/someone">'),
      expected: { byline: null },
    },
    {
      name: 'JSON-LD datePublished over article:published_time over <time>',
      html: page(
        `<meta property="article:published_time" content="2019-11-18T10:00:00Z">${jsonLd({ '@type': 'NewsArticle', datePublished: '2019-11-19T17:04:00+01:00' })}`,
        '<time datetime="2019-11-17">x</time>',
      ),
      expected: { date: '2019-11-19T16:04:00Z' },
    },
    {
      name: 'article:published_time over <time datetime>',
      html: page('<meta property="article:published_time" content="2019-11-18">', '<time datetime="2019-11-17">x</time>'),
      expected: { date: '2019-11-18' },
    },
    {
      name: '<time datetime> when no metadata has a date',
      html: page('', '<p>Posted <time datetime="2019-11-17T08:15">Sunday</time></p>'),
      expected: { date: '2019-11-17T08:15:00' },
    },
    {
      name: 'publisher name as the site over og:site_name',
      html: page(
        `<meta property="og:site_name" content="OG Site">${jsonLd({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'LD Site' } })}`,
      ),
      expected: { site: 'LD Site' },
    },
    {
      name: 'a publisher name that is an address is skipped',
      html: page(
        `<meta property="og:site_name" content="OG Site">${jsonLd({ '@type': 'NewsArticle', publisher: { name: 'https://news.example' } })}`,
      ),
      expected: { site: 'OG Site' },
    },
    {
      name: 'og:site_name as the site',
      html: page('<meta property="og:site_name" content="The Daily Example">'),
      expected: { site: 'The Daily Example' },
    },
    { name: 'language from <html lang>, primary subtag', html: page('', '', 'lang="en-GB"'), expected: { language: 'en' } },
    {
      name: 'language from Content-Language when <html> has none',
      html: page('<meta http-equiv="Content-Language" content="de-AT">'),
      expected: { language: 'de' },
    },
    { name: 'language from og:locale last', html: page('<meta property="og:locale" content="pt_BR">'), expected: { language: 'pt' } },
    { name: 'no language at all', html: page(''), expected: { language: null } },
  ])('$name', ({ html, expected }) => {
    expect(readMetadata(parseDocument(html))).toMatchObject(expected)
  })
})

describe('the canonical address', () => {
  it.each([
    {
      name: 'a relative canonical link resolved against the page address',
      head: '<link rel="canonical" href="/news/story-1">',
      pageUrl: 'https://example.com/amp/story-1?x=1',
      expected: 'https://example.com/news/story-1',
    },
    {
      name: 'canonical over og:url',
      head: '<link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/b">',
      pageUrl: null,
      expected: 'https://example.com/a',
    },
    {
      name: 'og:url when there is no canonical link',
      head: '<meta property="og:url" content="https://example.com/b">',
      pageUrl: 'https://example.com/c',
      expected: 'https://example.com/b',
    },
    { name: 'the page address when the page names none', head: '', pageUrl: 'https://example.com/c', expected: 'https://example.com/c' },
    {
      name: 'a relative canonical link with no page address is skipped',
      head: '<link rel="canonical" href="/news/story-1"><meta property="og:url" content="https://example.com/b">',
      pageUrl: null,
      expected: 'https://example.com/b',
    },
    {
      name: 'a javascript: canonical is refused',
      head: '<link rel="canonical" href="javascript:alert(1)">',
      pageUrl: 'https://example.com/c',
      expected: 'https://example.com/c',
    },
    { name: 'no address at all', head: '', pageUrl: null, expected: null },
  ])('$name', ({ head, pageUrl, expected }) => {
    expect(readMetadata(parseDocument(page(head)), pageUrl).url).toBe(expected)
  })
})

describe('stripSiteSuffix removes the site name around a headline', () => {
  it.each([
    { title: 'Storm closes schools - BBC News', site: 'BBC News', url: null, expected: 'Storm closes schools' },
    { title: 'Storm closes schools | The Guardian', site: 'The Guardian', url: null, expected: 'Storm closes schools' },
    { title: 'Storm closes schools — Example Times', site: null, url: 'https://www.exampletimes.com/a', expected: 'Storm closes schools' },
    { title: 'Example Times | Storm closes schools', site: 'Example Times', url: null, expected: 'Storm closes schools' },
    { title: 'Storm closes schools | Local | Example Times', site: 'Example Times', url: null, expected: 'Storm closes schools | Local' },
    { title: 'Storm closes schools in the north | Weather Desk', site: null, url: null, expected: 'Storm closes schools in the north' },
    { title: 'Brexit - what happens next', site: 'Example Times', url: null, expected: 'Brexit - what happens next' },
    { title: 'No separator here', site: 'Example Times', url: null, expected: 'No separator here' },
  ])('"$title" → "$expected"', ({ title, site, url, expected }) => {
    expect(stripSiteSuffix(title, site, url)).toBe(expected)
  })

  it('strips the suffix from og:title through readMetadata', () => {
    const html = page(
      '<meta property="og:title" content="Storm closes schools - Example Times"><meta property="og:site_name" content="Example Times">',
    )
    expect(readMetadata(parseDocument(html)).headline).toBe('Storm closes schools')
  })
})

describe('cleanByline', () => {
  it.each([
    { raw: 'By Jane Doe', expected: 'Jane Doe' },
    { raw: 'by: Jane Doe', expected: 'Jane Doe' },
    { raw: 'BY JANE DOE', expected: 'JANE DOE' },
    { raw: 'Written by Jane Doe', expected: 'Jane Doe' },
    { raw: 'Jane Doe | Staff Writer', expected: 'Jane Doe' },
    { raw: 'Jane Doe, Reporter', expected: 'Jane Doe' },
    { raw: 'JANE DOE, AP Auto Writer', expected: 'JANE DOE' },
    { raw: 'Jane Doe jane.doe@example.com', expected: 'Jane Doe' },
    { raw: 'Bylaw Smith', expected: 'Bylaw Smith' },
    { raw: 'Jane Doe @janedoe Nov 19, 2019 • 2 min read', expected: 'Jane Doe' },
    { raw: 'Jane Doe | November 18, 2019 12:01 PM', expected: 'Jane Doe' },
    { raw: 'https://example.com/authors/jane', expected: null },
    { raw: '@janedoe', expected: null },
    { raw: '   ', expected: null },
  ])('"$raw" → $expected', ({ raw, expected }) => {
    expect(cleanByline(raw)).toBe(expected)
  })
})

describe('toIsoDate', () => {
  it.each([
    { raw: '2019-11-19', expected: '2019-11-19' },
    { raw: '2019-11-19T17:04:00Z', expected: '2019-11-19T17:04:00Z' },
    { raw: '2019-11-19T17:04:00.000+01:00', expected: '2019-11-19T16:04:00Z' },
    { raw: '2019-11-19T17:04:00-0500', expected: '2019-11-19T22:04:00Z' },
    { raw: '2019-11-19 17:04', expected: '2019-11-19T17:04:00' },
    { raw: 'Tue, 19 Nov 2019 17:04:00 GMT', expected: '2019-11-19T17:04:00Z' },
    { raw: 'November 19, 2019', expected: '2019-11-19' },
    { raw: '1574183040', expected: null },
    { raw: 'yesterday', expected: null },
    { raw: '1850-01-01', expected: null },
    { raw: '2019-13-45', expected: null },
  ])('"$raw" → $expected', ({ raw, expected }) => {
    expect(toIsoDate(raw)).toBe(expected)
  })
})

describe('repairJson mends hand-written JSON-LD', () => {
  it.each([
    { name: 'a trailing comma', text: '{"a": [1, 2, ], "b": 3,}', expected: { a: [1, 2], b: 3 } },
    {
      name: 'line comments, not inside strings',
      text: '{"url": "https://x.example/a", // the page\n "b": 1}',
      expected: { url: 'https://x.example/a', b: 1 },
    },
    { name: 'a block comment', text: '{"a": /* "Person" */ "Organization"}', expected: { a: 'Organization' } },
    { name: 'a raw line break inside a string', text: '{"a": "two\nlines"}', expected: { a: 'two\nlines' } },
    { name: 'a semicolon at the end', text: '{"a": 1};', expected: { a: 1 } },
  ])('$name', ({ text, expected }) => {
    expect(JSON.parse(repairJson(text))).toEqual(expected)
  })

  it('lets readMetadata use a block with a trailing comma', () => {
    const html = page(
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Mended", "author": {"name": "Jane Doe"},}</script>',
    )
    expect(readMetadata(parseDocument(html))).toMatchObject({ headline: 'Mended', byline: 'Jane Doe' })
  })
})
