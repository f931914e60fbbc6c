import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { searchQuotes } from '../../src/answer/quote.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import { buildLibrary, type Library } from '../../src/library/library.js'
import { termOf, tokenize } from '../../src/text/tokens.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')

type GoldQuote = { p: number; kind: string; speaker: string; text: string }
const gold = JSON.parse(readFileSync(path.resolve(repoRoot, 'test/fixtures/seed-gold.json'), 'utf8')) as { quotes: GoldQuote[] }

let library: Library

beforeAll(async () => {
  const { articles } = await loadCorpus(path.resolve(repoRoot, 'corpus'))
  library = buildLibrary(articles)
})

/** The word of a quote that fewest other quotes contain: a keyword a reader might search for. */
function rarestWord(text: string): string {
  const quotes = gold.quotes.map((quote) => quote.text.toLowerCase())
  const words = tokenize(text).filter((token) => termOf(token.text) !== null && token.text.length >= 4)
  const counted = words.map((token) => ({ word: token.text, count: quotes.filter((quote) => quote.includes(token.folded)).length }))
  return counted.sort((a, b) => a.count - b.count)[0]?.word ?? text
}

describe('searchQuotes on the seed', () => {
  it.each(gold.quotes.filter((quote) => quote.kind === 'direct').map((quote) => ({ ...quote, word: rarestWord(quote.text) })))(
    'finds the direct quote of ¶$p by "$word"',
    ({ p, text, speaker, word }) => {
      const result = searchQuotes(library, word, { limit: 50 })
      const hit = result.results.find(
        (quote) => quote.paragraph === p && quote.kind === 'direct' && text.startsWith(quote.text.replace(/[,.]$/, '')),
      )
      expect(hit?.speaker?.name).toBe(speaker)
    },
  )

  it.each([
    { name: 'a word matches as a prefix', query: 'terror', expected: 'terror' },
    { name: 'an exact phrase', query: '"written commitments"', expected: 'written commitments' },
    { name: 'a phrase with curly quotation marks and other case', query: '“Hard Message”', expected: 'hard message' },
    { name: 'a typo falls back to fuzzy matching', query: 'Talibn', expected: 'taliban' },
  ])('$name: $query', ({ query, expected }) => {
    const { results } = searchQuotes(library, query, { limit: 50 })
    expect(results.length).toBeGreaterThan(0)
    for (const hit of results) expect(hit.text.toLowerCase()).toContain(expected)
  })

  it('finds longer words by their start', () => {
    expect(searchQuotes(library, 'terror', { limit: 50 }).results.map((hit) => hit.text)).toContainEqual(
      expect.stringContaining('terrorism'),
    )
  })

  it('checks a phrase as written, not its words in any order', () => {
    expect(searchQuotes(library, '"commitments written"').results).toEqual([])
  })

  it.each([
    { name: 'surname', speaker: 'andrabi', expected: 'Tahir Hussain Andrabi' },
    { name: 'full name', speaker: 'Ahmed Sharif Chaudhry', expected: 'Ahmed Sharif Chaudhry' },
    { name: 'alias', speaker: 'the spokesperson', expected: 'Tahir Hussain Andrabi' },
    { name: 'alias without its article', speaker: 'ISPR chief', expected: 'Ahmed Sharif Chaudhry' },
  ])('filters by speaker $name', ({ speaker, expected }) => {
    const { results } = searchQuotes(library, 'Afghanistan', { speaker, limit: 50 })
    expect(results.length).toBeGreaterThan(0)
    for (const hit of results) expect(hit.speaker?.name).toBe(expected)
  })

  it('filters by article', () => {
    const [article] = library.articles
    expect(searchQuotes(library, 'terrorism', { article: article?.id ?? '' }).results.length).toBeGreaterThan(0)
    expect(searchQuotes(library, 'terrorism', { article: 'no-such-article' }).results).toEqual([])
  })

  it('lists direct before partial before indirect when scores tie', () => {
    const { results } = searchQuotes(library, '"written, verifiable"', { limit: 50 })
    const order = { direct: 0, partial: 1, indirect: 2 }
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1], results[i]]
      if (before === undefined || after === undefined || before.score.toFixed(3) !== after.score.toFixed(3)) continue
      expect(order[before.kind]).toBeLessThanOrEqual(order[after.kind])
    }
    expect(results.map((hit) => hit.kind)).toContain('partial')
  })

  it('pages with offset and limit', () => {
    const all = searchQuotes(library, 'Afghan', { limit: 50 }).results
    const page = searchQuotes(library, 'Afghan', { limit: 2, offset: 2 })
    expect(page.results).toEqual(all.slice(2, 4))
    expect(page.hasMore).toBe(all.length > 4)
  })

  it.each([
    { name: 'the words that do occur, written as in the text', query: 'Taliban zebra', speaker: null, expected: ['Taliban'] },
    {
      name: 'who did say it when the speaker filter empties the results',
      query: 'Taliban',
      speaker: 'Nobody',
      expected: ['Ahmed Sharif Chaudhry'],
    },
    { name: 'a speaker whose name is close', query: 'Andrbi', speaker: null, expected: [] },
  ])('suggests $name', ({ query, speaker, expected }) => {
    const result = searchQuotes(library, query, { speaker })
    if (result.results.length > 0) return // fuzzy matching already found it
    expect(result.suggestions.length).toBeGreaterThan(0)
    for (const suggestion of expected) expect(result.suggestions).toContain(suggestion)
  })

  it('returns no results and no suggestion for words far from everything', () => {
    expect(searchQuotes(library, 'zzzzqqq')).toMatchObject({ results: [], suggestions: [] })
  })
})
