import { isSpeechVerb } from '../attribution/speechVerbs.js'
import type { Library } from '../library/library.js'
import { speakersInParagraph } from '../library/library.js'
import type { QueryAnalysis } from '../search/analyzeQuery.js'
import { findAnswerSpan } from '../search/answerSpan.js'
import type { AnswerType } from '../search/answerTypes.js'
import { termsOf, tokenize } from '../text/tokens.js'

/** A short answer taken from the best passage, only when the passage supports it. */
export type DirectAnswer = {
  text: string
  type: AnswerType
  article: string
  paragraph: number
}

/** The passage the answer line reads: the best-ranked paragraph. */
export type AnswerSource = { article: string; paragraph: number }

// "Who is the foreign office spokesman?" asks for the person the role names.
const WHO_IS = /^\s*who\s+(?:is|was|are|were)\b/i

/**
 * The short answer the best passage supports, or null (the usual case: a wrong answer in bold is
 * worse than none). "Who said …": the speaker of the passage's statement that shares most words
 * with the question, and null when that statement's speaker is unclear or another statement
 * matches as well; "who is <role>": the speaker the role describes, when that speaker speaks in
 * the passage; otherwise the date, number, name or place the question asks for, when the passage
 * holds one clear candidate (see `findAnswerSpan`).
 */
export function findDirectAnswer(library: Library, analysis: QueryAnalysis, best: AnswerSource): DirectAnswer | null {
  const at = { article: best.article, paragraph: best.paragraph }
  if (analysis.type === 'who') {
    const speakers = speakersInParagraph(library, best.article, best.paragraph)
    const described = analysis.speakers.find(
      (entry) => entry.article === best.article && speakers.some((speaker) => speaker.id === entry.speaker.id),
    )
    if (WHO_IS.test(analysis.question) && described !== undefined) return { text: described.speaker.name, type: 'person', ...at }
    // "Who said/claimed/warned …" is answered from attribution only, never from a name nearby.
    if (isSpeechVerb(tokenize(analysis.question)[1]?.folded ?? '')) {
      const speaker = speakerOfMatchingQuote(library, analysis, best)
      return speaker === null ? null : { text: speaker, type: 'person', ...at }
    }
  }
  const text = library.articleById.get(best.article)?.paragraphs[best.paragraph - 1] ?? ''
  const span = findAnswerSpan(text, analysis)
  return span === null ? null : { text: span.text, type: span.type, ...at }
}

// The statement must share at least one content word with the question beyond the speech verb,
// so "Who said it?" on a passage with two speakers answers nothing rather than guessing; a tie
// between two speakers, or a best statement nobody is credited with, answers nothing too.
function speakerOfMatchingQuote(library: Library, analysis: QueryAnalysis, best: AnswerSource): string | null {
  const wanted = new Set(analysis.terms)
  let names = new Set<string | null>()
  let bestOverlap = 0
  for (const quote of library.attributions.get(best.article)?.quotes ?? []) {
    if (quote.paragraph !== best.paragraph) continue
    const overlap = new Set(termsOf(quote.text).filter((term) => wanted.has(term))).size
    if (overlap === 0 || overlap < bestOverlap) continue
    if (overlap > bestOverlap) [names, bestOverlap] = [new Set(), overlap]
    names.add(quote.speaker?.name ?? null)
  }
  const [name] = names
  return names.size === 1 && name !== undefined ? name : null
}
