import type { Speaker } from '../attribution/speaker.js'
import type { Library } from '../library/library.js'
import { foldName } from '../library/speakerDirectory.js'

/**
 * How results name a speaker: the canonical name, the title written before it and the office
 * after it (null when the text gives none). The same speaker gets the same reference in every
 * command: the title and office are the corpus directory's choice, not one article's.
 */
export type SpeakerRef = {
  name: string
  /** Absent or null: no title. */
  title?: string | null
  role: string | null
}

/** The reference for a speaker, with the title and office the corpus settled on for its name. */
export function refOf(library: Library, speaker: Speaker): SpeakerRef {
  const known = library.speakerDirectory.byName.get(foldName(speaker.name))
  if (known === undefined) return { name: speaker.name, title: speaker.title ?? null, role: speaker.role }
  return { name: speaker.name, title: known.title, role: known.role }
}

/** The reference for a speaker, or null for "not attributable". */
export function toSpeakerRef(library: Library, speaker: Speaker | null): SpeakerRef | null {
  return speaker === null ? null : refOf(library, speaker)
}
