import type MiniSearch from 'minisearch'
import type { SearchOptions } from 'minisearch'

// MiniSearch's private fields that byline reads or writes, in one place: the snapshot store
// (miniSearchStore.ts) saves and restores them as MiniSearch's own loadJS does, and searchTop
// (topResults.ts) scores postings and calls the private executeQuery. They are MiniSearch 7.2's
// (src/MiniSearch.ts); package.json pins the exact version, so an upgrade is a deliberate change:
// check these against the new source, then run test/search/ (both callers also check the fields
// at run time and rebuild or fall back when they are missing).

/** One term's postings in one field: document short id → term frequency. */
export type FieldPostings = Map<number, number>

/** One term's postings in every field: field id → its postings. */
export type TermData = Map<number, FieldPostings>

/** What the private `executeQuery` returns: document short id → score, matched terms, and the fields each term matched. */
export type RawResults = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>

/** The private state and methods of a MiniSearch instance. */
export type MiniSearchInternals = {
  _documentCount: number
  _nextId: number
  _fieldIds: Record<string, number>
  _avgFieldLength: number[]
  /** Documents discarded but not yet vacuumed; 0 when the index holds no stale postings. */
  _dirtCount: number
  /** Short id → the document's id. */
  _documentIds: Map<number, unknown>
  _idToShortId: Map<unknown, number>
  /** Short id → the document's length in each field (a hole for a field it lacks). */
  _fieldLength: Map<number, number[]>
  _storedFields: Map<number, Record<string, unknown>>
  /** The term radix tree (a SearchableMap). */
  _index: {
    get: (term: string) => TermData | undefined
    set: (term: string, data: TermData) => unknown
    [Symbol.iterator]: () => Iterator<[string, TermData]>
  }
  /** The options the index was made with, defaults filled in. */
  _options: {
    fields: string[]
    tokenize: (text: string) => string[]
    processTerm: (term: string) => string | string[] | null | undefined | false
    searchOptions: SearchOptions
  }
  executeQuery: (query: string, options: SearchOptions) => RawResults
}

/**
 * `search` seen with its private fields, none checked: every field may be missing in another
 * MiniSearch version, so callers test the ones they use before relying on them.
 */
export function internalsOf<T>(search: MiniSearch<T>): Partial<MiniSearchInternals> {
  return search as unknown as Partial<MiniSearchInternals>
}
