import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ExtractedArticle, extractArticle, wordCount } from '../../src/ingest/extractArticle.js'

const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages')
const SEED = path.resolve(import.meta.dirname, '../../corpus/000_964c6f0d203bd963.txt')

const readPage = (name: string): string => readFileSync(path.join(PAGES, name), 'utf8')
const seedLines = readFileSync(SEED, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '')
const SEED_HEADLINE = seedLines[0] ?? ''
const SEED_PARAGRAPHS = seedLines.slice(2)

/** The article, failing the test when there is none. */
function articleOf(html: string, url: string | null = null): ExtractedArticle {
  const result = extractArticle(html, { url })
  if (!result.ok) throw new Error(`expected an article, got: ${result.message}`)
  return result.article
}

/** A plain news page: the seed's first paragraphs as the story, with `extra` markup inside its body. */
function storyPage(
  extra: string,
  { head = '', paragraphs = SEED_PARAGRAPHS.slice(0, 8) }: { head?: string; paragraphs?: readonly string[] } = {},
): string {
  const half = Math.ceil(paragraphs.length / 2)
  const p = (texts: readonly string[]): string => texts.map((text) => `<p>${text}</p>`).join('\n')
  return `<!DOCTYPE html><html lang="en"><head><title>${SEED_HEADLINE}</title><link rel="canonical" href="https://news.example/world/story">${head}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${SEED_HEADLINE}</h1><div class="story-body">
${p(paragraphs.slice(0, half))}
${extra}
${p(paragraphs.slice(half))}
</div></article></main><footer><p>© 2025 News Example</p></footer></body></html>`
}

describe('a realistic news page (test/fixtures/pages/news-article.html)', () => {
  const article = articleOf(
    readPage('news-article.html'),
    'https://frontier-ledger.example/world/2025/11/pakistan-afghanistan-diplomatic-engagement?utm_source=x',
  )

  it('finds exactly the story paragraphs: no caption, share box, related links, newsletter, ad label, bio or comments', () => {
    expect(article.paragraphs).toEqual(SEED_PARAGRAPHS)
  })

  it('joins the paragraphs by blank lines as articleBody', () => {
    expect(article.articleBody).toBe(SEED_PARAGRAPHS.join('\n\n'))
  })

  it('reads the metadata from JSON-LD, meta tags and the canonical link', () => {
    expect({ ...article, paragraphs: undefined, articleBody: undefined }).toEqual({
      url: 'https://frontier-ledger.example/world/2025/11/pakistan-afghanistan-diplomatic-engagement',
      headline: SEED_HEADLINE,
      byline: 'Naeem Mehboob',
      date: '2025-11-06T04:30:00Z',
      site: 'The Frontier Ledger',
      language: 'en',
      paragraphs: undefined,
      articleBody: undefined,
    })
  })
})

describe('pruning what Readability keeps inside the article', () => {
  it.each([
    {
      name: 'a figure caption',
      extra: '<figure><img src="/a.jpg" alt=""><figcaption>Crowds gather outside the ministry on Thursday evening.</figcaption></figure>',
      gone: 'Crowds gather',
    },
    {
      name: 'a caption paragraph by class',
      extra:
        '<div class="image-wrapper"><img src="/a.jpg"><p class="image-caption">Crowds gather outside the ministry on Thursday evening.</p></div>',
      gone: 'Crowds gather',
    },
    { name: 'a photo credit line', extra: '<p>Photo: Jane Roe / Example Agency</p>', gone: 'Jane Roe' },
    {
      name: 'a trailing agency credit',
      extra: '<p>Officials leave the ministry after the briefing. (AP Photo/Jane Roe)</p>',
      gone: 'Officials leave',
    },
    {
      name: 'a "Read more:" teaser',
      extra: '<p><strong>Read more:</strong> <a href="/world/other-story">Border talks stall again</a></p>',
      gone: 'Border talks stall',
    },
    {
      name: 'a paragraph that only links to another story of the site',
      extra: '<p><a href="https://news.example/world/other-story">BORDER TALKS STALL AGAIN AS ENVOYS LEAVE</a></p>',
      gone: 'BORDER TALKS',
    },
    {
      name: 'a related-links list with its heading',
      extra:
        '<h3>More on this story</h3><ul><li><a href="/world/a">Border talks stall</a></li><li><a href="/world/b">Envoys meet in Doha</a></li><li><a href="/world/c">Trade resumes briefly</a></li></ul>',
      gone: 'More on this story',
    },
    {
      name: 'a share box',
      extra:
        '<div class="social-share"><a href="https://twitter.com/intent/tweet">Share on X</a> <a href="https://facebook.com/sharer">Share on Facebook</a></div>',
      gone: 'Share on',
    },
    {
      name: 'a newsletter box',
      extra:
        '<div class="newsletter-box"><h3>Get the briefing</h3><p>Our editors pick the day’s most important stories for you every morning at six.</p></div>',
      gone: 'Get the briefing',
    },
    {
      name: 'an author bio',
      extra:
        '<div class="author-bio"><p>Jane Roe covers diplomacy from the capital and has reported from the region for a decade.</p></div>',
      gone: 'covers diplomacy',
    },
    { name: 'a comment count', extra: '<p>12 Comments</p>', gone: '12 Comments' },
    { name: 'an advertisement label', extra: '<div class="ad-container"><p>Advertisement</p></div>', gone: 'Advertisement' },
    { name: 'a byline line', extra: '<p>By Jane Roe and John Doe</p>', gone: 'Jane Roe' },
    { name: 'a publication-time line', extra: '<p>Updated 10:01 pm PST, Tuesday, November 19, 2019</p>', gone: 'Updated 10:01' },
    { name: 'a subscribe call', extra: '<p>Subscribe to our newsletter for the latest updates from the region.</p>', gone: 'Subscribe to' },
    { name: 'a reporting credit', extra: '<p>Additional reporting by Jane Roe in Kabul.</p>', gone: 'Additional reporting' },
    {
      name: 'story cards of other articles',
      extra:
        '<article class="card"><header><h3><a href="/world/other">Envoys meet in Doha</a></h3></header><p>Talks resumed on Monday after a month-long pause, officials said.</p></article><article class="card"><h3><a href="/world/third">Trade resumes briefly</a></h3><p>Lorries crossed for the first time in weeks before the gates shut again.</p></article>',
      gone: 'Talks resumed on Monday',
    },
    { name: 'visually hidden text', extra: '<p><span class="visually-hidden">Image caption</span></p>', gone: 'Image caption' },
  ])('removes $name', ({ extra, gone }) => {
    const article = articleOf(storyPage(extra))
    expect(article.articleBody).not.toContain(gone)
    expect(article.paragraphs).toEqual(SEED_PARAGRAPHS.slice(0, 8))
  })

  it.each([
    { name: 'a subheading', extra: '<h2>Border crossings</h2>', kept: 'Border crossings' },
    {
      name: 'a blockquote',
      extra: '<blockquote><p>We will not allow our soil to be used against anyone, the statement said in full.</p></blockquote>',
      kept: 'We will not allow our soil',
    },
    {
      name: 'a data table',
      extra: '<table><tr><th>Crossing</th><th>Status</th></tr><tr><td>Torkham</td><td>Closed</td></tr></table>',
      kept: 'Torkham',
    },
    {
      name: 'a paragraph that only links to a source elsewhere',
      extra: '<p><a href="https://gov.example/statement">https://gov.example/statement</a></p>',
      kept: 'https://gov.example/statement',
    },
    {
      name: 'a list of links to other sites',
      extra:
        '<ul><li><a href="https://shop-a.example/x">Field guide, $20 at Shop A</a></li><li><a href="https://shop-b.example/y">Atlas, $35 at Shop B</a></li></ul>',
      kept: 'Atlas, $35',
    },
    {
      name: 'a sentence that starts with "By"',
      extra: '<p>By the end of the week, officials said, the crossings could reopen to trade.</p>',
      kept: 'By the end of the week',
    },
    {
      name: 'a sentence that starts with "More"',
      extra: '<p>More than 200 lorries were waiting at the crossing on Thursday, traders said.</p>',
      kept: 'More than 200 lorries',
    },
    { name: 'a separator line', extra: '<p>___</p>', kept: '___' },
    {
      name: 'text in a page builder block',
      extra:
        '<div class="elementor-widget elementor-widget-text-editor"><p>The envoy is expected to return to Kabul next week for a further round of talks.</p></div>',
      kept: 'The envoy is expected',
    },
    {
      name: 'text in a box named for a correspondent (not a comment section)',
      extra:
        '<div class="correspondent-dispatch"><p>The envoy is expected to return to Kabul next week for a further round of talks.</p></div>',
      kept: 'The envoy is expected',
    },
    {
      name: 'text in a utility-class wrapper',
      extra:
        '<div class="overflow-hidden rounded"><p>The envoy is expected to return to Kabul next week for a further round of talks.</p></div>',
      kept: 'The envoy is expected',
    },
  ])('keeps $name', ({ extra, kept }) => {
    expect(articleOf(storyPage(extra)).articleBody).toContain(kept)
  })
})

describe('JSON-LD articleBody', () => {
  const story = SEED_PARAGRAPHS.slice(0, 8)
  const ld = (body: string): string =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: SEED_HEADLINE, articleBody: body })}</script>`
  // A promotional line no markup rule recognises: only the JSON-LD body can tell it is not the story.
  const promo = '<p>Our reporters have covered the region since 1998 and will keep you informed.</p>'

  it('drops paragraphs the JSON-LD body lacks when the two agree', () => {
    const article = articleOf(storyPage(promo, { head: ld(story.join('\n\n')) }))
    expect(article.paragraphs).toEqual(story)
  })

  it('changes nothing when the JSON-LD body is only a teaser (they disagree)', () => {
    const article = articleOf(storyPage(promo, { head: ld(story[0] ?? '') }))
    expect(article.articleBody).toContain('Our reporters have covered')
    expect(article.paragraphs).toHaveLength(story.length + 1)
  })

  it('is the body when the markup has no article text (a page its scripts fill)', () => {
    const html = `<!DOCTYPE html><html><head>${ld(story.join('\n'))}</head><body><div id="app"></div><script>render()</script></body></html>`
    expect(articleOf(html).paragraphs).toEqual(story)
  })

  it('loses its HTML tags', () => {
    const html = `<!DOCTYPE html><html><head>${ld(story.map((text) => `<p>${text}</p>`).join(''))}</head><body><div id="app"></div></body></html>`
    expect(articleOf(html).paragraphs).toEqual(story)
  })
})

describe('falling back to a second method when the first finds too little', () => {
  it('finds a story whose container is named like page furniture (the name-based cleaning removes it; a later method does not)', () => {
    const paragraphs = SEED_PARAGRAPHS.slice(0, 8)
    const html = `<!DOCTYPE html><html><head><title>${SEED_HEADLINE}</title></head><body>
<nav><a href="/">Home</a></nav>
<div class="replies-layout">${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</div>
<footer>© News Example</footer></body></html>`
    expect(articleOf(html).paragraphs).toEqual(paragraphs)
  })
})

describe('a page too big for Readability', () => {
  it('still gives its article, from the densest block', () => {
    const paragraphs = SEED_PARAGRAPHS.slice(0, 8)
    const menu = `<ul class="mega-menu">${'<li><span>Section</span></li>'.repeat(7_000)}</ul>`
    const html = `<!DOCTYPE html><html><head><title>${SEED_HEADLINE}</title></head><body>${menu}<div class="story">${paragraphs.map((text) => `<p>${text}</p>`).join('')}</div></body></html>`
    expect(articleOf(html).paragraphs).toEqual(paragraphs)
  })
})

describe('no-article-text', () => {
  it.each([
    { name: 'a paywall page with a teaser', file: 'paywall.html' },
    { name: 'a page written by scripts', file: 'script-only.html' },
  ])('for $name', ({ file }) => {
    const result = extractArticle(readPage(file))
    expect(result).toMatchObject({ ok: false, reason: 'no-article-text' })
    expect(result.ok ? '' : result.message).toMatch(/paywall|scripts/)
  })

  it('for an empty string', () => {
    expect(extractArticle('')).toMatchObject({ ok: false, reason: 'no-article-text' })
  })
})

describe('wordCount', () => {
  it.each([
    { name: 'spaced words', paragraphs: ['Three little words', 'and two'], expected: 5 },
    { name: 'Japanese, two characters a word', paragraphs: ['先日、不正に改造した'], expected: 5 },
    { name: 'nothing', paragraphs: [], expected: 0 },
  ])('$name', ({ paragraphs, expected }) => {
    expect(wordCount(paragraphs)).toBe(expected)
  })
})
