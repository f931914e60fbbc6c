import MiniSearch, { type SearchOptions } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { searchTop } from '../../src/search/topResults.js'

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

describe('searchTop', () => {
  it.each([
    { name: 'an OR query', query: 'border talks kabul', options: {} },
    { name: 'an AND query', query: 'border talks', options: { combineWith: 'AND' } },
    { name: 'prefix and fuzzy terms', query: 'bord trad', options: { prefix: true, fuzzy: 0.2 } },
    { name: 'a filter on stored fields', query: 'border talks trade', options: { filter: (result: { group?: unknown }) => result.group === 'b' } },
    { name: 'no match', query: 'ceasefire', options: {} },
  ])('returns what search(…).slice(0, limit) returns: $name', ({ query, options }) => {
    for (const limit of [0, 1, 4, 7, 100]) expect(searchTop(search, query, options as SearchOptions, limit)).toEqual(search.search(query, options as SearchOptions).slice(0, limit))
  })
})
