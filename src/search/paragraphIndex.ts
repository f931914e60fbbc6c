import { deserialize, serialize } from 'node:v8'
import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import { foldWord, termOf, termsOf, tokenize } from '../text/tokens.js'
import type { QueryAnalysis } from './analyzeQuery.js'
import { correctQuery, createVocabulary, type Vocabulary } from './correctQuery.js'
import { type ExpandedQuery, expandQuery, withNearestWords } from './expandQuery.js'
import type { Lexicon } from './lexicon.js'
import { loadMiniSearch, type Pause, saveMiniSearch } from './miniSearchStore.js'
import { type PassageProfile, profilePassage } from './passageProfile.js'
import { loadProfiles, saveProfiles } from './profileStore.js'
import { defaultRerankWeights, type RerankSignals, type RerankWeights, rerankCandidates, type TermStatistics } from './rerank.js'
import { searchTop, searchTopGroups, type TermGroup } from './topResults.js'
import { isCommonWord } from './wordVectors.js'

/**
 * One paragraph as indexed. `speakers` holds the names, aliases and roles of who speaks in it;
 * `server` is its article's collection (null: shared), which decides the views that see it.
 */
export type ParagraphDocument = {
  id: number
  article: string
  server: string | null
  paragraph: number
  text: string
  headline: string
  speakers: string
}

/** A paragraph that matched a query, with the search terms it matched (stemmed, for highlighting). */
export type ParagraphHit = {
  /** The document id (index into `documents`). */
  id: number
  article: string
  paragraph: number
  score: number
  terms: string[]
}

/**
 * The paragraph index, as one view sees it: MiniSearch plus the documents, by id, and what the
 * re-ranker reads: one profile per document, how many documents hold each term, and the most
 * frequent way each term is written (so "did you mean" shows words, not stems).
 *
 * One index holds the paragraphs of every collection (the shared articles and every server's);
 * a view is the same index with its `server`, and every search here keeps to the documents that
 * view may see ({@link isVisibleIn}) inside the search itself, so its best N are the view's best
 * N. The term statistics and vocabulary count every collection: they weigh and correct query
 * words, and what reaches an answer is always a visible paragraph. Documents discarded by
 * {@link discardParagraphs} leave `undefined` at their id.
 */
export type ParagraphIndex = {
  search: MiniSearch<ParagraphDocument>
  documents: ReadonlyArray<ParagraphDocument | undefined>
  profiles: readonly PassageProfile[]
  /** How many paragraphs hold each term, over the whole index. */
  statistics: TermStatistics
  surfaceForms: ReadonlyMap<string, string>
  /** Every term of the index, for correcting misspelt question words. */
  vocabulary: Vocabulary
  /** The view: the shared paragraphs are seen, and this server's when not null. */
  server: string | null
}

/** Whether a view of `server` sees a document of collection `document.server`: shared ones always, a server's only its own. */
export function isVisibleIn(server: string | null, document: { server: string | null } | undefined): boolean {
  return document !== undefined && (document.server === null || document.server === server)
}

/** The same index as the view of `server` sees it (nothing is copied). */
export function viewParagraphIndex(index: ParagraphIndex, server: string | null): ParagraphIndex {
  return index.server === server ? index : { ...index, server }
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

// Classic BM25 with the textbook parameters (Robertson's k1 1.2, b 0.75, as Lucene), not
// MiniSearch's BM25+ (d 0.5): BM25+ gives every matching paragraph a floor per matched term,
// which favours long paragraphs that mention the words in passing; the re-ranker rewards
// coverage itself. On SQuAD dev: local R@1 +0.003, global +0.003, on both halves of the articles.
const CLASSIC_BM25 = { k: 1.2, b: 0.75, d: 0 }

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
    bm25: CLASSIC_BM25,
  },
}

const FALLBACK_SEARCH: SearchOptions = { prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 5 ? 0.2 : false) }

/** Builds the index over the given paragraphs; `documents[i].id` must be `i`. */
export function createParagraphIndex(documents: readonly ParagraphDocument[]): ParagraphIndex {
  const search = new MiniSearch<ParagraphDocument>(INDEX_OPTIONS)
  search.addAll(documents)
  const profiles = documents.map((document) => profilePassage(document.text))
  const statistics = statisticsOf(profiles)
  return {
    search,
    documents: [...documents],
    profiles,
    statistics,
    surfaceForms: surfaceFormsOf(documents),
    vocabulary: createVocabulary(statistics.documentFrequency),
    server: null,
  }
}

// The index is one object shared by every view and changed in place only by these two functions,
// one change at a time (the library holder serialises them), between two searches.
type MutableIndex = {
  documents: Array<ParagraphDocument | undefined>
  profiles: PassageProfile[]
  statistics: { documentCount: number; documentFrequency: Map<string, number> }
  surfaceForms: Map<string, string>
}

/**
 * Adds paragraphs to the index in place (MiniSearch's `add`, their profiles, term statistics,
 * vocabulary and word forms), for an article added without a rebuild. Each document's `id` must
 * be the next free one (`documents.length`, then +1). A word form already known keeps its form.
 */
export function addParagraphs(index: ParagraphIndex, documents: readonly ParagraphDocument[]): void {
  const mutable = index as unknown as MutableIndex
  for (const document of documents) {
    if (document.id !== mutable.documents.length) throw new Error(`paragraph index: document ${document.id} is not the next id`)
    const profile = profilePassage(document.text)
    mutable.documents.push(document)
    mutable.profiles.push(profile)
    index.search.add(document)
    countTerms(mutable, profile, 1)
  }
  for (const [term, form] of surfaceFormsOf(documents)) if (!mutable.surfaceForms.has(term)) mutable.surfaceForms.set(term, form)
}

/**
 * Removes paragraphs from the index in place (MiniSearch's `discard`, then a vacuum in the
 * background; their statistics uncounted). Their ids stay free forever. Unknown ids are ignored.
 */
export function discardParagraphs(index: ParagraphIndex, ids: readonly number[]): void {
  const mutable = index as unknown as MutableIndex
  for (const id of ids) {
    const document = mutable.documents[id]
    if (document === undefined) continue
    index.search.discard(id)
    countTerms(mutable, mutable.profiles[id] ?? EMPTY_PROFILE, -1)
    mutable.documents[id] = undefined
    mutable.profiles[id] = EMPTY_PROFILE
  }
  // searchTop scores only an index without discarded postings itself (else MiniSearch's slower
  // scoring cleans them up): vacuum them away, a batch at a time, without holding the thread.
  if (index.search.dirtCount > 0 && !index.search.isVacuuming) void index.search.vacuum({ batchSize: 2_000, batchWait: 1 })
}

const EMPTY_PROFILE: PassageProfile = { terms: [], words: [], shapes: '', sentenceStarts: [0] }

function countTerms(index: MutableIndex, profile: PassageProfile, change: 1 | -1): void {
  const { documentFrequency } = index.statistics
  index.statistics.documentCount += change
  for (const term of new Set(profile.terms)) {
    if (term === '') continue
    const count = (documentFrequency.get(term) ?? 0) + change
    if (count > 0) documentFrequency.set(term, count)
    else documentFrequency.delete(term)
    const vocabulary = (index as unknown as { vocabulary: Vocabulary }).vocabulary
    if (count > 0) vocabulary.set(term, count)
    else vocabulary.delete(term)
  }
}

/**
 * The index as snapshot chunks: the term statistics and word forms, the passage profiles (see
 * `profileStore.ts`), then MiniSearch's (see `miniSearchStore.ts`). The documents are not
 * stored: they are rebuilt from the articles, which the snapshot holds.
 */
export function saveParagraphIndex(index: ParagraphIndex): Uint8Array[] {
  const profiles = saveProfiles(index.profiles)
  const head: StoredHead = {
    documentFrequency: index.statistics.documentFrequency,
    surfaceForms: index.surfaceForms,
    profileChunks: profiles.length,
  }
  return [serialize(head), ...profiles, ...saveMiniSearch(index.search)]
}

/**
 * Loads an index saved by {@link saveParagraphIndex} over the same `documents` it was built
 * from, awaiting `pause` between chunks. Throws when the chunks are not such an index.
 */
export async function loadParagraphIndex(
  chunks: readonly Uint8Array[],
  documents: ReadonlyArray<ParagraphDocument | undefined>,
  pause: Pause,
): Promise<ParagraphIndex> {
  const [first, ...rest] = chunks
  const head = (first === undefined ? null : deserialize(first)) as StoredHead | null
  if (!(head?.documentFrequency instanceof Map) || !(head.surfaceForms instanceof Map))
    throw new Error('paragraph index: the term statistics are missing')
  const profiles = await loadProfiles(rest.slice(0, head.profileChunks), pause)
  const search = await loadMiniSearch<ParagraphDocument>(rest.slice(head.profileChunks), INDEX_OPTIONS, pause)
  if (profiles.length !== documents.length || search.documentCount !== documents.length) {
    throw new Error(
      `paragraph index: ${search.documentCount} paragraphs indexed and ${profiles.length} profiled, ${documents.length} given`,
    )
  }
  await pause()
  const statistics = { documentCount: profiles.length, documentFrequency: new Map(head.documentFrequency) }
  return {
    search,
    documents: [...documents],
    profiles,
    statistics,
    surfaceForms: new Map(head.surfaceForms),
    vocabulary: createVocabulary(statistics.documentFrequency),
    server: null,
  }
}

type StoredHead = { documentFrequency: ReadonlyMap<string, number>; surfaceForms: ReadonlyMap<string, string>; profileChunks: number }

// How many paragraphs hold each term, counted from the profiles.
function statisticsOf(profiles: readonly PassageProfile[]): TermStatistics {
  const documentFrequency = new Map<string, number>()
  for (const profile of profiles) {
    for (const term of new Set(profile.terms)) if (term !== '') documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  }
  return { documentCount: profiles.length, documentFrequency }
}

// For each term, the word form that writes it most often (lowercased unless always capitalised),
// so "did you mean" can offer "negotiations" rather than the stem "negoti".
function surfaceFormsOf(documents: readonly ParagraphDocument[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  for (const document of documents) {
    for (const token of tokenize(document.text)) {
      const term = termOf(token.text)
      if (term === null) continue
      const word =
        /^\p{Lu}/u.test(token.text) && token.text.slice(1) !== token.text.slice(1).toUpperCase() ? token.text : foldWord(token.text)
      const forms = counts.get(term) ?? new Map<string, number>()
      forms.set(word, (forms.get(word) ?? 0) + 1)
      counts.set(term, forms)
    }
  }
  const surfaces = new Map<string, string>()
  for (const [term, forms] of counts) {
    let best = ''
    let bestCount = 0
    for (const [form, count] of forms) if (count > bestCount) [best, bestCount] = [form, count]
    surfaces.set(term, best)
  }
  return surfaces
}

/**
 * BM25 candidates for a query, best first. Returns `[]` when nothing matches, even after the
 * prefix/fuzzy fallback.
 */
export function searchParagraphs(index: ParagraphIndex, query: string, options: Partial<ParagraphSearchOptions> = {}): ParagraphHit[] {
  const { article, limit, isFallbackAllowed } = { ...defaultParagraphSearch, ...options }
  // Only what this view sees, filtered inside searchTop so the best `limit` are the view's best.
  const filter = (result: { id: number }) => {
    const document = index.documents[result.id]
    return isVisibleIn(index.server, document) && (article === null || document?.article === article)
  }
  // Only the best `limit` matches become results (see searchTop): on 100,000 paragraphs a
  // question's OR query matches tens of thousands.
  let results = searchTop(index.search, query, { filter }, limit)
  if (results.length === 0 && isFallbackAllowed) results = searchTop(index.search, query, { ...FALLBACK_SEARCH, filter }, limit)
  return results.map((result) => {
    const document = index.documents[result.id as number]
    return {
      id: result.id as number,
      article: document?.article ?? '',
      paragraph: document?.paragraph ?? 0,
      score: result.score,
      terms: result.terms,
    }
  })
}

// BM25 over term groups (see searchTopGroups), with the prefix/fuzzy fallback of
// searchParagraphs when no group matches.
function searchGroups(
  index: ParagraphIndex,
  groups: readonly TermGroup[],
  words: readonly string[],
  options: Partial<ParagraphSearchOptions>,
): ParagraphHit[] {
  const { article, limit, isFallbackAllowed } = { ...defaultParagraphSearch, ...options }
  // Only what this view sees, filtered inside the search as in searchParagraphs.
  const filter = (result: { id: number }) => {
    const document = index.documents[result.id]
    return isVisibleIn(index.server, document) && (article === null || document?.article === article)
  }
  const results = searchTopGroups(index.search, groups, { filter }, limit)
  if (results.length === 0) return isFallbackAllowed ? searchParagraphs(index, words.join(' '), options) : []
  return results.map((result) => {
    const document = index.documents[result.id as number]
    return {
      id: result.id as number,
      article: document?.article ?? '',
      paragraph: document?.paragraph ?? 0,
      score: result.score,
      terms: result.terms,
    }
  })
}

// An article's lead: the paragraphs a reader has read with the headline (see RerankSignals.lead).
const LEAD_PARAGRAPHS = 2

/** A re-ranked paragraph: the BM25 hit with its final score and the signals behind it. */
export type RankedHit = ParagraphHit & { bm25Score: number; signals: RerankSignals }

/**
 * Options for {@link rankParagraphs}: the search options, how many BM25 candidates to re-rank,
 * and the lexicon that finds stand-ins for the question's words (null: its own words only).
 */
export type RankOptions = ParagraphSearchOptions & { candidates: number; weights: RerankWeights; lexicon: Lexicon | null }

export const defaultRankOptions: RankOptions = { ...defaultParagraphSearch, candidates: 40, weights: defaultRerankWeights, lexicon: null }

/**
 * The paragraphs that best answer an analysed question: the top BM25 candidates re-ranked by
 * sentence, pair, phrase, answer-type and speaker signals (see {@link rerankCandidates}).
 * Returns `[]` when nothing matches, even after the prefix/fuzzy fallback.
 */
export function rankParagraphs(index: ParagraphIndex, question: QueryAnalysis, options: Partial<RankOptions> = {}): RankedHit[] {
  return rankParagraphsExplained(index, question, options).hits
}

/** The ranking of {@link rankParagraphsExplained}, with what the question was searched as. */
export type Ranking = {
  hits: RankedHit[]
  /** The question as searched: misspelt words corrected (see `correctQuery`). */
  analysis: QueryAnalysis
  /** The stand-ins each of its words was searched with. */
  expanded: ExpandedQuery
}

/** {@link rankParagraphs}, also returning the corrected question and the stand-ins searched. */
export function rankParagraphsExplained(index: ParagraphIndex, question: QueryAnalysis, options: Partial<RankOptions> = {}): Ranking {
  const { limit, candidates, weights, lexicon, ...search } = { ...defaultRankOptions, ...options }
  // Misspelt words are corrected against the corpus vocabulary before BM25 and the re-ranker
  // see them; the question itself (for the direct answer) is the caller's.
  const vectors = lexicon?.vectors ?? null
  const analysis = correctQuery(question, index.vocabulary, index.surfaceForms, (word) => vectors !== null && isCommonWord(vectors, word))
  let expanded = expandQuery(analysis, lexicon, index.statistics.documentFrequency, index.surfaceForms)
  // The question's own words, question words left out, so BM25 weighs what the re-ranker weighs;
  // each with its stand-ins, which count only where the word itself is missing.
  const searchOptions = { ...search, limit: Math.max(candidates, limit) }
  let hits = searchGroups(index, expanded.groups, analysis.words, { ...searchOptions, isFallbackAllowed: false })
  if (hits.length === 0 && lexicon?.vectors) {
    // No word and no WordNet stand-in is in any paragraph: the corpus's words nearest in meaning
    // ("cops" → "police"), found by scanning its vocabulary, which only this rare case pays for.
    expanded = withNearestWords(expanded, index.surfaceForms, lexicon.vectors)
    hits = searchGroups(index, expanded.groups, analysis.words, { ...searchOptions, isFallbackAllowed: false })
  }
  if (hits.length === 0 && search.isFallbackAllowed) hits = searchParagraphs(index, analysis.words.join(' '), searchOptions)
  const byId = new Map(hits.map((hit) => [hit.id, hit]))
  const headlineTerms = new Map<string, ReadonlySet<string>>()
  const implicitTermsOf = (document: ParagraphDocument | undefined): ReadonlySet<string> => {
    if (document === undefined) return new Set()
    let terms = headlineTerms.get(document.headline)
    if (terms === undefined) {
      terms = new Set(termsOf(document.headline))
      headlineTerms.set(document.headline, terms)
    }
    return terms
  }
  const speakerTerms = new Set(analysis.speakerTerms)
  const ranked = rerankCandidates(
    hits,
    analysis,
    index.statistics,
    (id) => {
      const document = index.documents[id]
      const speakerMatches = analysis.speakers.map(
        ({ article, speaker }) => document !== undefined && document.article === article && document.speakers.includes(speaker.name),
      )
      const headline = implicitTermsOf(document)
      const subjectSpeaks = analysis.subjectSpeakers.some(
        ({ article, speaker }) => document !== undefined && document.article === article && document.speakers.includes(speaker.name),
      )
      return {
        subjectSpeaks,
        hasStatement: document !== undefined && document.speakers !== '',
        isLead: document !== undefined && document.paragraph <= LEAD_PARAGRAPHS,
        profile: index.profiles[id] ?? { terms: [], words: [], shapes: '', sentenceStarts: [0] },
        speakerMatches,
        // Where a speaker the question describes speaks, the words describing them are satisfied.
        implicitTerms: speakerMatches.includes(true) ? new Set([...headline, ...speakerTerms]) : headline,
      }
    },
    weights,
    expanded,
  )
  const ranking = ranked.slice(0, limit).map((candidate) => {
    const hit = byId.get(candidate.id) as ParagraphHit
    return { ...hit, score: candidate.score, bm25Score: candidate.bm25Score, signals: candidate.signals }
  })
  return { hits: ranking, analysis, expanded }
}

/** "Did you mean" suggestions from the corpus vocabulary, as words people write, best first; `[]` when none. */
export function suggestQueries(index: ParagraphIndex, query: string, limit = 3): string[] {
  // Content words only: a stop word ("do", "the") read as a prefix and fuzzily matches thousands
  // of terms (tens of milliseconds at 100,000 paragraphs) and is never what a suggestion is for.
  const words = tokenize(query)
    .filter((token) => termOf(token.text) !== null)
    .map((token) => token.text)
  if (words.length === 0) return []
  // OR: one word the corpus has nothing like ("xyzzy") must not hide the suggestions for the others.
  const suggestions = index.search
    .autoSuggest(words.join(' '), {
      fuzzy: 0.25,
      // Two edits at most: a long unknown name at three costs a walk of most of a large vocabulary.
      maxFuzzy: 2,
      prefix: true,
      combineWith: 'OR',
      // Only words of paragraphs this view sees.
      filter: (result) => isVisibleIn(index.server, index.documents[result.id as number]),
    })
    .map((suggestion) => suggestion.terms.map((term) => index.surfaceForms.get(term) ?? term).join(' '))
  return [...new Set(suggestions)].slice(0, limit)
}
