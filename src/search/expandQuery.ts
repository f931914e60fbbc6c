import { foldWord, termOf } from '../text/tokens.js'
import type { QueryAnalysis } from './analyzeQuery.js'
import type { Lexicon, Relation } from './lexicon.js'
import type { TermGroup } from './topResults.js'
import { rowOf, rowSimilarity, type WordVectors } from './wordVectors.js'

const CAPITALISED = /^\p{Lu}/u

/** A term standing in for one of the question's words, and why. */
export type StandIn = { term: string; weight: number; via: Relation | 'compound' | 'vector' }

/**
 * A question's words with the terms that may stand in for each (aligned with `analysis.terms`),
 * and how close any passage word comes to each (see {@link creditOf}).
 */
export type ExpandedQuery = {
  /** Per question term: the term itself (weight 1) first, then its stand-ins, best first. */
  groups: TermGroup[]
  /** Per question term: its stand-ins, with how each was found. */
  standIns: StandIn[][]
  /** Per question term: the vector row of the question's word, -1 when unknown or no vectors. */
  rows: number[]
  vectors: WordVectors | null
  /** Credits already worked out for a passage word, by its vector row (see {@link creditsOf}). */
  memo: Map<number, Float32Array | null>
  /** Every stand-in term of every group. */
  standInTerms: ReadonlySet<string>
  /**
   * Per question term: how much it says, in (0, 1], from how common its word is in English at
   * large (the vectors list words by frequency): "actually", "right", "stuff" in a chatty question
   * say little however rare they are in the articles; 1 without vectors or for unknown words.
   */
  importance: number[]
}

/** How a stand-in's weight is set; callers spread theirs over {@link defaultExpansionWeights}. */
export type ExpansionWeights = {
  /** A WordNet synonym of a common sense, at full vector similarity. */
  synonym: number
  /** A derived form ("decide" → "decision") that stems differently. */
  derived: number
  /** The two halves of a compound written together ("ceasefire" for "cease fire") or apart. */
  compound: number
  /** Below this vector similarity a WordNet synonym is another sense ("guy" → "cat") and dropped. */
  minSimilarity: number
  /** A passage word whose vector is this close to the question word's counts as a partial match … */
  vectorFloor: number
  /** … earning this share of the word's weight at similarity 1, linearly from 0 at the floor. */
  vectorShare: number
  /** A word among the most frequent this many in English counts fully only from this rank on … */
  commonRank: number
  /** … and at least this share of its weight, rising with log rank. */
  commonFloor: number
}

// Below the reader's own words, so a passage that says what the reader said still wins; set on
// the questions dev set and checked on SQuAD dev (where paraphrase is rare, they must cost nothing).
export const defaultExpansionWeights: ExpansionWeights = {
  synonym: 0.6,
  derived: 0.8,
  compound: 0.9,
  minSimilarity: 0.3,
  vectorFloor: 0.5,
  vectorShare: 0.6,
  commonRank: 10_000,
  commonFloor: 0.3,
}

/**
 * Finds stand-ins for the question's words among the corpus's terms (`documentFrequency`):
 * WordNet synonyms and derived forms (weighted by how close their vectors are, so a rare sense
 * counts little or not at all) and compounds written together or apart. `surfaceForms` gives the
 * word a corpus term is written as, for its vector. Without a lexicon only compounds are found.
 */
export function expandQuery(
  analysis: QueryAnalysis,
  lexicon: Lexicon | null,
  documentFrequency: ReadonlyMap<string, number>,
  surfaceForms: ReadonlyMap<string, string>,
  weights: ExpansionWeights = defaultExpansionWeights,
): ExpandedQuery {
  const vectors = lexicon?.vectors ?? null
  const inCorpus = (term: string | null): term is string => term !== null && (documentFrequency.get(term) ?? 0) > 0
  const rows = analysis.words.map((word) => (vectors === null ? -1 : rowOf(vectors, word)))
  const standIns = analysis.terms.map((term, i) => {
    const found = new Map<string, StandIn>()
    const offer = (standIn: StandIn) => {
      if (standIn.term === term || !inCorpus(standIn.term) || standIn.weight <= 0) return
      if ((found.get(standIn.term)?.weight ?? 0) < standIn.weight) found.set(standIn.term, standIn)
    }
    for (const related of lexicon?.related.get(term) ?? []) {
      if (!inCorpus(related.term)) continue
      const base = related.relation === 'derived' ? weights.derived : weights.synonym
      const row = rows[i] ?? -1
      if (vectors === null || row < 0) {
        offer({ term: related.term, weight: base, via: related.relation })
        continue
      }
      const similarity = rowSimilarity(vectors, row, rowOf(vectors, foldWord(surfaceForms.get(related.term) ?? related.term)))
      // Derived forms are the same idea in another part of speech, whatever their vectors say.
      if (related.relation === 'derived') offer({ term: related.term, weight: base, via: 'derived' })
      else if (similarity >= weights.minSimilarity)
        offer({ term: related.term, weight: base * Math.min(1, similarity + 0.3), via: 'synonym' })
    }
    // "cease fire" → "ceasefire"; "ceasefire" (unknown) → "cease" / "fire".
    const word = analysis.words[i] ?? ''
    const next = analysis.words[i + 1]
    const previous = analysis.words[i - 1]
    if (next !== undefined) offer({ term: termOf(word + next) ?? '', weight: weights.compound, via: 'compound' })
    if (previous !== undefined) offer({ term: termOf(previous + word) ?? '', weight: weights.compound, via: 'compound' })
    if (!inCorpus(term)) for (const half of halvesOf(word, inCorpus)) offer({ term: half, weight: weights.compound, via: 'compound' })
    return [...found.values()].sort((a, b) => b.weight - a.weight)
  })
  // Names ("India", "Apple": written capitalised in the corpus) are what a question is about,
  // however common in English.
  const importance = rows.map((row, i) =>
    row < 0 || CAPITALISED.test(surfaceForms.get(analysis.terms[i] ?? '') ?? '')
      ? 1
      : Math.min(1, Math.max(weights.commonFloor, Math.log(row + 10) / Math.log(weights.commonRank))),
  )
  // BM25 weighs the words as the re-ranker does: common English words less.
  const scale = (i: number) => importance[i] ?? 1
  return {
    groups: analysis.terms.map((term, i) => [
      { term, weight: scale(i) },
      ...(standIns[i] ?? []).map(({ term, weight }) => ({ term, weight: weight * scale(i) })),
    ]),
    standIns,
    rows,
    vectors,
    memo: new Map(),
    standInTerms: new Set(standIns.flatMap((list) => list.map((standIn) => standIn.term))),
    importance,
  }
}

// The two corpus terms a compound splits into, each at least three letters; [] when none.
function halvesOf(word: string, inCorpus: (term: string | null) => term is string): string[] {
  for (let at = 3; at <= word.length - 3; at++) {
    const left = termOf(word.slice(0, at))
    const right = termOf(word.slice(at))
    if (inCorpus(left) && inCorpus(right)) return [left, right]
  }
  return []
}

/**
 * How much a passage word counts toward each of the question's terms (aligned with
 * `analysis.terms`), each in [0, 1): a stand-in's weight, or a share of the word vectors'
 * similarity above the floor; null when it counts toward none. `term` is the word's search term
 * (the term itself is the caller's to match, with credit 1; a stop word, '', counts toward none)
 * and `row` its vector row (see {@link vectorRowsOf}), -1 when unknown.
 */
export function creditsOf(
  expanded: ExpandedQuery,
  row: number,
  term: string,
  weights: ExpansionWeights = defaultExpansionWeights,
): Float32Array | null {
  if (term === '') return null
  const isStandIn = expanded.standInTerms.has(term)
  if (row < 0 && !isStandIn) return null
  // A word's credits depend on its term only through the stand-ins, so they are kept by row.
  if (!isStandIn) {
    const known = expanded.memo.get(row)
    if (known !== undefined) return known
  }
  let credits: Float32Array | null = null
  const { groups, rows, vectors } = expanded
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index] as TermGroup
    let credit = 0
    if (isStandIn) for (let i = 1; i < group.length; i++) if (group[i]?.term === term) credit = Math.max(credit, group[i]?.weight ?? 0)
    const queryRow = rows[index] ?? -1
    if (vectors !== null && row >= 0 && queryRow >= 0 && queryRow !== row) {
      const similarity = rowSimilarity(vectors, queryRow, row)
      if (similarity > weights.vectorFloor)
        credit = Math.max(credit, (weights.vectorShare * (similarity - weights.vectorFloor)) / (1 - weights.vectorFloor))
    }
    if (credit > 0) {
      credits ??= new Float32Array(groups.length)
      credits[index] = credit
    }
  }
  if (!isStandIn) expanded.memo.set(row, credits)
  return credits
}

// Each profile's vector rows, worked out the first time a question reads it (a map lookup per
// word, which would otherwise be paid by every question that reads the paragraph).
const ROWS = new WeakMap<WordVectors, WeakMap<readonly string[], Int32Array>>()

/**
 * The vector row of each of `words` (-1 when unknown, and for stop words: `terms` aligned with
 * `words`, '' for a stop word), cached per word list.
 */
export function vectorRowsOf(vectors: WordVectors, words: readonly string[], terms: readonly string[]): Int32Array {
  let byWords = ROWS.get(vectors)
  if (byWords === undefined) {
    byWords = new WeakMap()
    ROWS.set(vectors, byWords)
  }
  let rows = byWords.get(words)
  if (rows === undefined) {
    rows = new Int32Array(words.length)
    // A stop word is never credited, so its row (a lookup in a map of 200,000 words) is not needed.
    for (let i = 0; i < words.length; i++) rows[i] = terms[i] === '' ? -1 : rowOf(vectors, words[i] ?? '')
    byWords.set(words, rows)
  }
  return rows
}

// How many of the corpus's words nearest a question word stand in for it, and how near they must be.
const NEAREST_WORDS = 3
const NEAREST_SIMILARITY = 0.55
// The most frequent words ("anyone", "whatever", "does") are near each other in meaning and say
// little; they neither look for nor stand in for others.
const FUNCTION_ROWS = 2000

/** The corpus's words that may stand in for others (known to the vectors, not function words), with their rows. */
type VocabularyRows = { vectors: WordVectors; read: number; terms: string[]; rows: number[] }
const VOCABULARY_ROWS = new WeakMap<ReadonlyMap<string, string>, VocabularyRows>()

// Worked out once per vocabulary and extended as it grows (words are only ever added to it, in
// order): folding and looking up tens of thousands of words cost more than the scan itself.
function vocabularyRowsOf(surfaceForms: ReadonlyMap<string, string>, vectors: WordVectors): VocabularyRows {
  let known = VOCABULARY_ROWS.get(surfaceForms)
  if (known === undefined || known.vectors !== vectors || known.read > surfaceForms.size) {
    known = { vectors, read: 0, terms: [], rows: [] }
    VOCABULARY_ROWS.set(surfaceForms, known)
  }
  if (known.read === surfaceForms.size) return known
  let at = 0
  for (const [term, word] of surfaceForms) {
    if (at++ < known.read) continue
    const row = rowOf(vectors, foldWord(word))
    if (row < FUNCTION_ROWS) continue
    known.terms.push(term)
    known.rows.push(row)
  }
  known.read = surfaceForms.size
  return known
}

/**
 * `expanded` with, for each question word the corpus does not hold, its nearest corpus words by
 * vector similarity as stand-ins (at most 3, similarity ≥ 0.55, weighted as vector credit);
 * the 2,000 most frequent English words take no part.
 * Scans the whole vocabulary (`surfaceForms`: corpus term → word), so only for questions that
 * match nothing otherwise.
 */
export function withNearestWords(
  expanded: ExpandedQuery,
  surfaceForms: ReadonlyMap<string, string>,
  vectors: WordVectors,
  weights: ExpansionWeights = defaultExpansionWeights,
): ExpandedQuery {
  const wanted = expanded.rows.map((row, i) => (row >= FUNCTION_ROWS && (expanded.groups[i]?.length ?? 0) <= 1 ? row : -1))
  if (wanted.every((row) => row < 0)) return expanded
  const nearest = wanted.map(() => [] as StandIn[])
  const vocabulary = vocabularyRowsOf(surfaceForms, vectors)
  for (let at = 0; at < vocabulary.terms.length; at++) {
    const term = vocabulary.terms[at] as string
    const row = vocabulary.rows[at] as number
    wanted.forEach((queryRow, i) => {
      if (queryRow < 0 || queryRow === row) return
      const similarity = rowSimilarity(vectors, queryRow, row)
      if (similarity < NEAREST_SIMILARITY) return
      const list = nearest[i] as StandIn[]
      list.push({ term, weight: weights.vectorShare * similarity * (expanded.importance[i] ?? 1), via: 'vector' })
      list.sort((a, b) => b.weight - a.weight)
      if (list.length > NEAREST_WORDS) list.pop()
    })
  }
  const standIns = expanded.standIns.map((list, i) => [...list, ...(nearest[i] ?? [])])
  return {
    ...expanded,
    groups: expanded.groups.map((group, i) => [...group, ...(nearest[i] ?? []).map(({ term, weight }) => ({ term, weight }))]),
    standIns,
    standInTerms: new Set(standIns.flatMap((list) => list.map((standIn) => standIn.term))),
    memo: new Map(),
  }
}
