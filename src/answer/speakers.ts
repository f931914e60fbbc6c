import type { Library } from '../library/library.js'
import { runSteps } from '../library/pacing.js'
import { aggregateSpeakers, foldName, isFoldedMatch, type SpeakerStatement, type SpeakerSummary } from '../library/speakerDirectory.js'

export type SpeakersOptions = {
  /** Only speakers whose name or an alias matches this (case- and accent-insensitive); null: all. */
  name: string | null
  /** Only this article; null: the whole corpus. */
  article: string | null
}

export const defaultSpeakersOptions: SpeakersOptions = { name: null, article: null }

/** The result of {@link listSpeakers}: most-quoted first, and the statements when a name was asked. */
export type SpeakersResult = {
  speakers: SpeakerSummary[]
  /** Filled only when `name` matched exactly one speaker. */
  statements: SpeakerStatement[]
}

/**
 * Who's who: every speaker with a quote, merged across articles by canonical name, most quoted
 * first. With `name`, only the speakers it matches, and their statements when it matches one.
 */
export function listSpeakers(library: Library, options: Partial<SpeakersOptions> = {}): SpeakersResult {
  const { name, article } = { ...defaultSpeakersOptions, ...options }
  if (article === null) {
    // The whole corpus is aggregated when the library is assembled (it never changes once
    // built), so autocomplete stays fast on a large corpus; only the name filter runs per call.
    const directory = library.speakerDirectory
    const wanted = name === null ? null : foldName(name)
    const speakers =
      wanted === null ? [...directory.speakers] : directory.speakers.filter((_, i) => isFoldedMatch(directory.folded[i] ?? [], wanted))
    const only = speakers.length === 1 ? speakers[0] : undefined
    return { speakers, statements: only === undefined ? [] : [...(directory.statements.get(foldName(only.name)) ?? [])] }
  }
  const source = library.articleById.get(article)
  const { speakers: inArticle, statements } = runSteps(aggregateSpeakers(source === undefined ? [] : [source], library.attributions))
  // One article's who's who names each speaker as the whole corpus does: one display everywhere.
  const all = inArticle.map((speaker) => {
    const known = library.speakerDirectory.byName.get(foldName(speaker.name))
    return known === undefined ? speaker : { ...speaker, title: known.title, role: known.role }
  })
  const speakers = name === null ? all : all.filter((speaker) => isNameMatch(speaker, name))
  const only = speakers.length === 1 ? speakers[0] : undefined
  return { speakers, statements: only === undefined ? [] : (statements.get(foldName(only.name)) ?? []) }
}

/**
 * Whether `typed` names this speaker: equal to the name or an alias, or (for autocomplete) a
 * prefix of any word of them. Case- and accent-insensitive.
 */
export function isNameMatch(speaker: { name: string; aliases: readonly string[] }, typed: string): boolean {
  return isFoldedMatch([speaker.name, ...speaker.aliases].map(foldName), foldName(typed))
}
