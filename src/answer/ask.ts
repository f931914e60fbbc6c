import { isSpeechVerb } from '../attribution/speechVerbs.js'
import type { Library } from '../library/library.js'
import { speakersInParagraph } from '../library/library.js'
import { analyzeQuery, type QueryAnalysis, type SpeakerPattern } from '../search/analyzeQuery.js'
import { findAnswerSpan } from '../search/answerSpan.js'
import { findHighlights, type Highlight } from '../search/highlight.js'
import { describeMatch } from '../search/matchNotice.js'
import { type RankedHit, rankParagraphsExplained, suggestQueries } from '../search/paragraphIndex.js'
import { termsOf, tokenize } from '../text/tokens.js'
import { refOf, type SpeakerRef } from './speakerRef.js'

/** What the question asks for, as the direct answer's `type`. */
export type AnswerType = 'person' | 'date' | 'place' | 'number' | 'other'

/** A short answer taken from the best passage, only when the passage supports it. */
export type DirectAnswer = {
  text: string
  type: AnswerType
  article: string
  paragraph: number
}

/** One passage that answers a question. `text` is the whole paragraph, as written. */
export type Passage = {
  article: string
  headline: string
  paragraph: number
  text: string
  score: number
  speakers: SpeakerRef[]
  /** Words of `text` that matched the question, for bold. */
  highlights: Highlight[]
}

/** The answer to a question: `results` best first, `[]` when nothing matched. */
export type AskResult = {
  question: string
  answer: DirectAnswer | null
  results: Passage[]
  /** Where these results start in the full ranking (for paging). */
  offset: number
  /** Whether more results follow these. */
  hasMore: boolean
  /** "Did you mean" terms when nothing matched; `[]` otherwise. */
  suggestions: string[]
  /**
   * One line saying how the question was matched when not as written ("showing results for …",
   * "no passage says “truce”; showing “ceasefire”"); null when it was matched as written.
   */
  notice: string | null
}

export type AskOptions = {
  /** Only this article's paragraphs; null: the whole corpus. */
  article: string | null
  limit: number
  offset: number
}

export const defaultAskOptions: AskOptions = { article: null, limit: 5, offset: 0 }

/**
 * Finds the paragraphs that best answer `question`: BM25 candidates re-ranked (see
 * `rankParagraphs`), and a direct answer from the best one when it supports one. An unknown
 * `article` or a question with no searchable word gives a result with no passages, never an error.
 */
export function answerQuestion(library: Library, question: string, options: Partial<AskOptions> = {}): AskResult {
  const { article, limit, offset } = { ...defaultAskOptions, ...options }
  const analysis = analyzeQuery(question, registryOf(library, article))
  const ranking = rankParagraphsExplained(library.paragraphs, analysis, { article, limit: offset + limit + 1, lexicon: library.lexicon })
  const { hits } = ranking
  const shown = hits.slice(offset, offset + limit)
  const results = shown.map((hit): Passage => {
    const source = library.articleById.get(hit.article)
    const text = source?.paragraphs[hit.paragraph - 1] ?? ''
    return {
      article: hit.article,
      headline: source?.headline ?? '',
      paragraph: hit.paragraph,
      text,
      score: hit.score,
      speakers: speakersInParagraph(library, hit.article, hit.paragraph).map(refOf),
      highlights: findHighlights(text, hit.terms, library.paragraphs.profiles[hit.id]?.terms),
    }
  })
  const [best] = hits
  return {
    question,
    answer: best === undefined ? null : directAnswer(library, analysis, best),
    results,
    offset,
    hasMore: hits.length > offset + limit,
    suggestions: hits.length === 0 ? suggestQueries(library.paragraphs, question) : [],
    notice: describeMatch(
      analysis,
      ranking.analysis,
      ranking.expanded,
      shown.map((hit) => hit.terms),
      library.paragraphs.statistics.documentFrequency,
      library.paragraphs.surfaceForms,
    ),
  }
}

/** Every speaker the question could name: the article's, or the whole corpus's. */
function registryOf(library: Library, article: string | null): readonly SpeakerPattern[] {
  return article === null ? library.speakerPatterns : library.speakerPatterns.filter((pattern) => pattern.article === article)
}

// "Who is the foreign office spokesman?" asks for the person the role names.
const WHO_IS = /^\s*who\s+(?:is|was|are|were)\b/i

/**
 * The short answer the best passage supports, or null. "Who said …": the speaker of the passage's
 * statement that shares most words with the question; "who is <role>": the speaker the role
 * describes, when that speaker speaks in the passage; when / how many / where: the date, number
 * or place in the passage's best-matching sentence.
 */
function directAnswer(library: Library, analysis: QueryAnalysis, best: RankedHit): DirectAnswer | null {
  const at = { article: best.article, paragraph: best.paragraph }
  if (analysis.type === 'who') {
    const speakers = speakersInParagraph(library, best.article, best.paragraph)
    const described = analysis.speakers.find(
      (entry) => entry.article === best.article && speakers.some((speaker) => speaker.id === entry.speaker.id),
    )
    if (WHO_IS.test(analysis.question) && described !== undefined) return { text: described.speaker.name, type: 'person', ...at }
    // Only "who said/claimed/warned …": the speaker of a statement about an attack did not attack.
    const asksWhoSaid = isSpeechVerb(tokenize(analysis.question)[1]?.folded ?? '')
    if (!asksWhoSaid) return null
    const speaker = bestMatchingSpeaker(library, analysis, best)
    return speaker === null ? null : { text: speaker, type: 'person', ...at }
  }
  const text = library.articleById.get(best.article)?.paragraphs[best.paragraph - 1] ?? ''
  const span = findAnswerSpan(text, analysis, library.paragraphs.profiles[best.id]?.terms)
  return span === null ? null : { text: span.text, type: span.type, ...at }
}

// The statement must share at least one content word with the question beyond the speech verb,
// so "Who said it?" on a passage with two speakers answers nothing rather than guessing.
function bestMatchingSpeaker(library: Library, analysis: QueryAnalysis, best: RankedHit): string | null {
  const wanted = new Set(analysis.terms)
  let name: string | null = null
  let bestOverlap = 0
  for (const quote of library.attributions.get(best.article)?.quotes ?? []) {
    if (quote.paragraph !== best.paragraph || quote.speaker === null) continue
    const overlap = new Set(termsOf(quote.text).filter((term) => wanted.has(term))).size
    if (overlap > bestOverlap) [name, bestOverlap] = [quote.speaker.name, overlap]
  }
  return name
}
