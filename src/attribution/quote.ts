import type { Speaker } from './speaker.js'

/**
 * `direct`: words inside quotation marks; `partial`: a short quoted fragment inside reported
 * speech; `indirect`: reported speech introduced by a cue ("said that …", "according to").
 */
export type QuoteKind = 'direct' | 'partial' | 'indirect'

/** A quoted or reported statement and who made it. Offsets index into the paragraph text. */
export type Quote = {
  /** 1-based paragraph number. */
  paragraph: number
  /** `paragraphText.slice(start, end) === text` always holds. */
  start: number
  end: number
  text: string
  kind: QuoteKind
  /** The cue word as written ("said", "according to", "adding"), or null when none was found. */
  cue: string | null
  /**
   * Offset of the cue word in the paragraph (before or after the quote; for a colon cue, of the
   * speaker's name before it), or null when there is no cue.
   */
  cueAt: number | null
  /** The words that name the speaker at this quote ("he", "the spokesperson", "Lindqvist"), or null. */
  mention: string | null
  /** null: not attributable. Never a guess. */
  speaker: Speaker | null
}

/** Everything attribution found in one article. */
export type ArticleAttribution = {
  quotes: readonly Quote[]
  /** The article's speaker registry: every source that has at least one quote. */
  speakers: readonly Speaker[]
}
