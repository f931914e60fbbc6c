import type { Speaker } from '../attribution/speaker.js'

/** How results name a speaker: the canonical name and the role from the text (or null). */
export type SpeakerRef = {
  name: string
  role: string | null
}

/** The reference for a speaker. */
export function refOf(speaker: Speaker): SpeakerRef {
  return { name: speaker.name, role: speaker.role }
}

/** The reference for a speaker, or null for "not attributable". */
export function toSpeakerRef(speaker: Speaker | null): SpeakerRef | null {
  return speaker === null ? null : refOf(speaker)
}
