/**
 * One news article as loaded from `corpus/`. Paragraph numbers are 1-based everywhere outside this
 * array: `paragraphs[0]` is paragraph 1, the first body paragraph after the headline and byline.
 */
export type Article = {
  /** The file name without its extension (the slug); unique in a corpus. */
  id: string
  /** The file name relative to the corpus folder, for problem messages. */
  file: string
  headline: string
  byline: string | null
  /** The publication date as written in front matter (ISO 8601), or null when unknown. */
  date: string | null
  url: string | null
  source: string | null
  paragraphs: readonly string[]
}

/** A corpus file that was skipped, and why, in one line. */
export type CorpusProblem = {
  file: string
  reason: string
}
