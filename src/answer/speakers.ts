import type { ArticleAttribution, Quote } from '../attribution/quote.js'
import type { SpeakerKind } from '../attribution/speaker.js'
import type { Article } from '../corpus/article.js'
import { foldWord } from '../text/tokens.js'
import type { Library } from './library.js'
import { runSteps, type Steps } from './pacing.js'

/** A speaker across the corpus: the same name in several articles is one entry. */
export type SpeakerSummary = {
  name: string
  kind: SpeakerKind
  role: string | null
  aliases: string[]
  articles: string[]
  quotes: number
}

/** One statement of a speaker, for "everything this person said". */
export type SpeakerStatement = {
  article: string
  paragraph: number
  text: string
  kind: Quote['kind']
}

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
    const speakers = wanted === null ? [...directory.speakers] : directory.speakers.filter((_, i) => isFoldedMatch(directory.folded[i] ?? [], wanted))
    const only = speakers.length === 1 ? speakers[0] : undefined
    return { speakers, statements: only === undefined ? [] : [...(directory.statements.get(foldName(only.name)) ?? [])] }
  }
  const source = library.articleById.get(article)
  const { speakers: all, statements } = runSteps(aggregateSpeakers(source === undefined ? [] : [source], library.attributions))
  const speakers = name === null ? all : all.filter((speaker) => isNameMatch(speaker, name))
  const only = speakers.length === 1 ? speakers[0] : undefined
  return { speakers, statements: only === undefined ? [] : (statements.get(foldName(only.name)) ?? []) }
}

/**
 * The speakers of a whole corpus, aggregated once per library for {@link listSpeakers}: most
 * quoted first, their statements by folded name, and each speaker's name and aliases folded
 * (aligned with `speakers`) for matching what is typed.
 */
export type SpeakerDirectory = {
  speakers: readonly SpeakerSummary[]
  statements: ReadonlyMap<string, readonly SpeakerStatement[]>
  folded: ReadonlyArray<readonly string[]>
}

/** Builds the {@link SpeakerDirectory} of `articles`, yielding after each article (see `pacing.ts`). */
export function* collectSpeakerDirectory(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<SpeakerDirectory> {
  const all = yield* aggregateSpeakers(articles, attributions)
  return { ...all, folded: all.speakers.map((speaker) => [speaker.name, ...speaker.aliases].map(foldName)) }
}

// The order of localeCompare, many times faster when sorting thousands of names.
const NAME_ORDER = new Intl.Collator()

// Every speaker of `articles`, merged by canonical name, most quoted first.
function* aggregateSpeakers(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<{ speakers: SpeakerSummary[]; statements: Map<string, SpeakerStatement[]> }> {
  const byName = new Map<string, SpeakerSummary>()
  const statements = new Map<string, SpeakerStatement[]>()
  for (const source of articles) {
    const attribution = attributions.get(source.id)
    if (attribution === undefined) continue
    for (const speaker of attribution.speakers) {
      const key = foldName(speaker.name)
      const entry = byName.get(key) ?? { name: speaker.name, kind: speaker.kind, role: speaker.role, aliases: [], articles: [], quotes: 0 }
      if (entry.role === null) entry.role = speaker.role
      for (const alias of speaker.aliases) if (!entry.aliases.includes(alias)) entry.aliases.push(alias)
      if (!entry.articles.includes(source.id)) entry.articles.push(source.id)
      byName.set(key, entry)
    }
    for (const quote of attribution.quotes) {
      if (quote.speaker === null) continue
      const key = foldName(quote.speaker.name)
      const entry = byName.get(key)
      if (entry !== undefined) entry.quotes++
      const list = statements.get(key) ?? []
      list.push({ article: source.id, paragraph: quote.paragraph, text: quote.text, kind: quote.kind })
      statements.set(key, list)
    }
    yield
  }
  const speakers = [...byName.values()].sort((a, b) => b.quotes - a.quotes || NAME_ORDER.compare(a.name, b.name))
  return { speakers, statements }
}

/**
 * Whether `typed` names this speaker: equal to the name or an alias, or (for autocomplete) a
 * prefix of any word of them. Case- and accent-insensitive.
 */
export function isNameMatch(speaker: { name: string; aliases: readonly string[] }, typed: string): boolean {
  return isFoldedMatch([speaker.name, ...speaker.aliases].map(foldName), foldName(typed))
}

function isFoldedMatch(candidates: readonly string[], wanted: string): boolean {
  if (wanted.length === 0) return true
  return candidates.some((folded) => folded === wanted || folded.startsWith(wanted) || folded.split(' ').some((word) => word.startsWith(wanted)))
}

function foldName(name: string): string {
  return name.split(/\s+/).map(foldWord).join(' ').trim()
}
