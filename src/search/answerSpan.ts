import { foldWord, STOP_WORDS, termOf, tokenize } from '../text/tokens.js'
import type { QueryAnalysis } from './analyzeQuery.js'
import { type Candidate, type PassageToken, readPassage, readQuestion } from './answerCandidates.js'
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
  /**
   * The sentence share that suffices, whatever the other thresholds, when the best candidate is
   * the only one next to a verb of the question ("founded by X"); Infinity: never.
   */
  minAttachedMatch: number
}

/** Thresholds per answer type. */
export type AnswerSpanOptions = Record<AnswerType, AnswerThreshold>

/**
 * Tuned on SQuAD's dev half (scripts/eval-answers.ts) for precision first: each type's answers
 * are shown only where that type's answers were right at least ~85% of the time.
 */
export const defaultAnswerSpanOptions: AnswerSpanOptions = {
  date: { minSentenceMatch: 0.4, minMargin: 2, maxDistance: 10, minAttachedMatch: 0.7 },
  number: { minSentenceMatch: 0.6, minMargin: 1.5, maxDistance: 3, minAttachedMatch: 0.7 },
  person: { minSentenceMatch: 0.6, minMargin: 3, maxDistance: 4, minAttachedMatch: 0.5 },
  place: { minSentenceMatch: 1, minMargin: Infinity, maxDistance: 3, minAttachedMatch: 0.5 },
  other: { minSentenceMatch: 0.5, minMargin: 5, maxDistance: 3, minAttachedMatch: 0.5 },
}

/** A candidate answer with how close it sits to the question's words in its sentence. */
export type RankedCandidate = {
  candidate: Candidate
  /** Σ of 1 / distance in tokens to each of the sentence's question words. */
  closeness: number
  /** Tokens to the nearest question word of the sentence. */
  distance: number
  /** Joined to another candidate of its kind by "and", "or" or a comma: one item of a list. */
  isListed: boolean
  /** Next to one of the question's verbs, only function words between ("X has founded", "founded by X"). */
  isAttached: boolean
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
  const { minSentenceMatch, minMargin, maxDistance, minAttachedMatch } = { ...defaultAnswerSpanOptions, ...options }[found.type]
  const [best, second] = found.ranked
  if (best === undefined || best.isListed) return null
  const isOnlyAttached = best.isAttached && found.ranked.filter((ranked) => ranked.isAttached).length === 1
  if (!(isOnlyAttached && found.sentenceMatch >= minAttachedMatch)) {
    if (found.sentenceMatch < minSentenceMatch || best.distance > maxDistance) return null
    if (second !== undefined && !(best.closeness >= second.closeness * minMargin)) return null
  }
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
  const question = readQuestion(analysis.question, wanted)
  const role: Role = expected.type !== 'person' ? 'any' : ASKS_OBJECT.test(analysis.question) ? 'object' : 'subject'
  const sentence = bestSentence(passage.tokens, passage.sentences, wanted, question.byLemma)
  if (sentence === null) return null
  const questionWords = new Set(tokenize(analysis.question).map((token) => token.folded))
  const questionTerms = new Set(tokenize(analysis.question).map((token) => termOf(token.text)))
  const kept = passage.candidates.filter(
    (candidate) =>
      expected.kinds.includes(candidate.kind) &&
      candidate.first >= sentence.first &&
      candidate.last <= sentence.last &&
      !echoesQuestion(passage.tokens, candidate, questionWords, questionTerms),
  )
  const ranked = kept
    .map((candidate) => ({
      candidate,
      ...closenessOf(candidate, sentence.positions),
      isListed: isListed(passage.tokens, candidate, kept),
      isAttached: isAttached(passage.tokens, candidate, question.verbs, role),
    }))
    .sort((a, b) => b.closeness - a.closeness)
  return { type: expected.type, sentenceMatch: sentence.matched.size / wanted.size, ranked }
}

type MatchedSentence = { first: number; last: number; matched: Set<string>; positions: number[] }

// The sentence whose question terms weigh most, each weighted by how few of the passage's
// sentences hold it (a word in every sentence tells none apart); null on a tie, when two
// sentences could each be the one the question is about. A word matches by its term or by its
// lemma's.
function bestSentence(
  tokens: readonly PassageToken[],
  sentences: ReadonlyArray<{ first: number; last: number }>,
  wanted: ReadonlySet<string>,
  byLemma: ReadonlyMap<string, string>,
): MatchedSentence | null {
  const matches = sentences.map(({ first, last }): MatchedSentence => {
    const matched = new Set<string>()
    const positions: number[] = []
    for (let t = first; t <= last; t++) {
      const token = tokens[t] as PassageToken
      const term = token.term !== null && wanted.has(token.term) ? token.term : byLemma.get(token.lemmaTerm ?? '')
      if (term === undefined || term === null) continue
      matched.add(term)
      positions.push(t)
    }
    return { first, last, matched, positions }
  })
  const spread = new Map<string, number>()
  for (const match of matches) for (const term of match.matched) spread.set(term, (spread.get(term) ?? 0) + 1)
  const weightOf = (match: MatchedSentence) =>
    [...match.matched].reduce((sum, term) => sum + Math.log(1 + sentences.length / (spread.get(term) ?? 1)), 0)
  let best: MatchedSentence | null = null
  let bestWeight = 0
  let isTied = false
  for (const match of matches) {
    const weight = weightOf(match)
    if (match.matched.size === 0) continue
    if (best !== null && Math.abs(weight - bestWeight) < 1e-9) isTied = true
    else if (weight > bestWeight) {
      ;[best, bestWeight, isTied] = [match, weight, false]
    }
  }
  return isTied ? null : best
}

// "designed by Ada Lindqvist and Omar Haddad": one name of a list is half an answer.
const LIST_GLUE: ReadonlySet<string> = new Set([',', 'and', 'or', '&'])

function isListed(tokens: readonly PassageToken[], candidate: Candidate, others: readonly Candidate[]): boolean {
  const isGlue = (from: number, to: number) =>
    to >= from && tokens.slice(from, to + 1).every((token) => LIST_GLUE.has(token.text.toLowerCase()))
  return others.some(
    (other) =>
      other !== candidate &&
      other.kind === candidate.kind &&
      (isGlue(candidate.last + 1, other.first - 1) || isGlue(other.last + 1, candidate.first - 1)),
  )
}

const ATTACHING_POS: ReadonlySet<string> = new Set(['AUX', 'ADV', 'PART', 'DET', 'ADP', 'PRON'])

// "Who did X beat?" asks for whom the verb acts on (after it); "who beat X?" for who acts (before
// the verb, or after it with "by": "was beaten by").
const ASKS_OBJECT = /^\s*(?:who|whom)\s+(?:did|does|do|will|would|has|have|had|can|could|should|is|was|are|were)\s+\S+\s+\S/i

type Role = 'object' | 'subject' | 'any'

function isAttached(tokens: readonly PassageToken[], candidate: Candidate, verbs: ReadonlySet<string>, role: Role): boolean {
  const sentence = tokens[candidate.first]?.sentence
  const isVerb = (t: number) => {
    const token = tokens[t]
    return token !== undefined && token.pos === 'VERB' && token.lemmaTerm !== null && verbs.has(token.lemmaTerm)
  }
  const isGap = (t: number) => ATTACHING_POS.has(tokens[t]?.pos ?? '')
  // Verb before the candidate: an object, or an agent after "by".
  for (let t = candidate.first - 1; t >= candidate.first - 4 && t >= 0 && tokens[t]?.sentence === sentence; t--) {
    if (isVerb(t)) {
      const isAgent = tokens.slice(t + 1, candidate.first).some((token) => token.text.toLowerCase() === 'by')
      return role === 'any' || (role === 'object') !== isAgent
    }
    if (!isGap(t)) break
  }
  if (role === 'object') return false
  for (let t = candidate.last + 1; t <= candidate.last + 4 && tokens[t]?.sentence === sentence; t++) {
    if (isVerb(t)) return true
    if (!isGap(t)) break
  }
  return false
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
