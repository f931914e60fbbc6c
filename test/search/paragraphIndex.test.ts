import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../src/corpus/article.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import { findHighlights } from '../../src/search/highlight.js'
import {
  createParagraphIndex,
  loadParagraphIndex,
  type ParagraphDocument,
  type ParagraphIndex,
  saveParagraphIndex,
  searchParagraphs,
} from '../../src/search/paragraphIndex.js'
import { termOf, tokenize } from '../../src/text/tokens.js'

let seed: Article
let index: ParagraphIndex

beforeAll(async () => {
  const { articles } = await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'))
  seed = articles[0] as Article
  const documents: ParagraphDocument[] = seed.paragraphs.map((text, i) => ({
    id: i,
    article: seed.id,
    server: null,
    paragraph: i + 1,
    text,
    headline: seed.headline,
    speakers: '',
  }))
  index = createParagraphIndex(documents)
})

describe('searchParagraphs on the seed', () => {
  it.each([
    { query: 'ceasefire', paragraph: 3 },
    { query: 'When was the ceasefire announced?', paragraph: 3 },
    { query: 'Doha Agreement', paragraph: 15 },
    { query: 'protests in Iran', paragraph: 8 },
    { query: 'written assurances', paragraph: 6 },
  ])('ranks paragraph $paragraph first for "$query"', ({ query, paragraph }) => {
    expect(searchParagraphs(index, query)[0]?.paragraph).toBe(paragraph)
  })

  it('finds every paragraph by its rarest word', () => {
    const termsOfParagraph = (text: string) =>
      tokenize(text)
        .map((token) => termOf(token.text))
        .filter((term) => term !== null)
    const frequency = new Map<string, number>()
    for (const text of seed.paragraphs)
      for (const term of new Set(termsOfParagraph(text))) frequency.set(term, (frequency.get(term) ?? 0) + 1)
    seed.paragraphs.forEach((text, i) => {
      const rarest = termsOfParagraph(text).reduce((best, term) => ((frequency.get(term) ?? 0) < (frequency.get(best) ?? 0) ? term : best))
      const word = tokenize(text).find((token) => termOf(token.text) === rarest)?.text ?? ''
      expect(searchParagraphs(index, word).map((hit) => hit.paragraph)).toContain(i + 1)
    })
  })

  it('falls back to prefix and fuzzy matching only when nothing matches exactly', () => {
    expect(searchParagraphs(index, 'ceasfire')[0]?.paragraph).toBe(3)
    expect(searchParagraphs(index, 'ceasfire', { isFallbackAllowed: false })).toEqual([])
  })

  it('returns [] for a query of stop words and punctuation only', () => {
    expect(searchParagraphs(index, 'the of and ?!')).toEqual([])
  })

  it('restricts hits to one article', () => {
    expect(searchParagraphs(index, 'ceasefire', { article: 'other' })).toEqual([])
  })

  it('gives the same hits, profiles and statistics after a save and load', async () => {
    const loaded = await loadParagraphIndex(saveParagraphIndex(index), index.documents, async () => undefined)
    expect(searchParagraphs(loaded, 'border crossings trade')).toEqual(searchParagraphs(index, 'border crossings trade'))
    expect(loaded.profiles).toEqual(index.profiles)
    expect(loaded.statistics).toEqual(index.statistics)
    expect(loaded.surfaceForms).toEqual(index.surfaceForms)
  })

  it('reports matched terms that highlight the words as written', () => {
    const [hit] = searchParagraphs(index, 'ceasefire announced')
    const text = seed.paragraphs[2] ?? ''
    const words = findHighlights(text, hit?.terms ?? []).map(({ start, end }) => text.slice(start, end))
    expect(words).toEqual(['ceasefire', 'announced'])
  })
})
