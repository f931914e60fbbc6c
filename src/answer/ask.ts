import type { Library } from '../library/library.js'
import { speakersInParagraph } from '../library/library.js'
import { analyzeQuery, type SpeakerPattern } from '../search/analyzeQuery.js'
import { findHighlights, type Highlight } from '../search/highlight.js'
import { describeMatch } from '../search/matchNotice.js'
import { rankParagraphsExplained, suggestQueries } from '../search/paragraphIndex.js'
import { type DirectAnswer, findDirectAnswer } from './answerLine.js'
import { refOf, type SpeakerRef } from './speakerRef.js'

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
      speakers: speakersInParagraph(library, hit.article, hit.paragraph).map((speaker) => refOf(library, speaker)),
      highlights: findHighlights(text, hit.terms, library.paragraphs.profiles[hit.id]?.terms),
    }
  })
  const [best] = hits
  return {
    question,
    answer: best === undefined ? null : findDirectAnswer(library, analysis, best),
    results,
    offset,
    hasMore: hits.length > offset + limit,
    // From the question's content words only ("does", "what" suggest nothing useful and cost most).
    suggestions: hits.length === 0 ? suggestQueries(library.paragraphs, analysis.words.join(' ')) : [],
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
