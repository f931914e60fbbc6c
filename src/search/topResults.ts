import type MiniSearch from 'minisearch'
import type { SearchOptions, SearchResult } from 'minisearch'

// MiniSearch's `search` makes a result object for every matching document and sorts them all;
// on 100,000 paragraphs an OR query of a question matches up to ~25,000, when the re-ranker reads
// 40. `searchTop` returns exactly `search(query, options).slice(0, limit)` (same documents,
// scores, terms and order, ties included) but makes and orders only the best `limit`: about half
// the time of a candidate search at that size.
//
// It scores through MiniSearch's own (private) `executeQuery`, so the scores are MiniSearch's.
// When a MiniSearch version has no such method it falls back to `search` itself: slower, never
// different.

type RawResult = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>

type Internals = {
  executeQuery?: (query: string, options: SearchOptions) => RawResult
  _documentIds: Map<number, unknown>
  _storedFields: Map<number, Record<string, unknown>>
  _options: { searchOptions: SearchOptions }
}

/** The best `limit` results of `search.search(query, options)`, in its order. */
export function searchTop<T>(search: MiniSearch<T>, query: string, options: SearchOptions, limit: number): SearchResult[] {
  const internals = search as unknown as Internals
  if (typeof internals.executeQuery !== 'function' || !(internals._documentIds instanceof Map)) return search.search(query, options).slice(0, limit)
  const raw = internals.executeQuery.call(search, query, options)
  const { filter } = { ...internals._options.searchOptions, ...options }
  // The best so far, best first; among equal scores the earlier match first, as a stable sort leaves them.
  const best: SearchResult[] = []
  for (const [shortId, { score, terms, match }] of raw) {
    // As `search` scores: a document matching more of the query's terms counts more.
    const final = score * (terms.length || 1)
    if (limit <= 0 || (best.length >= limit && final <= (best[limit - 1]?.score ?? Infinity))) continue
    const result: SearchResult = { id: internals._documentIds.get(shortId), score: final, terms: Object.keys(match), queryTerms: terms, match }
    Object.assign(result, internals._storedFields.get(shortId))
    if (filter !== undefined && !filter(result)) continue
    let at = best.length
    while (at > 0 && (best[at - 1]?.score ?? Infinity) < final) at--
    best.splice(at, 0, result)
    if (best.length > limit) best.pop()
  }
  return best
}
