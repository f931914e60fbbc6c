import { deserialize, serialize } from 'node:v8'
import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import { foldWord, termOf, tokenize } from '../text/tokens.js'
import { loadMiniSearch, type Pause, saveMiniSearch } from './miniSearchStore.js'
import { isVisibleIn } from './paragraphIndex.js'

/**
 * One quote as indexed: its words, and who said it (name, aliases and role in one field) so
 * "Lindqvist tariffs" finds what Lindqvist said about tariffs. `quote` is the position of the
 * quote in its article's attribution list, which is how callers get the full quote back.
 */
export type QuoteDocument = {
  id: number
  article: string
  /** The article's collection (null: shared); see `isVisibleIn` in paragraphIndex.ts. */
  server: string | null
  paragraph: number
  quote: number
  text: string
  speaker: string
}

/** A quote that matched, with its BM25 score. */
export type QuoteIndexHit = {
  document: QuoteDocument
  score: number
}

/**
 * The quote index as one view sees it: MiniSearch, the documents by id, and each search term's
 * words as written. Like the paragraph index, one index holds every collection's quotes and
 * every search keeps to the documents of the view's `server` (and the shared ones).
 */
export type QuoteIndex = {
  search: MiniSearch<QuoteDocument>
  /** By id; `undefined` where a document was discarded. */
  documents: ReadonlyArray<QuoteDocument | undefined>
  /** Stem → the way it is most often written, so suggestions read as real words. */
  surfaces: ReadonlyMap<string, string>
  /** The view: the shared quotes are seen, and this server's when not null. */
  server: string | null
}

/** The same index as the view of `server` sees it (nothing is copied). */
export function viewQuoteIndex(index: QuoteIndex, server: string | null): QuoteIndex {
  return index.server === server ? index : { ...index, server }
}

/**
 * Adds quotes to the index in place, for an article added without a rebuild; each `id` must be
 * the next free one. A word form already known keeps its form.
 */
export function addQuotes(index: QuoteIndex, documents: readonly QuoteDocument[]): void {
  const mutable = index as unknown as { documents: Array<QuoteDocument | undefined>; surfaces: Map<string, string> }
  for (const document of documents) {
    if (document.id !== mutable.documents.length) throw new Error(`quote index: document ${document.id} is not the next id`)
    mutable.documents.push(document)
    index.search.add(document)
  }
  for (const [term, form] of surfacesOf(documents)) if (!mutable.surfaces.has(term)) mutable.surfaces.set(term, form)
}

/** Removes quotes from the index in place (MiniSearch's `discard`); unknown ids are ignored. */
export function discardQuotes(index: QuoteIndex, ids: readonly number[]): void {
  const mutable = index as unknown as { documents: Array<QuoteDocument | undefined> }
  for (const id of ids) {
    if (mutable.documents[id] === undefined) continue
    index.search.discard(id)
    mutable.documents[id] = undefined
  }
}

/** Options for {@link searchQuoteIndex}; callers spread theirs over {@link defaultQuoteIndexSearch}. */
export type QuoteIndexSearchOptions = {
  /** Only documents this accepts; null: all. */
  filter: ((document: QuoteDocument) => boolean) | null
  /** Phrases (as typed, without their quotation marks) the quote text must contain. */
  phrases: readonly string[]
}

export const defaultQuoteIndexSearch: QuoteIndexSearchOptions = { filter: null, phrases: [] }

// Index and queries share the paragraph index's tokenizer and term function (stop words out,
// Porter stems in), so a keyword means the same in /ask and /quote.
const INDEX_OPTIONS: Options<QuoteDocument> = {
  fields: ['text', 'speaker'],
  storeFields: [],
  tokenize: (text) => tokenize(text).map((token) => token.text),
  processTerm: (term) => termOf(term) ?? null,
  searchOptions: { boost: { text: 1, speaker: 0.5 }, combineWith: 'AND' },
}

// A keyword is a prefix ("terror" finds "terrorism", "terrorist"); typos are tried only when the
// exact and prefix search find nothing, as fuzzy matches drown out good ones.
const PREFIX_SEARCH: SearchOptions = { prefix: (term) => term.length >= 3 }
const FUZZY_SEARCH: SearchOptions = { prefix: (term) => term.length >= 3, fuzzy: (term) => (term.length >= 4 ? 0.25 : false) }

// Quotation marks of every kind, dropped before a phrase is compared with a quote.
const QUOTE_MARKS = /["“”„‟«»‹›'‘’‚‛`´]/g

/** Builds the index; `documents[i].id` must be `i`. */
export function createQuoteIndex(documents: readonly QuoteDocument[]): QuoteIndex {
  const search = new MiniSearch<QuoteDocument>(INDEX_OPTIONS)
  search.addAll(documents)
  return { search, documents: [...documents], surfaces: surfacesOf(documents), server: null }
}

/**
 * The index as snapshot chunks (the word forms, then MiniSearch's; see `miniSearchStore.ts`).
 * The documents are not stored: they are rebuilt from the attribution, which the snapshot holds.
 */
export function saveQuoteIndex(index: QuoteIndex): Uint8Array[] {
  return [serialize(index.surfaces), ...saveMiniSearch(index.search)]
}

/**
 * Loads an index saved by {@link saveQuoteIndex} over the same `documents` it was built from,
 * awaiting `pause` between chunks. Throws when the chunks are not such an index.
 */
export async function loadQuoteIndex(
  chunks: readonly Uint8Array[],
  documents: ReadonlyArray<QuoteDocument | undefined>,
  pause: Pause,
): Promise<QuoteIndex> {
  const [surfaces, ...rest] = chunks
  const parsed: unknown = surfaces === undefined ? null : deserialize(surfaces)
  if (!(parsed instanceof Map)) throw new Error('quote index: the word forms are missing')
  const search = await loadMiniSearch<QuoteDocument>(rest, INDEX_OPTIONS, pause)
  if (search.documentCount !== documents.length)
    throw new Error(`quote index: ${search.documentCount} quotes indexed, ${documents.length} given`)
  return { search, documents: [...documents], surfaces: parsed as Map<string, string>, server: null }
}

/**
 * The quotes matching `query` (every keyword, as a prefix, and every phrase), best first; fuzzy
 * when nothing matches exactly. A query of stop words only ("do so") is matched by its phrases
 * alone. `[]` when nothing matches.
 */
export function searchQuoteIndex(index: QuoteIndex, query: string, options: Partial<QuoteIndexSearchOptions> = {}): QuoteIndexHit[] {
  const { filter, phrases } = { ...defaultQuoteIndexSearch, ...options }
  const wanted = phrases.map(normalisePhrase).filter((phrase) => phrase.length > 0)
  // Only what this view sees, checked inside the search.
  const accepts = (document: QuoteDocument | undefined): document is QuoteDocument =>
    isVisibleIn(index.server, document) &&
    document !== undefined &&
    (filter === null || filter(document)) &&
    wanted.every((phrase) => normalisePhrase(document.text).includes(phrase))
  const words = [query, ...phrases].join(' ')
  if (tokenize(words).every((token) => termOf(token.text) === null)) {
    // Nothing to look up: scan, scoring every accepted quote alike.
    return wanted.length === 0 ? [] : index.documents.filter(accepts).map((document) => ({ document, score: 1 }))
  }
  const run = (options: SearchOptions) =>
    index.search
      .search(words, { ...options, filter: (result) => accepts(index.documents[result.id as number]) })
      .map((result) => ({ document: index.documents[result.id as number] as QuoteDocument, score: result.score }))
  const hits = run(PREFIX_SEARCH)
  // A phrase is checked exactly, so a typo in it cannot be forgiven by fuzzy matching.
  return hits.length > 0 || wanted.length > 0 ? hits : run(FUZZY_SEARCH)
}

/**
 * Close words from the quotes' vocabulary for a query that matched nothing, written as in the
 * text ("Parliament" for "Parliment"), best first; `[]` when none is close.
 */
export function suggestQuoteTerms(index: QuoteIndex, query: string, limit = 3): string[] {
  const suggestions: string[] = []
  const visible = (result: { id: unknown }) => isVisibleIn(index.server, index.documents[result.id as number])
  for (const { suggestion } of index.search.autoSuggest(query, { fuzzy: 0.3, prefix: true, combineWith: 'OR', filter: visible })) {
    const words = suggestion
      .split(' ')
      .map((term) => index.surfaces.get(term) ?? term)
      .join(' ')
    if (!suggestions.includes(words)) suggestions.push(words)
    if (suggestions.length >= limit) break
  }
  return suggestions
}

/** Lowercased, quotation marks removed, white space collapsed: how phrases and quotes are compared. */
export function normalisePhrase(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUOTE_MARKS, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

function surfacesOf(documents: readonly QuoteDocument[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  // Each distinct word is read once: a corpus writes the same words over and over.
  const readings = new Map<string, { term: string; written: string; weight: number } | null>()
  for (const document of documents) {
    for (const token of tokenize(`${document.text} ${document.speaker}`)) {
      let reading = readings.get(token.text)
      if (reading === undefined) {
        const term = termOf(token.text)
        // Keep the capitalisation of names but not of sentence starts: prefer the lowercase form
        // when both occur, by counting the folded form separately.
        const written = token.text.replace(/['’]s$/, '')
        reading = term === null ? null : { term, written, weight: written === foldWord(written) ? 1.5 : 1 }
        readings.set(token.text, reading)
      }
      if (reading === null) continue
      const forms = counts.get(reading.term) ?? new Map<string, number>()
      forms.set(reading.written, (forms.get(reading.written) ?? 0) + reading.weight)
      counts.set(reading.term, forms)
    }
  }
  const surfaces = new Map<string, string>()
  for (const [term, forms] of counts) {
    const best = [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]
    if (best !== undefined) surfaces.set(term, best[0])
  }
  return surfaces
}
