import path from 'node:path'
import MiniSearch, { type SearchOptions } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import { searchTop, searchTopGroups } from '../../src/search/topResults.js'
import { termOf, tokenize } from '../../src/text/tokens.js'

type Doc = { id: string; text: string; group: string }

// Copies with equal scores test that ties keep MiniSearch's order.
const TEXTS = [
  'The talks on the border resumed in Kabul',
  'Trade across the border fell by half; the talks stalled',
  'The border crossing at Torkham reopened for trade',
  'Kabul and Islamabad traded accusations about the talks',
  'Nothing about it here',
]
const DOCS: Doc[] = [0, 1, 2].flatMap((copy) => TEXTS.map((text, i) => ({ id: `${copy}-${i}`, text, group: copy === 1 ? 'b' : 'a' })))
const search = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['group'] })
search.addAll(DOCS)

// Paragraphs of the seed with two text fields and unequal boosts, as the paragraph index has.
const seed = await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'))
const paragraphs = seed.articles.flatMap((article) =>
  article.paragraphs.map((text, i) => ({ id: i, text, headline: i % 3 === 0 ? article.headline : '' })),
)
const seedSearch = new MiniSearch<{ id: number; text: string; headline: string }>({
  fields: ['text', 'headline'],
  tokenize: (text) => tokenize(text).map((token) => token.text),
  processTerm: (term) => termOf(term) ?? null,
  searchOptions: { boost: { text: 1, headline: 0.3 }, bm25: { k: 1.2, b: 0.75, d: 0 } },
})
seedSearch.addAll([...paragraphs, ...paragraphs.map((paragraph) => ({ ...paragraph, id: paragraph.id + 1000 }))])
const words = paragraphs.flatMap((paragraph) => paragraph.text.split(/\s+/)).filter((word) => word.length > 2)

describe('searchTop', () => {
  it('returns what search(…).slice(0, 40) returns for 300 queries of corpus words, repeats and ties included', () => {
    for (let i = 0; i < 300; i++) {
      const query = Array.from({ length: 1 + (i % 7) }, (_, j) => words[(i * 7919 + j * 104729) % words.length]).join(' ')
      expect(searchTop(seedSearch, query, {}, 40)).toEqual(seedSearch.search(query).slice(0, 40))
    }
  })

  it.each([
    { name: 'an OR query', query: 'border talks kabul', options: {} },
    { name: 'an AND query', query: 'border talks', options: { combineWith: 'AND' } },
    { name: 'prefix and fuzzy terms', query: 'bord trad', options: { prefix: true, fuzzy: 0.2 } },
    {
      name: 'a filter on stored fields',
      query: 'border talks trade',
      options: { filter: (result: { group?: unknown }) => result.group === 'b' },
    },
    { name: 'no match', query: 'ceasefire', options: {} },
    { name: 'a repeated term', query: 'talks border talks', options: {} },
    {
      name: 'boosts, BM25 parameters and some fields',
      query: 'border trade kabul',
      options: { boost: { text: 2 }, bm25: { k: 1.2, b: 0.75, d: 0 }, fields: ['text'] },
    },
    {
      name: 'a term boost (scored by MiniSearch)',
      query: 'border talks',
      options: { boostTerm: (term: string) => (term === 'talks' ? 2 : 1) },
    },
  ])('returns what search(…).slice(0, limit) returns: $name', ({ query, options }) => {
    for (const limit of [0, 1, 4, 7, 100])
      expect(searchTop(search, query, options as SearchOptions, limit)).toEqual(
        search.search(query, options as SearchOptions).slice(0, limit),
      )
  })
})

describe('searchTopGroups', () => {
  const groupsOf = (query: string) =>
    tokenize(query)
      .map((token) => termOf(token.text))
      .filter((term): term is string => term !== null)
      .map((term) => [{ term, weight: 1 }])

  it('returns what searchTop returns when every group is one term of weight 1', () => {
    for (let i = 0; i < 200; i++) {
      const query = Array.from({ length: 1 + (i % 6) }, (_, j) => words[(i * 7919 + j * 104729) % words.length]).join(' ')
      const expected = searchTop(seedSearch, query, {}, 40)
      const got = searchTopGroups(seedSearch, groupsOf(query), {}, 40)
      expect(got.map((result) => [result.id, result.score])).toEqual(expected.map((result) => [result.id, result.score]))
    }
  })

  it('counts a stand-in only where the word itself is missing, and below it', () => {
    const docs = [
      { id: 0, text: 'a ceasefire was announced' },
      { id: 1, text: 'a truce was announced' },
      { id: 2, text: 'a truce and a ceasefire' },
      { id: 3, text: 'nothing to see' },
    ]
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
    index.addAll(docs)
    const results = searchTopGroups(
      index,
      [
        [
          { term: 'truce', weight: 1 },
          { term: 'ceasefire', weight: 0.5 },
        ],
      ],
      {},
      10,
    )
    expect(results.map((result) => result.id)).toEqual([1, 2, 0])
    const byId = new Map(results.map((result) => [result.id, result]))
    // Where "truce" is written, "ceasefire" beside it adds nothing.
    expect(byId.get(2)?.score).toBeCloseTo(index.search('truce').find((result) => result.id === 2)?.score ?? 0)
    expect(byId.get(0)?.terms).toEqual(['ceasefire'])
  })

  it('gives the same results across indexes and after documents are added (its working arrays are kept between calls)', () => {
    const grown = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['group'] })
    grown.addAll(DOCS.slice(0, 5))
    const queries = ['border talks', 'trade kabul', 'crossing reopened', 'talks stalled border']
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        for (const index of [seedSearch, grown, search] as Array<MiniSearch<unknown>>) {
          const expected = searchTop(index, query, { tokenize: (text) => text.split(' '), processTerm: (term) => termOf(term) ?? null }, 10)
          const got = searchTopGroups(index, groupsOf(query), {}, 10)
          expect(got.map((result) => [result.id, result.score, result.terms])).toEqual(
            expected.map((result) => [result.id, result.score, result.terms]),
          )
        }
      }
      // New documents get new short ids: their lengths must be read too.
      grown.addAll(DOCS.slice(5 + round * 5, 10 + round * 5).map((doc) => ({ ...doc, id: `${doc.id}-r${round}` })))
    }
  })

  it('leaves out a stand-in held by more than 2% (and 1,000) of the documents, and keeps a rarer one', () => {
    const docs = Array.from({ length: 1500 }, (_, id) => ({
      id,
      text: id < 1200 ? `it was announced on day ${id}` : id < 1202 ? `a ceasefire came on day ${id}` : `filler text number ${id}`,
    }))
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
    index.addAll(docs)
    const groups = [
      [
        { term: 'truce', weight: 1 },
        { term: 'ceasefire', weight: 0.5 },
      ],
      [
        { term: 'declared', weight: 1 },
        { term: 'announced', weight: 0.5 },
      ],
    ]
    const ids = searchTopGroups(index, groups, {}, 200).map((result) => result.id)
    expect(ids.sort((a, b) => a - b)).toEqual([1200, 1201])
    // As the reader's own word, the same common term is searched.
    expect(searchTopGroups(index, [[{ term: 'announced', weight: 1 }]], {}, 2000)).toHaveLength(1200)
  })

  it('applies the filter and returns [] when no group matches', () => {
    expect(searchTopGroups(search, [[{ term: 'xyzzy', weight: 1 }]], {}, 10)).toEqual([])
    const onlyB = searchTopGroups(search, [[{ term: 'border', weight: 1 }]], { filter: (result) => result.group === 'b' }, 10)
    expect(onlyB.length).toBeGreaterThan(0)
    expect(onlyB.every((result) => result.group === 'b')).toBe(true)
  })
})
