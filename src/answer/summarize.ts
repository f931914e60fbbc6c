import { splitSentences } from '../text/sentences.js'
import { termsOf } from '../text/tokens.js'
import { type ClauseOptions, countWords, defaultClauseOptions, mainClauseEnd } from './summarizeClauses.js'

/** A sentence of an article located by paragraph (1-based) and offsets into that paragraph. */
export type SentenceRef = {
  paragraph: number
  start: number
  end: number
  text: string
}

/**
 * A sentence chosen as a key point, with the score that chose it. `text` and `end` stop at the
 * main clause when trailing detail was dropped ({@link mainClauseEnd}); `sentenceEnd` is where the
 * whole sentence ends, so `end < sentenceEnd` means the point was shortened.
 */
export type KeySentence = SentenceRef & { score: number; sentenceEnd: number }

/** A span of reported speech, used to favour sentences that carry a named source's statement. */
export type StatementSpan = {
  paragraph: number
  start: number
  end: number
  isAttributed: boolean
}

/** Options for {@link summarizeSentences}; callers spread theirs over {@link defaultSummaryOptions}. */
export type SummaryOptions = {
  maxPoints: number
  minPoints: number
  /** Stop adding points once the summary holds this many words (the point that crosses it stays). */
  maxWords: number
  /** Weight of relevance against redundancy in maximal marginal relevance (1: no redundancy check). */
  lambda: number
  /** Only sentences of these paragraphs (1-based; e.g. the passages about a topic); null: all. */
  paragraphs: ReadonlySet<number> | null
  /**
   * Whether a sentence is itself about the topic; the others of those paragraphs count half, as
   * context. null: every sentence counts fully.
   */
  isFocus: ((sentence: string) => boolean) | null
  /** How much each feature counts; see {@link defaultSummaryWeights}. */
  weights: SummaryWeights
  /** How points lose trailing detail; null: points are whole sentences. */
  clauses: ClauseOptions | null
}

/** Feature weights of a sentence's score. */
export type SummaryWeights = { position: number; centrality: number; statement: number }

// News is written in inverted-pyramid order, so position carries nearly all the signal. Measured on
// the CNN/DailyMail dev set with three points: centrality 0.3 and statements 0.1 let later sentences
// overtake the lead and cost 0.8 R-1 and 0.5 R-2; at these weights they only order sentences far
// from the lead, where position hardly separates them (a speaker's statement over narration).
export const defaultSummaryWeights: SummaryWeights = { position: 1, centrality: 0.05, statement: 0.03 }

// Three points always (when the article has three sentences), five at most. News highlights run to
// about 45 words, so a fourth point comes only when three short ones leave room; what keeps the
// brief near that length is dropping trailing detail from long sentences ({@link mainClauseEnd}).
export const defaultSummaryOptions: SummaryOptions = {
  maxPoints: 5,
  minPoints: 3,
  maxWords: 50,
  lambda: 0.7,
  paragraphs: null,
  isFocus: null,
  weights: defaultSummaryWeights,
  clauses: defaultClauseOptions,
}

// Sentences this short are fragments ("The doors are open."); this long are usually captions or
// run-on lists glued together by the source, which read badly as a key point.
const MIN_WORDS = 6
const LONG_WORDS = 45
// A sentence that opens on a pronoun or connective leans on the one before it and reads badly alone.
const DANGLING_START = /^(?:He|She|It|They|This|That|These|Those|But|And|However)\b/
// A wire dateline ("ROME (CNN) --", "(Reuters) -", "LONDON —") opens the lead but is not part of
// what happened, so a key point starts after it.
const DATELINE =
  /^(?:[\p{Lu}][\p{L}.,' ]{0,40}\s)?\((?:\p{Lu}{2,8}|\p{Lu}\p{Ll}{2,12})\)\s*(?:--|—|–|-)?\s*|^\p{Lu}{3,}(?:,?\s[\p{Lu}][\p{L}.]*)*\s(?:--|—|–)\s*/u

// How many paragraphs further down a later sentence of the same paragraph ranks (see positionRank).
const SENTENCE_STEP = 2

type Candidate = SentenceRef & {
  index: number
  words: number
  /** Offset into `text` where the point ends (the whole sentence, or its main clause). */
  kept: number
  keptWords: number
  vector: Map<string, number>
  score: number
}

/**
 * The article's key sentences, in the article's order: scored by position (with centrality and
 * reported statements as tie-breakers), picked by maximal marginal relevance, at least `minPoints`
 * of them when the article has that many full sentences and more while the word budget allows.
 * A long sentence's point, except the lead's, stops at its main clause when the rest is trailing
 * detail ({@link mainClauseEnd}). `[]` only when the article has no sentence.
 */
export function summarizeSentences(
  paragraphs: readonly string[],
  statements: readonly StatementSpan[] = [],
  options: Partial<SummaryOptions> = {},
): KeySentence[] {
  const { maxPoints, minPoints, maxWords, lambda, weights, clauses, paragraphs: only, isFocus } = { ...defaultSummaryOptions, ...options }
  const candidates = scoreSentences(paragraphs, statements, { only, isFocus, weights, clauses })
  const chosen: Candidate[] = []
  let words = 0
  // Fragments ("Really?") are no key point: an article with only two full sentences gets two
  // points, and only one with no full sentence at all is summed up by its fragments.
  const full = candidates.filter((candidate) => candidate.score > 0 && candidate.words >= MIN_WORDS)
  const pool = full.length > 0 ? full : candidates.filter((candidate) => candidate.score > 0)
  while (chosen.length < maxPoints && pool.length > 0) {
    if (chosen.length >= minPoints && words >= maxWords) break
    let best = -1
    let bestValue = -Infinity
    pool.forEach((candidate, i) => {
      const redundancy = Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector)))
      const value = lambda * candidate.score - (1 - lambda) * redundancy
      if (value > bestValue) {
        bestValue = value
        best = i
      }
    })
    const [picked] = pool.splice(best, 1)
    if (picked === undefined) break
    // A sentence that would blow the budget by far is skipped once the minimum is reached.
    if (chosen.length >= minPoints && words + picked.keptWords > maxWords * 1.3) continue
    chosen.push(picked)
    words += picked.keptWords
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .map(({ paragraph, start, end, text, score, kept }) => ({
      paragraph,
      start,
      end: start + kept,
      text: text.slice(0, kept),
      score,
      sentenceEnd: end,
    }))
}

/** Every sentence of the article, in order, located by paragraph and offsets. */
export function articleSentences(paragraphs: readonly string[]): SentenceRef[] {
  return paragraphs.flatMap((text, i) =>
    splitSentences(text).map((sentence) => {
      const dateline = i === 0 && sentence.start === 0 ? (DATELINE.exec(sentence.text)?.[0].length ?? 0) : 0
      // Keep the dateline when nothing would be left after it.
      if (dateline === 0 || dateline >= sentence.text.length - 1) return { paragraph: i + 1, ...sentence }
      return { paragraph: i + 1, text: sentence.text.slice(dateline), start: sentence.start + dateline, end: sentence.end }
    }),
  )
}

function scoreSentences(
  paragraphs: readonly string[],
  statements: readonly StatementSpan[],
  { only, isFocus, weights, clauses }: Pick<SummaryOptions, 'isFocus' | 'weights' | 'clauses'> & { only: ReadonlySet<number> | null },
): Candidate[] {
  const sentences = articleSentences(paragraphs)
  const termLists = sentences.map((sentence) => termsOf(sentence.text))
  // Inverse sentence frequency: a term in every sentence says nothing about any one of them.
  const df = new Map<string, number>()
  for (const terms of termLists) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1)
  const idf = (term: string) => Math.log(1 + sentences.length / (df.get(term) ?? 1))
  const vectors = termLists.map((terms) => weigh(terms, idf))
  const centroid = new Map<string, number>()
  for (const vector of vectors) for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight)
  return sentences.map((sentence, index) => {
    const vector = vectors[index] ?? new Map<string, number>()
    const words = countWords(sentence.text)
    const position = 1 / (positionRank(sentences, index) + 1)
    const centrality = cosine(vector, centroid)
    const isAttributed = (end: number) =>
      statements.some((span) => span.isAttributed && span.paragraph === sentence.paragraph && span.start < end && span.end > sentence.start)
    const statement = isAttributed(sentence.end) ? 1 : 0
    // The lead is written to stand alone, and its last clause is often the news itself (", after
    // a speed camera was pointed at their door"), so it stays whole.
    const kept = clauses === null || index === 0 ? sentence.text.length : keptLength(sentence, clauses, isAttributed)
    const keptWords = countWords(sentence.text.slice(0, kept))
    let score = weights.position * position + weights.centrality * centrality + weights.statement * statement
    if (words < MIN_WORDS) score *= 0.3
    if (words > LONG_WORDS) score *= LONG_WORDS / words
    if (/\?[”"’']*$/.test(sentence.text)) score *= 0.5
    if (DANGLING_START.test(sentence.text)) score *= 0.8
    if (isFocus !== null && !isFocus(sentence.text)) score *= 0.5
    if (only !== null && !only.has(sentence.paragraph)) score = 0
    return { ...sentence, index, words, kept, keptWords, vector, score }
  })
}

// A paragraph's first sentence is its lead, so position counts paragraphs, and a later sentence of
// a paragraph ranks as if it stood two paragraphs further down: "¶3, first sentence" comes before
// "¶2, second sentence". (The CNN/DailyMail set has one sentence per paragraph, so this is not
// measured there; it spreads a briefing of real articles over more of the story.)
function positionRank(sentences: readonly SentenceRef[], index: number): number {
  const sentence = sentences[index] as SentenceRef
  let within = 0
  while (sentences[index - within - 1]?.paragraph === sentence.paragraph) within++
  const firstParagraph = sentences[0]?.paragraph ?? 1
  return sentence.paragraph - firstParagraph + SENTENCE_STEP * within
}

// How much of a sentence a point keeps. A reporting tail (", police said") goes only when an
// attributed statement lies in what is kept, so the point names its speaker instead.
function keptLength(sentence: SentenceRef, clauses: ClauseOptions, isAttributed: (end: number) => boolean): number {
  const withoutTail = mainClauseEnd(sentence.text, { ...clauses, isAttributionDroppable: false })
  if (!clauses.isAttributionDroppable) return withoutTail
  const withTail = mainClauseEnd(sentence.text, clauses)
  return withTail !== withoutTail && isAttributed(sentence.start + withTail) ? withTail : withoutTail
}

function weigh(terms: readonly string[], idf: (term: string) => number): Map<string, number> {
  const vector = new Map<string, number>()
  for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + idf(term))
  return vector
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [term, weight] of a) {
    na += weight * weight
    const other = b.get(term)
    if (other !== undefined) dot += weight * other
  }
  for (const weight of b.values()) nb += weight * weight
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}
