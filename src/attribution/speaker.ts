/** What kind of source a speaker is. */
export type SpeakerKind = 'person' | 'organization' | 'group'

/**
 * A source that speaks in an article: one entry of the article's speaker registry. `name` is the
 * canonical (longest, title-free) name; `title` is written before it ("Lt Gen", "Dr", "President")
 * and `role` after it ("Foreign Office spokesperson"): the most specific the text gives, or null.
 * `speakerDisplay` in speakerRoles.ts puts them together.
 */
export type Speaker = {
  /** Stable within one article: the canonical name, lowercased. */
  id: string
  name: string
  kind: SpeakerKind
  /** Absent or null: no title. */
  title?: string | null
  /** The office, one phrase (never a concatenation of every role word seen); null when none. */
  role: string | null
  /** Other ways the text refers to the speaker ("Lindqvist", "the spokesperson"), without `name`. */
  aliases: readonly string[]
}
