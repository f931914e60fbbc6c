import { genderOfFirstName } from './firstNames.js'
import type { Mention } from './mentions.js'
import type { Speaker, SpeakerKind } from './speaker.js'
import { chooseRoles, readAppositiveRole, readPreNameRole } from './speakerRoles.js'

/** One source of an article while it is being read; becomes a `Speaker` when it has quotes. */
type Entity = {
  name: string
  kind: SpeakerKind
  /** The first role seen: what role nominals ("the spokesperson") are matched against. */
  role: string | null
  /** Every title written before the name, once per mention: the display picks one. */
  titles: string[]
  /** Every office phrase given (before the name or beside it): the display picks one. */
  offices: string[]
  /** `paragraph:offset` of the mentions whose roles are in `titles` and `offices`, so each counts once. */
  roleMentions: Set<string>
  aliases: Set<string>
  /** Lowercased words of every name and role seen, for matching role nominals. */
  words: Set<string>
  /** Paragraph where the entity was last the subject of a sentence or a speaker. */
  lastFocus: number
  /** Order of the last time the entity was in focus; higher is more recent. */
  recency: number
  /** From a title ("Mrs.") or a pronoun already resolved to it; null when unknown. */
  gender: 'male' | 'female' | null
  quotes: number
}

/**
 * The article's sources as the text introduces them, with the entity currently in focus for
 * pronouns. Mutable while one article is read; `attributeArticle` creates one per article.
 */
export type SpeakerRegistry = {
  entities: Entity[]
  clock: number
  /** The person last named as a subject or speaker: what "he"/"she" refers to. */
  focus: Entity | null
}

/** A new, empty registry. */
export function createRegistry(): SpeakerRegistry {
  return { entities: [], focus: null, clock: 0 }
}

const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv'])
// A pronoun refers back at most this many paragraphs; further than that, abstain.
const MAX_PRONOUN_DISTANCE = 3

function surnameOf(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .split(/\s+/u)
    .filter((w) => !SUFFIXES.has(w.replace(/,$/u, '')))
  return words[words.length - 1] ?? ''
}

const FEMALE_TITLES =
  /^(mrs|ms|miss|madam|lady|dame|queen|princess|sister|congresswoman|chairwoman|spokeswoman|councilwoman|assemblywoman|businesswoman)\b/iu
const MALE_TITLES = /^(mr|sir|lord|king|prince|father|brother|congressman|chairman|spokesman|councilman|assemblyman|businessman)\b/iu

function genderOfTitle(text: string): 'male' | 'female' | null {
  for (const word of text.split(/\s+/u)) {
    if (FEMALE_TITLES.test(word)) return 'female'
    if (MALE_TITLES.test(word)) return 'male'
  }
  return null
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
}

/**
 * Finds or creates the entity a name mention refers to. People match on surname (the later
 * "Gen Okafor" is the earlier "Chidi Okafor"); organisations on the whole name.
 * The canonical name grows to the longest full form seen.
 */
export function registerName(registry: SpeakerRegistry, mention: Mention, paragraph: number): Entity | null {
  const name = mention.name
  if (name === null || name === '') return null
  const kind: SpeakerKind = mention.isOrganization ? 'organization' : 'person'
  const surname = surnameOf(name)
  let entity = registry.entities.find((e) =>
    kind === 'person'
      ? e.kind === 'person' && (surnameOf(e.name) === surname || e.name.toLowerCase() === name.toLowerCase())
      : e.name.toLowerCase() === name.toLowerCase(),
  )
  if (entity === undefined && kind === 'organization') {
    entity = registry.entities.find((e) => e.aliases.has(name))
  }
  if (entity === undefined) {
    entity = {
      name,
      kind,
      role: mention.role,
      titles: [],
      offices: [],
      roleMentions: new Set(),
      aliases: new Set(),
      words: new Set(),
      lastFocus: paragraph,
      recency: 0,
      gender: null,
      quotes: 0,
    }
    registry.entities.push(entity)
  } else if (name.length > entity.name.length && kind === entity.kind) {
    entity.aliases.add(entity.name)
    entity.name = name
  } else if (name !== entity.name) {
    entity.aliases.add(name)
  }
  if (entity.role === null && mention.role !== null) entity.role = mention.role
  // A name is registered once for its sentence's subject and again for its cue: count it once.
  const mentionKey = `${paragraph}:${mention.start}`
  if (mention.role !== null && !entity.roleMentions.has(mentionKey)) {
    entity.roleMentions.add(mentionKey)
    const { title, office } = readPreNameRole(mention.role)
    if (title !== null) entity.titles.push(title)
    if (office !== null) entity.offices.push(office)
  }
  const gender = genderOfTitle(mention.text) ?? (kind === 'person' ? genderOfFirstName(name.split(/\s+/u)[0] ?? '') : null)
  if (gender !== null && entity.gender === null) entity.gender = gender
  if (mention.text !== entity.name) entity.aliases.add(mention.text)
  if (kind === 'person' && surname !== entity.name.toLowerCase()) entity.aliases.add(name.split(/\s+/u).slice(-1)[0] ?? name)
  for (const w of wordsOf(mention.text)) entity.words.add(w)
  return entity
}

/** Sets the entity that later pronouns refer to; only people can be "he" or "she". */
export function setFocus(registry: SpeakerRegistry, entity: Entity, paragraph: number): void {
  entity.lastFocus = paragraph
  entity.recency = ++registry.clock
  if (entity.kind === 'person') registry.focus = entity
}

/** Records a role the text gives a known entity ("Lindqvist, the ministry spokesperson"). */
export function addRole(entity: Entity, role: string): void {
  if (entity.role === null) entity.role = role
  const office = readAppositiveRole(role)
  if (office !== null) entity.offices.push(office)
  for (const w of wordsOf(role)) entity.words.add(w)
}

const NOMINAL_STOP: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'his',
  'her',
  'its',
  'their',
  'another',
  'former',
  'new',
  'top',
  'senior',
])

/**
 * Resolves a pronoun or role nominal to a known entity, or null to abstain. "he"/"she" take the
 * person in focus when it was named within the last three paragraphs; a role nominal ("the
 * spokesperson", "the agency chief") takes the most recent entity whose names or role share a word
 * with it. Plural pronouns and unmatched nominals abstain.
 */
export function resolveReference(registry: SpeakerRegistry, mention: Mention, paragraph: number): Entity | null {
  if (mention.kind === 'pronoun') {
    if (mention.head !== 'he' && mention.head !== 'she') return null
    const gender = mention.head === 'he' ? 'male' : 'female'
    // The most recent person in focus whose known gender does not contradict the pronoun.
    const candidates = registry.entities
      .filter((e) => e.kind === 'person' && e.recency > 0 && paragraph - e.lastFocus <= MAX_PRONOUN_DISTANCE)
      .sort((a, b) => b.recency - a.recency)
    const match = candidates.find((e) => e.gender === null || e.gender === gender) ?? null
    if (match !== null && match.gender === null) match.gender = gender
    return match
  }
  if (mention.kind === 'nominal') {
    // "Jones' office" or "the senator’s aide" is someone else than the possessor, and "one
    // longtime adviser" or "a spokesman" introduces someone new: abstain.
    if (mention.isPlural || /\p{L}['’]s?\s/u.test(mention.text) || /^(a|an|one|another|some|several)\s/iu.test(mention.text)) return null
    const words = wordsOf(mention.text).filter((w) => !NOMINAL_STOP.has(w))
    if (words.length === 0) return null
    const candidates = [...registry.entities].sort((a, b) => b.lastFocus - a.lastFocus)
    // A nominal that shares its head noun with a role wins over one sharing only a modifier.
    return (
      candidates.find((e) => e.role !== null && e.words.has(mention.head)) ??
      candidates.find((e) => words.some((w) => e.words.has(w) && w !== mention.head && /\p{Lu}/u.test(mention.text))) ??
      null
    )
  }
  return null
}

/** Materialises the registry: every entity with at least one quote, as a `Speaker`. */
export function toSpeaker(entity: Entity): Speaker {
  const aliases = [...entity.aliases].filter((a) => a !== entity.name && !/^(he|she|they|it|we|i)$/iu.test(a))
  const { title, office } = chooseRoles(entity.titles, entity.offices)
  return { id: entity.name.toLowerCase(), name: entity.name, kind: entity.kind, title, role: office, aliases }
}

export type { Entity }
