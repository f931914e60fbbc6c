import { foldWord, STOP_WORDS, termOf, tokenize } from '../text/tokens.js'
import type { QueryAnalysis } from './analyzeQuery.js'
import { type Candidate, type PassageToken, readPassage } from './answerCandidates.js'
import { type AnswerType, expectedAnswerOf } from './answerTypes.js'

/** A short answer found in a passage; `start`/`end` index into the passage text. */
export type AnswerSpan = {
  text: string
  type: AnswerType
  start: number
  end: number
}

/** How sure the answer line must be for one answer type; see {@link findAnswerSpan}. */
export type AnswerThreshold = {
  /** Share of the question's distinct terms the answering sentence must hold. */
  minSentenceMatch: number
  /** How many times the best candidate's closeness must exceed the runner-up's (Infinity: no runner-up). */
  minMargin: number
  /** At most this many tokens between the answer and the nearest question word. */
  maxDistance: number
}

/** Thresholds per answer type. */
export type AnswerSpanOptions = Record<AnswerType, AnswerThreshold>

/**
 * Tuned on SQuAD's dev half (scripts/eval-answers.ts) for precision first: each type's answers
 * are shown only where that type's answers were right at least ~85% of the time.
 */
export const defaultAnswerSpanOptions: AnswerSpanOptions = {
  date: { minSentenceMatch: 0.5, minMargin: 2, maxDistance: 10 },
  number: { minSentenceMatch: 0.3, minMargin: 1.5, maxDistance: 3 },
  person: { minSentenceMatch: 0.5, minMargin: 2, maxDistance: 6 },
  place: { minSentenceMatch: 0.8, minMargin: Infinity, maxDistance: 3 },
  other: { minSentenceMatch: 0.6, minMargin: 2, maxDistance: 2 },
}

/** A candidate answer with how close it sits to the question's words in its sentence. */
export type RankedCandidate = {
  candidate: Candidate
  /** Σ of 1 / distance in tokens to each of the sentence's question words. */
  closeness: number
  /** Tokens to the nearest question word of the sentence. */
  distance: number
}

/** The candidates of the kind a question asks for in the sentence that matches it, closest first. */
export type AnswerCandidates = {
  type: AnswerType
  /** Share of the question's distinct terms that sentence holds. */
  sentenceMatch: number
  ranked: RankedCandidate[]
}

/**
 * The span of `text` that answers a when / how-many / who / where question (or a "what team",
 * "what percentage" …): in the sentence holding most of the question's terms, the one candidate of
 * the kind the question asks for (see answerTypes.ts) that the question does not already contain,
 * or the candidate clearly closest to the question's words. Null when the question asks for no
 * such span, when no sentence holds enough of the question, or when two candidates are about
 * equally close: no answer beats a wrong one.
 */
export function findAnswerSpan(text: string, analysis: QueryAnalysis, options: Partial<AnswerSpanOptions> = {}): AnswerSpan | null {
  const found = rankAnswerCandidates(text, analysis)
  if (found === null) return null
  const { minSentenceMatch, minMargin, maxDistance } = { ...defaultAnswerSpanOptions, ...options }[found.type]
  const [best, second] = found.ranked
  if (best === undefined || found.sentenceMatch < minSentenceMatch || best.distance > maxDistance) return null
  if (second !== undefined && !(best.closeness >= second.closeness * minMargin)) return null
  const { text: written, start, end } = best.candidate
  return { text: written, type: found.type, start, end }
}

/**
 * Every candidate answer of `text` for `analysis`, closest to the question's words first; null
 * when the question asks for no span, has no search terms, or no one sentence matches it best.
 */
export function rankAnswerCandidates(text: string, analysis: QueryAnalysis): AnswerCandidates | null {
  const expected = expectedAnswerOf(analysis.question)
  if (expected === null) return null
  const wanted = new Set(analysis.terms)
  if (wanted.size === 0) return null
  const passage = readPassage(text)
  const sentence = bestSentence(passage.tokens, passage.sentences, wanted)
  if (sentence === null) return null
  const questionWords = new Set(tokenize(analysis.question).map((token) => token.folded))
  const questionTerms = new Set(tokenize(analysis.question).map((token) => termOf(token.text)))
  const ranked = passage.candidates
    .filter(
      (candidate) =>
        expected.kinds.includes(candidate.kind) &&
        candidate.first >= sentence.first &&
        candidate.last <= sentence.last &&
        !echoesQuestion(passage.tokens, candidate, questionWords, questionTerms),
    )
    .map((candidate) => ({ candidate, ...closenessOf(candidate, sentence.positions) }))
    .sort((a, b) => b.closeness - a.closeness)
  return { type: expected.type, sentenceMatch: sentence.matched.size / wanted.size, ranked }
}

type MatchedSentence = { first: number; last: number; matched: Set<string>; positions: number[] }

// The sentence holding the most distinct question terms; null on a tie, when two sentences
// could each be the one the question is about.
function bestSentence(
  tokens: readonly PassageToken[],
  sentences: ReadonlyArray<{ first: number; last: number }>,
  wanted: ReadonlySet<string>,
): MatchedSentence | null {
  let best: MatchedSentence | null = null
  let isTied = false
  for (const { first, last } of sentences) {
    const matched = new Set<string>()
    const positions: number[] = []
    for (let t = first; t <= last; t++) {
      const term = tokens[t]?.term
      if (term === null || term === undefined || !wanted.has(term)) continue
      matched.add(term)
      positions.push(t)
    }
    if (best !== null && matched.size === best.matched.size) isTied = true
    if (best === null || matched.size > best.matched.size) {
      best = { first, last, matched, positions }
      isTied = false
    }
  }
  return isTied ? null : best
}

// A candidate whose content words all appear in the question (or any of a name's words) is what
// the question already says, not its answer.
function echoesQuestion(
  tokens: readonly PassageToken[],
  candidate: Candidate,
  questionWords: ReadonlySet<string>,
  questionTerms: ReadonlySet<string | null>,
): boolean {
  const words = tokens
    .slice(candidate.first, candidate.last + 1)
    .filter((token) => !STOP_WORDS.has(foldWord(token.text)) && /[\p{L}\p{N}]/u.test(token.text))
  if (words.length === 0) return true
  const inQuestion = (token: PassageToken) =>
    questionWords.has(foldWord(token.text)) || (token.term !== null && questionTerms.has(token.term))
  return candidate.kind === 'name' || candidate.kind === 'place' ? words.some(inQuestion) : words.every(inQuestion)
}

// Σ over the sentence's question words of 1 / distance in tokens: a candidate next to several
// of the question's words scores high, one across the sentence low.
function closenessOf(candidate: Candidate, positions: readonly number[]): { closeness: number; distance: number } {
  let closeness = 0
  let nearest = Infinity
  for (const at of positions) {
    if (at >= candidate.first && at <= candidate.last) continue
    const distance = at < candidate.first ? candidate.first - at : at - candidate.last
    closeness += 1 / distance
    nearest = Math.min(nearest, distance)
  }
  return { closeness, distance: nearest }
}
