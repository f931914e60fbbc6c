import { deserialize, serialize } from 'node:v8'
import { createInterner } from './interner.js'
import type { Pause } from './miniSearchStore.js'
import type { PassageProfile } from './passageProfile.js'

// Passage profiles as snapshot bytes. A profile holds two strings per word of its paragraph, so a
// corpus of 100,000 paragraphs has millions of them, mostly the same few thousand words: each
// chunk stores its distinct strings once and every word as a number, which loads faster than
// JSON and leaves one string per distinct word in memory instead of one per occurrence.

/** Options for {@link saveProfiles}. */
export type ProfileStoreOptions = {
  /** Profiles per chunk: a few milliseconds of loading each. */
  profilesPerChunk: number
}

export const defaultProfileStoreOptions: ProfileStoreOptions = { profilesPerChunk: 2_000 }

type ProfileChunk = {
  version: typeof STORE_VERSION
  strings: string[]
  /** Per profile: its word count, then its sentence start count. */
  counts: Int32Array
  /** Per word: the position in `strings` of its term, then of its folded form. */
  words: Int32Array
  sentenceStarts: Int32Array
  shapes: string[]
}

const STORE_VERSION = 1

/** The profiles as chunks of bytes for {@link loadProfiles}, in order. */
export function saveProfiles(profiles: readonly PassageProfile[], options: Partial<ProfileStoreOptions> = {}): Uint8Array[] {
  const { profilesPerChunk } = { ...defaultProfileStoreOptions, ...options }
  const chunks: Uint8Array[] = []
  for (let at = 0; at < profiles.length; at += profilesPerChunk)
    chunks.push(serialize(encodeChunk(profiles.slice(at, at + profilesPerChunk))))
  return chunks
}

/** The profiles saved by {@link saveProfiles}, awaiting `pause` between chunks. Throws when the bytes are not such profiles. */
export async function loadProfiles(chunks: readonly Uint8Array[], pause: Pause): Promise<PassageProfile[]> {
  const profiles: PassageProfile[] = []
  for (const bytes of chunks) {
    await pause()
    const chunk = deserialize(bytes) as ProfileChunk
    if (chunk?.version !== STORE_VERSION || !(chunk.words instanceof Int32Array))
      throw new Error('profile store: not saved profiles of this version')
    decodeChunk(chunk, profiles)
  }
  return profiles
}

function encodeChunk(profiles: readonly PassageProfile[]): ProfileChunk {
  const { values: strings, positionOf } = createInterner<string>()
  const counts: number[] = []
  const words: number[] = []
  const sentenceStarts: number[] = []
  for (const profile of profiles) {
    counts.push(profile.terms.length, profile.sentenceStarts.length)
    for (const [i, term] of profile.terms.entries()) words.push(positionOf(term), positionOf(profile.words[i] ?? ''))
    sentenceStarts.push(...profile.sentenceStarts)
  }
  return {
    version: STORE_VERSION,
    strings,
    counts: Int32Array.from(counts),
    words: Int32Array.from(words),
    sentenceStarts: Int32Array.from(sentenceStarts),
    shapes: profiles.map((profile) => profile.shapes),
  }
}

function decodeChunk(chunk: ProfileChunk, into: PassageProfile[]): void {
  const { strings, counts, words, sentenceStarts, shapes } = chunk
  let word = 0
  let start = 0
  for (let i = 0; i < shapes.length; i++) {
    const wordCount = counts[2 * i] ?? 0
    const startCount = counts[2 * i + 1] ?? 0
    const terms = new Array<string>(wordCount)
    const folded = new Array<string>(wordCount)
    for (let k = 0; k < wordCount; k++, word += 2) {
      terms[k] = strings[words[word] ?? 0] ?? ''
      folded[k] = strings[words[word + 1] ?? 0] ?? ''
    }
    into.push({
      terms,
      words: folded,
      shapes: shapes[i] ?? '',
      sentenceStarts: Array.from(sentenceStarts.subarray(start, start + startCount)),
    })
    start += startCount
  }
}
