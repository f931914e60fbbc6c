import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import { termOf, tokenize } from '../text/tokens.js'

/** One paragraph as indexed. `speakers` holds the names, aliases and roles of who speaks in it. */
export type ParagraphDocument = {
  id: number
  article: string
  paragraph: number
  text: string
  headline: string
  speakers: string
}

/** A paragraph that matched a query, with the search terms it matched (stemmed, for highlighting). */
export type ParagraphHit = {
  article: string
  paragraph: number
  score: number
  terms: string[]
}

/** The paragraph index: MiniSearch plus the documents, by id. */
export type ParagraphIndex = {
  search: MiniSearch<ParagraphDocument>
  documents: readonly ParagraphDocument[]
}

/** Search options for {@link searchParagraphs}; callers spread theirs over {@link defaultParagraphSearch}. */
export type ParagraphSearchOptions = {
  /** Only this article's paragraphs. */
  article: string | null
  limit: number
  /**
   * Prefix and fuzzy matching lower R@1 on whole questions (SQuAD dev), so they are only tried
   * when the exact terms match nothing.
   */
  isFallbackAllowed: boolean
}

export const defaultParagraphSearch: ParagraphSearchOptions = {
  article: null,
  limit: 10,
  isFallbackAllowed: true,
}

// Index and queries share one tokenizer and one term function (stop words out, Porter stems in);
// MiniSearch calls processTerm on both sides.
const INDEX_OPTIONS: Options<ParagraphDocument> = {
  fields: ['text', 'speakers', 'headline'],
  storeFields: [],
  tokenize: (text) => tokenize(text).map((token) => token.text),
  processTerm: (term) => termOf(term) ?? null,
  searchOptions: {
    boost: { text: 1, speakers: 0.6, headline: 0.3 },
    combineWith: 'OR',
  },
}

const FALLBACK_SEARCH: SearchOptions = { prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 5 ? 0.2 : false) }

/** Builds the index over the given paragraphs; `documents[i].id` must be `i`. */
export function createParagraphIndex(documents: readonly ParagraphDocument[]): ParagraphIndex {
  const search = new MiniSearch<ParagraphDocument>(INDEX_OPTIONS)
  search.addAll(documents)
  return { search, documents }
}

/** Serialises the index for a snapshot; {@link loadParagraphIndex} reads it back. */
export function saveParagraphIndex(index: ParagraphIndex): string {
  return JSON.stringify({ index: index.search, documents: index.documents })
}

/** Loads an index saved by {@link saveParagraphIndex}, with the same options it was built with. */
export function loadParagraphIndex(json: string): ParagraphIndex {
  const parsed = JSON.parse(json) as { index: unknown; documents: ParagraphDocument[] }
  const search = MiniSearch.loadJS<ParagraphDocument>(parsed.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS)
  return { search, documents: parsed.documents }
}

/**
 * BM25 candidates for a query, best first. Returns `[]` when nothing matches, even after the
 * prefix/fuzzy fallback.
 */
export function searchParagraphs(
  index: ParagraphIndex,
  query: string,
  options: Partial<ParagraphSearchOptions> = {},
): ParagraphHit[] {
  const { article, limit, isFallbackAllowed } = { ...defaultParagraphSearch, ...options }
  const filter =
    article === null ? undefined : (result: { id: number }) => index.documents[result.id]?.article === article
  let results = index.search.search(query, { filter })
  if (results.length === 0 && isFallbackAllowed) results = index.search.search(query, { ...FALLBACK_SEARCH, filter })
  return results.slice(0, limit).map((result) => {
    const document = index.documents[result.id as number]
    return {
      article: document?.article ?? '',
      paragraph: document?.paragraph ?? 0,
      score: result.score,
      terms: result.terms,
    }
  })
}

/** "Did you mean" suggestions from the corpus vocabulary, best first; `[]` when none. */
export function suggestQueries(index: ParagraphIndex, query: string, limit = 3): string[] {
  return index.search
    .autoSuggest(query, { fuzzy: 0.25, prefix: true })
    .slice(0, limit)
    .map((suggestion) => suggestion.suggestion)
}
