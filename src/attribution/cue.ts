import type { Mention } from './mentions.js'

// The cue type on its own, so the modules that find cues (cues.ts) and clause subjects
// (subjects.ts) can both use it without importing each other.

/**
 * How a cue's speaker is found: from its own `mention`; from the subject of the clause it hangs
 * on (`, adding that …`); or not at all (`none`), left to the article-level rules.
 */
export type SpeakerLink = 'mention' | 'clause' | 'none'

/** A cue found in a paragraph: the verb or phrase, the mention naming the speaker, and how to link them. */
export type Cue = {
  text: string
  /** Offset of the cue in the paragraph, for ordering. */
  at: number
  /** The phrase naming the speaker; for a `clause` cue, the clause's subject when one was found. */
  mention: Mention | null
  /** A role given beside the mention ("Bob Jones, a state senator, said"). */
  role: string | null
  link: SpeakerLink
  sentence: number
  /** True when the speaker is not the sentence's topic ("Asked by Jo Roe whether …, Smith said"): no pronoun focus. */
  isAside?: boolean
}
