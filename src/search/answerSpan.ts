import { findDates } from '../text/dates.js'
import { splitSentences } from '../text/sentences.js'
import { foldWord, STOP_WORDS, termOf, tokenize } from '../text/tokens.js'
import type { QueryAnalysis } from './analyzeQuery.js'
import { NUMBER_WORDS } from './passageProfile.js'

/** A short answer found in a passage; `start`/`end` index into the passage text. */
export type AnswerSpan = {
  text: string
  type: 'date' | 'number' | 'place'
  start: number
  end: number
}

// One list of number words for the answer spans and the re-ranker's answer-type signal.
const NUMBER_WORD = `(?:${[...NUMBER_WORDS].join('|')})`
const NUMBER = new RegExp(
  `(?:(?:about|around|nearly|almost|over|more than|less than|at least|some|up to) )?(?:\\d[\\d,.]*%?|\\b${NUMBER_WORD}\\b)(?: (?:million|billion|trillion|thousand|hundred|percent|per cent))?`,
  'gi',
)

// A capitalised run after a place preposition: "in Kabul", "at the Foreign Office", "from New York".
// A word may hold dots and hyphens ("St.", "Baden-Baden") but not end in one: a full stop after
// the place ends the sentence.
const PLACE =
  /\b(?:in|at|from|near|across|inside|outside)\s+((?:the\s+)?\p{Lu}[\p{L}'’.-]*(?<![.-])(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’.-]*(?<![.-]))*)/gu

/**
 * The date, number or place that answers a when / how-many / where question, from the sentence of
 * `text` that best matches the question; null when the question asks for none of these, when no
 * sentence holds at least half of the question's terms, or when that sentence holds no span of
 * the wanted kind that the question does not already contain. Of several spans, the one nearest
 * the matched question words wins.
 */
export function findAnswerSpan(text: string, analysis: QueryAnalysis, tokenTerms?: readonly string[]): AnswerSpan | null {
  const kind = KIND_OF[analysis.type]
  if (kind === undefined) return null
  const wanted = new Set(analysis.terms)
  if (wanted.size === 0) return null
  const questionWords = new Set(tokenize(analysis.question).map((token) => token.folded))
  // `tokenTerms` (a passage profile's terms) spares stemming every word again.
  const tokens = tokenize(text).map((token, i) => ({ start: token.start, term: tokenTerms?.[i] ?? termOf(token.text) }))
  let best: { start: number; end: number; matched: number[]; distinct: number } | null = null
  for (const sentence of splitSentences(text)) {
    const matched: number[] = []
    const seen = new Set<string>()
    for (const token of tokens) {
      if (token.start < sentence.start || token.start >= sentence.end || token.term === null || !wanted.has(token.term)) continue
      matched.push(token.start)
      seen.add(token.term)
    }
    if (seen.size * 2 < wanted.size || (best !== null && seen.size <= best.distinct)) continue
    best = { start: sentence.start, end: sentence.end, matched, distinct: seen.size }
  }
  if (best === null) return null
  const sentenceText = text.slice(best.start, best.end)
  let answer: AnswerSpan | null = null
  let bestDistance = Infinity
  for (const { written, at } of spansOf(kind, sentenceText)) {
    const start = best.start + at
    const end = start + written.length
    // "in Afghanistan’s internal affairs": a possessive names an owner, not the place.
    if (kind === 'place' && /['’]s?$/.test(written)) continue
    const words = tokenize(written)
      .map((token) => foldWord(token.text))
      .filter((word) => !STOP_WORDS.has(word))
    if (words.length === 0 || words.every((word) => questionWords.has(word))) continue
    const distance = Math.min(...best.matched.map((at) => Math.abs(at - start)))
    if (distance < bestDistance) {
      bestDistance = distance
      answer = { text: written, type: kind, start, end }
    }
  }
  return answer
}

// Dates are what text/dates.ts finds (one definition of a date for the whole project); numbers
// and places are read here, and a number inside a date ("October 19", "2025") is no count.
// `at` is the offset of `written` in the sentence.
function spansOf(kind: AnswerSpan['type'], sentence: string): Array<{ written: string; at: number }> {
  const dates = findDates(sentence)
  if (kind === 'date') return dates.map((mention) => ({ written: mention.text, at: mention.start }))
  return [...sentence.matchAll(kind === 'number' ? NUMBER : PLACE)]
    .map((match) => {
      const written = match[1] ?? match[0]
      return { written, at: match.index + match[0].length - written.length }
    })
    .filter(({ written, at }) => kind !== 'number' || !dates.some((date) => date.start < at + written.length && at < date.end))
}

const KIND_OF: Partial<Record<QueryAnalysis['type'], AnswerSpan['type']>> = {
  when: 'date',
  'how-many': 'number',
  where: 'place',
}
