import { findHighlights, type Highlight } from '../search/highlight.js'
import { searchParagraphs, suggestQueries } from '../search/paragraphIndex.js'
import type { Library } from './library.js'
import { speakersInParagraph } from './library.js'
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
}

export type AskOptions = {
  /** Only this article's paragraphs; null: the whole corpus. */
  article: string | null
  limit: number
  offset: number
}

export const defaultAskOptions: AskOptions = { article: null, limit: 5, offset: 0 }

/**
 * Finds the paragraphs that best answer `question`. An unknown `article` or a question with no
 * searchable word gives a result with no passages, never an error.
 */
export function answerQuestion(library: Library, question: string, options: Partial<AskOptions> = {}): AskResult {
  const { article, limit, offset } = { ...defaultAskOptions, ...options }
  const hits = searchParagraphs(library.paragraphs, question, { article, limit: offset + limit + 1 })
  const results = hits.slice(offset, offset + limit).map((hit): Passage => {
    const source = library.articleById.get(hit.article)
    const text = source?.paragraphs[hit.paragraph - 1] ?? ''
    return {
      article: hit.article,
      headline: source?.headline ?? '',
      paragraph: hit.paragraph,
      text,
      score: hit.score,
      speakers: speakersInParagraph(library, hit.article, hit.paragraph).map(refOf),
      highlights: findHighlights(text, hit.terms),
    }
  })
  return {
    question,
    answer: null,
    results,
    offset,
    hasMore: hits.length > offset + limit,
    suggestions: hits.length === 0 ? suggestQueries(library.paragraphs, question) : [],
  }
}
