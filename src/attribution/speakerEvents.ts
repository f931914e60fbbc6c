import type { Cue } from './cue.js'
import { isNameToken, type Mention, readMentionAfter } from './mentions.js'
import type { ParagraphLayout } from './paragraphLayout.js'
import { addRole, type Entity, registerName, resolveReference, type SpeakerRegistry, setFocus } from './speakerRegistry.js'

/**
 * Something in a paragraph that names a speaker, at its offset: a cue (whose resolved entity is
 * handed to `apply`) or, with `isSubject`, a sentence's subject, which puts a person in focus and
 * speaks for the sentence's participle cues (", telling them …") when no cue names anyone.
 */
export type SpeakerEvent = { at: number; cue: Cue; apply: (entity: Entity | null) => void; isSubject?: boolean }

/** The speaker each sentence of a paragraph is about so far, by sentence index. */
export type SentenceSpeakers = Map<number, Entity>

// A subject is resolved just before a cue at the same offset would be, so the cue sees it in focus.
const SUBJECT_BEFORE_CUE = 0.25
// "Suu Kyi's fate is unclear, but she said …": a possessive this many tokens or fewer after the
// name still makes the possessor the subject; further away it belongs to another phrase.
const MAX_POSSESSOR_TOKENS = 4

const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of',
  'in',
  'at',
  'from',
  'to',
  'with',
  'by',
  'for',
  'about',
  'against',
  'on',
  'near',
  'like',
  'than',
  'after',
  'before',
  'under',
  'over',
  'between',
  'among',
  'into',
  'toward',
  'towards',
  'without',
  'within',
  'behind',
  'beside',
  'versus',
  'vs.',
])

/**
 * The subject of each sentence of the paragraph, as events. The first person named outside quotes
 * in a sentence, before its main verb and outside a prepositional phrase ("In San Francisco, …"),
 * is its likely subject: it puts that person in focus for a later "he" or "she". A one-word name
 * counts only with a title or when it is already known, so "Iowa voters" never becomes a person
 * (unless it opens the sentence before a verb). A sentence opening with "he"/"she" renews the
 * focus on the person it resolves to.
 */
export function subjectEvents(layout: ParagraphLayout, registry: SpeakerRegistry): SpeakerEvent[] {
  const events: SpeakerEvent[] = []
  for (let s = 0; s < layout.sentences.length; s++) {
    const mention = sentenceSubject(layout, registry, s)
    if (mention !== null) events.push(subjectEvent(mention, s))
  }
  return events
}

// The subject mention of sentence `s`, or null when it has none worth a focus.
function sentenceSubject(layout: ParagraphLayout, registry: SpeakerRegistry, s: number): Mention | null {
  const { tokens } = layout
  const sentence = layout.sentences[s]
  if (sentence === undefined) return null
  let isInPhrase = false
  for (let i = sentence.first; i < sentence.endToken; i++) {
    const token = tokens[i]
    if (token === undefined || layout.quoteOf[i] !== -1) continue
    // Past the main verb, a name is an object, not the subject.
    if (token.pos === 'VERB' || token.pos === 'AUX') return null
    if (token.text === ',') isInPhrase = false
    if (PREPOSITIONS.has(token.lower)) isInPhrase = true
    if ((token.lower === 'he' || token.lower === 'she') && token.pos === 'PRON') return readMentionAfter(tokens, i, i + 1)
    if (!isNameToken(token) || isInPhrase) continue
    let mention = readMentionAfter(tokens, i, sentence.endToken)
    const possessive = tokens.findIndex((x, k) => k > i && /^['’]s?$/u.test(x.text))
    if (mention?.kind === 'nominal' && possessive > i && possessive - i <= MAX_POSSESSOR_TOKENS)
      mention = readMentionAfter(tokens, i, possessive)
    if (mention === null || mention.kind !== 'name' || mention.isOrganization || mention.name === null) return null
    const surname = mention.name.split(' ').slice(-1)[0]
    const isKnown = registry.entities.some((e) => e.kind === 'person' && e.name.split(' ').slice(-1)[0] === surname)
    // A bare name opening its sentence and followed by a verb ("Trump blamed …") is a subject too.
    const mentionEnd = mention.end
    const isOpening = i === sentence.first && tokens.find((x) => x.start >= mentionEnd)?.pos === 'VERB'
    if (!mention.name.includes(' ') && mention.role === null && !isKnown && !isOpening) return null
    return mention
  }
  return null
}

/**
 * Resolves a paragraph's cues and sentence subjects in reading order, so that each moves the focus
 * a later pronoun refers to, and hands each cue's entity to its `apply`. Sorts `events` in place.
 * Returns the speaker each sentence is about (by sentence index).
 */
export function resolveSpeakers(events: SpeakerEvent[], registry: SpeakerRegistry, paragraph: number): SentenceSpeakers {
  // A stable sort: a cue and a subject at one offset keep the order they were found in.
  events.sort((a, b) => a.at - b.at)
  const sentenceSpeakers: SentenceSpeakers = new Map()
  // Sentences whose speaker so far is only their subject: a cue with a mention of its own wins.
  const bySubject = new Set<number>()
  for (const event of events) {
    const entity = resolveCue(registry, event.cue, paragraph, sentenceSpeakers)
    const sentence = event.cue.sentence
    if (entity !== null && event.cue.isAside !== true) {
      setFocus(registry, entity, paragraph)
      const isOverridable = bySubject.has(sentence) && event.isSubject !== true && event.cue.link === 'mention'
      if (!sentenceSpeakers.has(sentence) || isOverridable) {
        sentenceSpeakers.set(sentence, entity)
        if (event.isSubject === true) bySubject.add(sentence)
        else bySubject.delete(sentence)
      }
    }
    event.apply(entity)
  }
  return sentenceSpeakers
}

/** The speaker of the paragraph's last sentence with a resolved cue, for "X said:" paragraphs; null when none. */
export function lastResolved(events: readonly SpeakerEvent[], sentenceSpeakers: ReadonlyMap<number, Entity>): Entity | null {
  const last = events[events.length - 1]
  return last === undefined ? null : (sentenceSpeakers.get(last.cue.sentence) ?? null)
}

function resolveCue(registry: SpeakerRegistry, cue: Cue, paragraph: number, sentenceSpeakers: ReadonlyMap<number, Entity>): Entity | null {
  if (cue.link === 'clause' && sentenceSpeakers.has(cue.sentence)) return sentenceSpeakers.get(cue.sentence) ?? null
  const mention = cue.mention
  if (mention === null) return null
  let entity: Entity | null
  if (mention.kind === 'name') entity = registerName(registry, mention, paragraph)
  else {
    entity = resolveReference(registry, mention, paragraph)
    if (entity !== null && mention.kind === 'nominal') entity.aliases.add(mention.text)
  }
  if (entity !== null && cue.role !== null) addRole(entity, cue.role)
  return entity
}

function subjectEvent(mention: Mention, sentence: number): SpeakerEvent {
  const cue: Cue = { text: '', at: mention.start - SUBJECT_BEFORE_CUE, mention, role: null, link: 'mention', sentence }
  return { at: cue.at, cue, apply: () => undefined, isSubject: true }
}
