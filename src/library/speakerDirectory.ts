import type { ArticleAttribution, Quote } from '../attribution/quote.js'
import type { SpeakerKind } from '../attribution/speaker.js'
import { chooseRoles } from '../attribution/speakerRoles.js'
import { statementPhrase } from '../attribution/statementPhrase.js'
import type { Article } from '../corpus/article.js'
import { foldWord } from '../text/tokens.js'
import { overlayMap } from './overlayMap.js'
import type { Steps } from './pacing.js'

// The corpus's speakers merged by name: built once when a library is assembled (it never changes
// once built), so who's who and autocomplete stay fast on a large corpus.

/**
 * A speaker across the corpus: the same name in several articles is one entry, with one title and
 * one office (the most specific of its articles'), so every command names it the same way.
 */
export type SpeakerSummary = {
  name: string
  kind: SpeakerKind
  /** Written before the name ("Lt Gen"); absent or null: none. */
  title?: string | null
  /** The office, written after the name; null when none. */
  role: string | null
  aliases: string[]
  articles: string[]
  quotes: number
}

/** One statement of a speaker, for "everything this person said"; `text` reads as a phrase (see `statementPhrase`). */
export type SpeakerStatement = {
  article: string
  paragraph: number
  text: string
  kind: Quote['kind']
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
  /** Each speaker by its folded name ({@link foldName}). */
  byName: ReadonlyMap<string, SpeakerSummary>
}

/** Builds the {@link SpeakerDirectory} of `articles`, yielding after each article (see `pacing.ts`). */
export function* collectSpeakerDirectory(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<SpeakerDirectory> {
  const all = yield* aggregateSpeakers(articles, attributions)
  return {
    ...all,
    folded: all.speakers.map((speaker) => [speaker.name, ...speaker.aliases].map(foldName)),
    byName: new Map(all.speakers.map((speaker) => [foldName(speaker.name), speaker])),
  }
}

// The order of localeCompare, many times faster when sorting thousands of names.
const NAME_ORDER = new Intl.Collator()

/** Every speaker of `articles`, merged by canonical name, most quoted first, with their statements by folded name. */
export function* aggregateSpeakers(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<{ speakers: SpeakerSummary[]; statements: Map<string, SpeakerStatement[]> }> {
  const byName = new Map<string, SpeakerSummary>()
  const statements = new Map<string, SpeakerStatement[]>()
  // Every article's title and office for a speaker; one of each is chosen once all are seen.
  const titles = new Map<string, string[]>()
  const offices = new Map<string, string[]>()
  for (const source of articles) {
    const attribution = attributions.get(source.id)
    if (attribution === undefined) continue
    for (const speaker of attribution.speakers) {
      const key = foldName(speaker.name)
      const entry = byName.get(key) ?? {
        name: speaker.name,
        kind: speaker.kind,
        title: null,
        role: null,
        aliases: [],
        articles: [],
        quotes: 0,
      }
      if (speaker.title != null) titles.set(key, [...(titles.get(key) ?? []), speaker.title])
      if (speaker.role !== null) offices.set(key, [...(offices.get(key) ?? []), speaker.role])
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
      const text = statementPhrase(quote, source.paragraphs[quote.paragraph - 1] ?? '')
      list.push({ article: source.id, paragraph: quote.paragraph, text, kind: quote.kind })
      statements.set(key, list)
    }
    yield
  }
  for (const [key, entry] of byName) {
    const { title, office } = chooseRoles(titles.get(key) ?? [], offices.get(key) ?? [])
    entry.title = title
    entry.role = office
  }
  const speakers = [...byName.values()].sort((a, b) => b.quotes - a.quotes || NAME_ORDER.compare(a.name, b.name))
  return { speakers, statements }
}

/** Whether any of the folded `candidates` is `wanted`, starts with it, or has a word that does. */
export function isFoldedMatch(candidates: readonly string[], wanted: string): boolean {
  if (wanted.length === 0) return true
  return candidates.some(
    (folded) => folded === wanted || folded.startsWith(wanted) || folded.split(' ').some((word) => word.startsWith(wanted)),
  )
}

/** A name lowercased, accents and punctuation folded, single-spaced: the key speakers merge by. */
export function foldName(name: string): string {
  return name.split(/\s+/).map(foldWord).join(' ').trim()
}

/**
 * The directory of two collections together (a server's view: the shared directory, built once,
 * and the server's own, small): the same speakers, counts and order {@link collectSpeakerDirectory}
 * would give for both collections' articles, without re-reading the shared one. Statements of a
 * name in both come shared first, as the shared articles come first in a view.
 */
export function mergeSpeakerDirectories(shared: SpeakerDirectory, own: SpeakerDirectory): SpeakerDirectory {
  if (own.speakers.length === 0) return shared
  if (shared.speakers.length === 0) return own
  const ownByKey = new Map(own.speakers.map((speaker, i) => [own.folded[i]?.[0] ?? foldName(speaker.name), speaker]))
  type Entry = { speaker: SpeakerSummary; folded: readonly string[] }
  const kept: Entry[] = []
  const changed: Entry[] = []
  shared.speakers.forEach((speaker, i) => {
    const folded = shared.folded[i] ?? []
    const key = folded[0] ?? foldName(speaker.name)
    const mine = ownByKey.get(key)
    if (mine === undefined) {
      kept.push({ speaker, folded })
      return
    }
    ownByKey.delete(key)
    const aliases = [...speaker.aliases, ...mine.aliases.filter((alias) => !speaker.aliases.includes(alias))]
    // One title and one office across the shared articles and the server's, chosen as for one corpus.
    const roles = chooseRoles(
      [speaker.title, mine.title].filter((title) => title != null),
      [speaker.role, mine.role].filter((role) => role !== null),
    )
    const merged: SpeakerSummary = {
      ...speaker,
      title: roles.title,
      role: roles.office,
      aliases,
      articles: [...speaker.articles, ...mine.articles.filter((article) => !speaker.articles.includes(article))],
      quotes: speaker.quotes + mine.quotes,
    }
    changed.push({ speaker: merged, folded: [merged.name, ...aliases].map(foldName) })
  })
  own.speakers.forEach((speaker, i) => {
    if (ownByKey.has(own.folded[i]?.[0] ?? foldName(speaker.name))) changed.push({ speaker, folded: own.folded[i] ?? [] })
  })
  const order = (a: Entry, b: Entry) => b.speaker.quotes - a.speaker.quotes || NAME_ORDER.compare(a.speaker.name, b.speaker.name)
  changed.sort(order)
  // Both lists are in directory order: merge them rather than sort the whole directory again.
  const all: Entry[] = []
  let k = 0
  for (const entry of changed) {
    while (k < kept.length && order(kept[k] as Entry, entry) <= 0) all.push(kept[k++] as Entry)
    all.push(entry)
  }
  while (k < kept.length) all.push(kept[k++] as Entry)
  return {
    speakers: all.map((entry) => entry.speaker),
    folded: all.map((entry) => entry.folded),
    statements: overlayMap(shared.statements, own.statements, (a, b) => [...a, ...b]),
    byName: overlayMap(shared.byName, new Map(changed.map((entry) => [foldName(entry.speaker.name), entry.speaker]))),
  }
}
