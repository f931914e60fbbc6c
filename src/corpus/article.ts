/**
 * One news article as loaded from `corpus/`. Paragraph numbers are 1-based everywhere outside this
 * array: `paragraphs[0]` is paragraph 1, the first body paragraph after the headline and byline.
 */
export type Article = {
  /**
   * The file name without its extension (the slug). Unique within a view (the shared articles
   * plus one server's): two servers may each hold an article `budget`, and an id names an article
   * only inside a view that contains it (see `library/collections.ts`).
   */
  id: string
  /** The file path relative to the corpus folder (`budget.md`, `servers/<id>/budget.md`), for problem messages. */
  file: string
  /**
   * The collection: null for the shared articles at the top of `corpus/`, seen by every server;
   * else the Discord server (guild) id of `corpus/servers/<id>/`, seen by that server alone.
   */
  server: string | null
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
