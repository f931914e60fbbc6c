/** What kind of source a speaker is. */
export type SpeakerKind = 'person' | 'organization' | 'group'

/**
 * A source that speaks in an article: one entry of the article's speaker registry. `name` is the
 * canonical (longest, title-free) name; `role` is the role or title the text gives, or null.
 */
export type Speaker = {
  /** Stable within one article: the canonical name, lowercased. */
  id: string
  name: string
  kind: SpeakerKind
  role: string | null
  /** Other ways the text refers to the speaker ("Lindqvist", "the spokesperson"), without `name`. */
  aliases: readonly string[]
}
