import { describe, expect, it } from 'vitest'
import { formatArticleFile, slugOf } from '../../src/corpus/articleFile.js'
import { canonicalUrl, textFingerprint } from '../../src/corpus/articleIdentity.js'
import { parseArticle } from '../../src/corpus/parseArticle.js'

describe('slugOf', () => {
  it.each([
    { headline: 'Harbour wall repairs begin', slug: 'harbour-wall-repairs-begin' },
    { headline: 'Café owners: “We’re staying”', slug: 'cafe-owners-we-re-staying' },
    { headline: '¿Qué pasó en Zaragoza?', slug: 'que-paso-en-zaragoza' },
    { headline: '東京の記事', slug: 'article' },
    { headline: '../../etc/passwd', slug: 'etc-passwd' },
    { headline: `${'word '.repeat(30)}end`, slug: Array.from({ length: 12 }, () => 'word').join('-') },
  ])('$headline → $slug', ({ headline, slug }) => {
    expect(slugOf(headline)).toBe(slug)
  })
})

describe('formatArticleFile', () => {
  it.each([
    { name: 'a title with a colon and quotes', headline: 'No: "never", she said', byline: 'Jane Doe', date: '2025-10-19' },
    { name: 'a title that YAML would read as a number or date', headline: '2025-10-19', byline: null, date: null },
    { name: 'a date that is not ISO (left out)', headline: 'Storm', byline: null, date: 'last Tuesday' },
    { name: 'a byline over two lines', headline: 'Storm', byline: 'Ann\nLee', date: '2026-01-02T10:00:00Z' },
  ])('writes what the loader reads back: $name', ({ headline, byline, date }) => {
    const text = formatArticleFile({
      headline,
      byline,
      date,
      url: 'https://news.example/a?b=1',
      source: 'Example: News',
      paragraphs: ['First\n\nparagraph.', '---', 'Third.'],
      addedBy: '500000000000000001',
      addedAt: new Date('2026-03-03T10:00:00Z'),
    })
    const parsed = parseArticle('a', 'a.md', text, '400000000000000001')
    if (!parsed.ok) throw new Error(parsed.reason)
    expect(parsed.article).toEqual({
      id: 'a',
      file: 'a.md',
      server: '400000000000000001',
      headline,
      byline: byline === null ? null : byline.replace(/\s+/g, ' '),
      date: date === 'last Tuesday' ? null : date,
      url: 'https://news.example/a?b=1',
      source: 'Example: News',
      paragraphs: ['First paragraph.', '---', 'Third.'],
    })
    expect(text).toContain('added_by: "500000000000000001"\nadded_at: "2026-03-03T10:00:00.000Z"\n')
  })
})

describe('canonicalUrl and textFingerprint', () => {
  it.each([
    { a: 'https://www.news.example/story/', b: 'http://news.example/story#comments', isSame: true },
    { a: 'https://news.example/story?utm_source=x&id=4', b: 'https://NEWS.example/story?id=4&fbclid=y', isSame: true },
    { a: 'https://news.example/story?id=4', b: 'https://news.example/story?id=5', isSame: false },
    { a: 'https://news.example/a', b: 'https://other.example/a', isSame: false },
  ])('$a and $b are the same page: $isSame', ({ a, b, isSame }) => {
    expect(canonicalUrl(a) === canonicalUrl(b)).toBe(isSame)
  })

  it.each(['ftp://news.example/a', 'not a url', 'javascript:alert(1)'])('has no canonical form for %s', (url) => {
    expect(canonicalUrl(url)).toBeNull()
  })

  it('fingerprints the same text alike whatever its case, spacing and quotation marks', () => {
    expect(textFingerprint(['“Yes,” she said.', 'Two'])).toBe(textFingerprint(['"yes,"  SHE said.', 'two']))
    expect(textFingerprint(['Yes.'])).not.toBe(textFingerprint(['No.']))
  })
})
