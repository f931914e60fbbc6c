import type { Article } from '../corpus/article.js'
import type { Cue } from './cue.js'
import { findQuoteCue } from './cues.js'
import { isNameToken, type Mention, readMentionAfter } from './mentions.js'
import { layOutParagraph, type ParagraphLayout } from './paragraphLayout.js'
import type { ArticleAttribution, Quote, QuoteKind } from './quote.js'
import type { QuoteSpan } from './quoteMarks.js'
import { findReportedSpeech, type ReportedSpeech } from './reportedSpeech.js'
import type { Speaker } from './speaker.js'
import {
  addRole,
  createRegistry,
  type Entity,
  registerName,
  resolveReference,
  type SpeakerRegistry,
  setFocus,
  toSpeaker,
} from './speakerRegistry.js'
import { SPEECH_VERBS } from './speechVerbs.js'

/** A quote before its speaker becomes a `Speaker`: canonical names settle only at the article's end. */
type Found = {
  paragraph: number
  start: number
  end: number
  kind: QuoteKind
  cue: string | null
  mention: string | null
  entity: Entity | null
}

/** What one paragraph hands to the next: an unclosed quotation, or a cue ending in a colon. */
type Carry = {
  /** The speaker of a quotation left open at the end of the previous paragraph (null: unknown). */
  openQuote: { entity: Entity | null } | null
  /** The speaker announced by a previous paragraph ending in ":". */
  colon: Entity | null
  /** The speaker of the last direct quote, and its paragraph. */
  lastDirect: { entity: Entity; paragraph: number } | null
}

// A sentence-initial quotation with no cue continues the last speaker's words only this close by.
const MAX_CONTINUATION_DISTANCE = 1
// How far back from a quotation's opening mark its shape is read.
const LOOK_BACK_CHARS = 120

/**
 * Finds every direct quote, partial quote and reported statement of an article, with its cue,
 * the mention naming the speaker, and the speaker resolved against the article's registry.
 * Pure and synchronous; never throws on odd text. Quote offsets index into
 * `article.paragraphs[paragraph - 1]`. `speaker: null` means no reliable antecedent was found.
 */
export function attributeArticle(article: Article): ArticleAttribution {
  const registry = createRegistry()
  const found: Found[] = []
  const carry: Carry = { openQuote: null, colon: null, lastDirect: null }
  article.paragraphs.forEach((text, index) => {
    if (typeof text !== 'string' || text.trim() === '') {
      carry.openQuote = null
      carry.colon = null
      return
    }
    attributeParagraph(layOutParagraph(text), index + 1, registry, carry, found)
  })
  const speakers = new Map<Entity, Speaker>()
  const quotes: Quote[] = found
    .filter((f) => f.end > f.start)
    .map((f) => {
      let speaker: Speaker | null = null
      if (f.entity !== null) {
        speaker = speakers.get(f.entity) ?? toSpeaker(f.entity)
        speakers.set(f.entity, speaker)
      }
      const text = article.paragraphs[f.paragraph - 1]?.slice(f.start, f.end) ?? ''
      return { paragraph: f.paragraph, start: f.start, end: f.end, text, kind: f.kind, cue: f.cue, mention: f.mention, speaker }
    })
  return { quotes, speakers: [...speakers.values()] }
}

// `isSubject`: not a cue but a sentence's subject, which puts a person in focus and speaks for
// the sentence's participle cues (", telling them …") when no cue names anyone.
type Event = { at: number; cue: Cue; apply: (entity: Entity | null) => void; isSubject?: boolean }

function attributeParagraph(layout: ParagraphLayout, paragraph: number, registry: SpeakerRegistry, carry: Carry, found: Found[]): void {
  const { spans, text } = layout
  const events: Event[] = []
  const directs: (Found | null)[] = spans.map(() => null)
  const shapes = spans.map((span) => quoteShape(text, span))
  const reported = findReportedSpeech(
    layout,
    shapes.map((shape) => shape === 'direct'),
  )
  const cueAt: number[] = spans.map(() => -1)

  spans.forEach((span, q) => {
    if (shapes[q] !== 'direct') return
    const item: Found = { paragraph, start: span.start, end: span.end, kind: 'direct', cue: null, mention: null, entity: null }
    directs[q] = item
    const cue = findQuoteCue(layout, q)
    cueAt[q] = cue?.at ?? -1
    // A short quoted title or nickname ("The Apprentice," "Butch") with no cue is not speech, nor
    // is a title in Title Case ("Tales From the Crypt," "Tough Choices."), cue or not.
    const quoted = text.slice(span.start, span.end)
    if ((cue === null && wordCount(quoted) <= 3) || isTitleCase(quoted)) {
      directs[q] = null
      return
    }
    if (cue !== null) {
      item.cue = cue.text
      item.mention = cue.mention?.text ?? null
      events.push({
        at: cue.at,
        cue,
        apply: (entity) => {
          item.entity = entity
        },
      })
    }
  })

  // "“A,” X said. “B.”": a cue-less quotation right after an attributed one continues it, when
  // the narration between them is no longer than the quoted words (at most two sentences).
  // The merged span keeps one passage per speaker, as readers and annotators see it.
  for (let q = spans.length - 1; q > 0; q--) {
    const prev = directs[q - 1]
    const cur = directs[q]
    const prevSpan = spans[q - 1] as QuoteSpan
    const curSpan = spans[q] as QuoteSpan
    if (prev == null || cur == null) continue
    const between = text.slice(prevSpan.after, curSpan.open)
    // "“A.” “B.”": quotations with nothing but space between are one passage.
    const isAdjacent = !/[\p{L}\p{N}]/u.test(between) && cur.cue === null
    if (prev.cue === null && !isAdjacent) continue
    // "“A,” he said, “B.”" finds the same cue for both halves; a cue of its own keeps B apart.
    if (cur.cue !== null && cueAt[q] !== cueAt[q - 1]) continue
    const quoted = prevSpan.end - prevSpan.start + (curSpan.end - curSpan.start)
    if (between.length > Math.max(240, quoted) || (between.match(/[.!?](?=\s|$)/gu) ?? []).length > 2) continue
    prev.end = cur.end
    directs[q] = null
  }

  // Lookups below go by sentence and by sorted offsets, so a paragraph with thousands of
  // quotations stays near linear.
  const reportsBySentence = new Map<number, ReportedSpeech[]>()
  for (const item of reported) {
    const list = reportsBySentence.get(item.cue.sentence) ?? []
    list.push(item)
    reportsBySentence.set(item.cue.sentence, list)
  }
  for (const item of reported) {
    // Reported speech that is wholly a direct quotation is already counted.
    if (isInsideDirect(directs, spans, item)) continue
    // A report inside another's content ("X said Y had pledged that …") is part of X's
    // statement: it is not listed on its own and its cue does not take the focus from X.
    const isEmbedded = (reportsBySentence.get(item.cue.sentence) ?? []).some(
      (other) => other !== item && other.start <= item.cue.at && item.cue.at < other.end,
    )
    if (isEmbedded) continue
    const entry: Found = {
      paragraph,
      start: item.start,
      end: item.end,
      kind: 'indirect',
      cue: item.cue.text,
      mention: item.cue.mention?.text ?? null,
      entity: null,
    }
    found.push(entry)
    events.push({
      at: item.cue.at,
      cue: item.cue,
      apply: (entity) => {
        entry.entity = entity
      },
    })
    // Partial quotes inside reported speech take its speaker.
    for (let q = firstSpanFrom(spans, item.start); q < spans.length && (spans[q] as QuoteSpan).start < item.end; q++) {
      const span = spans[q] as QuoteSpan
      if (shapes[q] !== 'partial' || span.end > item.end) continue
      const part: Found = {
        paragraph,
        start: span.start,
        end: span.end,
        kind: 'partial',
        cue: item.cue.text,
        mention: entry.mention,
        entity: null,
      }
      found.push(part)
      events.push({
        at: item.cue.at + 0.5,
        cue: item.cue,
        apply: (entity) => {
          part.entity = entity
        },
      })
      shapes[q] = null
    }
  }

  for (const event of subjectEvents(layout, registry)) events.push(event)
  events.sort((a, b) => a.at - b.at)
  const sentenceSpeaker = new Map<number, Entity>()
  // Sentences whose speaker so far is only their subject: a cue with a mention of its own wins.
  const bySubject = new Set<number>()
  for (const event of events) {
    const entity = resolveCue(registry, event.cue, paragraph, sentenceSpeaker)
    const s = event.cue.sentence
    if (entity !== null && event.cue.isAside !== true) {
      setFocus(registry, entity, paragraph)
      if (!sentenceSpeaker.has(s) || (bySubject.has(s) && event.isSubject !== true && event.cue.link === 'mention')) {
        sentenceSpeaker.set(s, entity)
        if (event.isSubject === true) bySubject.add(s)
        else bySubject.delete(s)
      }
    }
    event.apply(entity)
  }

  directs.forEach((item, q) => {
    if (item === null) return
    const span = spans[q] as QuoteSpan
    if (item.cue === null) {
      const atStart = span.open === 0
      if (atStart && carry.openQuote !== null) item.entity = carry.openQuote.entity
      else if (atStart && carry.colon !== null) item.entity = carry.colon
      // "Her friend Jo Roe chimed in. “…”": the person the previous sentence is about speaks.
      else if (!atStart && isSentenceInitial(text, span) && sentenceSpeaker.has(sentenceOfOffset(layout, span.open) - 1)) {
        item.entity = sentenceSpeaker.get(sentenceOfOffset(layout, span.open) - 1) ?? null
      } else if (
        isSentenceInitial(text, span) &&
        carry.lastDirect !== null &&
        paragraph - carry.lastDirect.paragraph <= MAX_CONTINUATION_DISTANCE
      ) {
        item.entity = carry.lastDirect.entity
      }
    }
    if (item.entity !== null) {
      item.entity.quotes++
      carry.lastDirect = { entity: item.entity, paragraph }
    }
    found.push(item)
  })
  for (const f of found) if (f.paragraph === paragraph && f.kind !== 'direct' && f.entity !== null) f.entity.quotes++

  const lastSpan = spans[spans.length - 1]
  const lastDirect = [...directs].reverse().find((d) => d !== null) ?? null
  carry.openQuote = lastSpan !== undefined && lastSpan.close < 0 ? { entity: lastDirect?.entity ?? null } : null
  carry.colon = /:\s*$/u.test(text) ? lastResolved(events, sentenceSpeaker) : null
}

// The speaker of the paragraph's last sentence with a resolved cue, for "X said:" paragraphs.
function lastResolved(events: readonly Event[], sentenceSpeaker: ReadonlyMap<number, Entity>): Entity | null {
  const last = events[events.length - 1]
  return last === undefined ? null : (sentenceSpeaker.get(last.cue.sentence) ?? null)
}

function resolveCue(registry: SpeakerRegistry, cue: Cue, paragraph: number, sentenceSpeaker: ReadonlyMap<number, Entity>): Entity | null {
  if (cue.link === 'clause' && sentenceSpeaker.has(cue.sentence)) return sentenceSpeaker.get(cue.sentence) ?? null
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

// The first person named outside quotes in a sentence, before its main verb and outside a
// prepositional phrase ("In San Francisco, …"), is its likely subject: it puts that person in
// focus for a later "he" or "she". A one-word name counts only with a title or when it is already
// known, so "Iowa voters" never becomes a person (unless it opens the sentence before a verb).
// A sentence opening with "he"/"she" renews the focus on the person it resolves to.
function subjectEvents(layout: ParagraphLayout, registry: SpeakerRegistry): Event[] {
  const events: Event[] = []
  const { tokens } = layout
  for (let s = 0; s < layout.sentences.length; s++) {
    const sentence = layout.sentences[s]
    if (sentence === undefined) continue
    let isInPhrase = false
    for (let i = sentence.first; i < sentence.endToken; i++) {
      const t = tokens[i]
      if (t === undefined || layout.quoteOf[i] !== -1) continue
      // Past the main verb, a name is an object, not the subject.
      if (t.pos === 'VERB' || t.pos === 'AUX') break
      if (t.text === ',') isInPhrase = false
      if (PREPOSITIONS.has(t.lower)) isInPhrase = true
      if ((t.lower === 'he' || t.lower === 'she') && t.pos === 'PRON') {
        const mention = readMentionAfter(tokens, i, i + 1)
        if (mention !== null) events.push(subjectEvent(mention, s))
        break
      }
      if (!isNameToken(t) || isInPhrase) continue
      let mention = readMentionAfter(tokens, i, sentence.endToken)
      // "Suu Kyi's fate is unclear, but she said …": a possessor opening the sentence is salient.
      const possessive = tokens.findIndex((x, k) => k > i && /^['’]s?$/u.test(x.text))
      if (mention?.kind === 'nominal' && possessive > i && possessive - i <= 4) mention = readMentionAfter(tokens, i, possessive)
      if (mention === null || mention.kind !== 'name' || mention.isOrganization || mention.name === null) break
      const surname = mention.name.split(' ').slice(-1)[0]
      const isKnown = registry.entities.some((e) => e.kind === 'person' && e.name.split(' ').slice(-1)[0] === surname)
      // A bare name opening its sentence and followed by a verb ("Trump blamed …") is a subject too.
      const isOpening = i === sentence.first && tokens.find((x) => x.start >= mention.end)?.pos === 'VERB'
      if (!mention.name.includes(' ') && mention.role === null && !isKnown && !isOpening) break
      events.push(subjectEvent(mention, s))
      break
    }
  }
  return events
}

function subjectEvent(mention: Mention, sentence: number): Event {
  const cue: Cue = { text: '', at: mention.start - 0.25, mention, role: null, link: 'mention', sentence }
  return { at: cue.at, cue, apply: () => undefined, isSubject: true }
}

/**
 * `direct`: the quotation stands as speech of its own (opens a sentence, or follows a colon,
 * comma or cue verb); `partial`: a fragment woven into a sentence ("found a “new hero” in …").
 */
function quoteShape(text: string, span: QuoteSpan): QuoteKind | null {
  const before = textBefore(text, span.open)
  if (before === '' || /[.!?:,;\u2014\u2013—]["”’)]*$/u.test(before)) return 'direct'
  const word = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase()
  if (word !== undefined && SPEECH_VERBS.has(word) && /^\p{Lu}/u.test(text.slice(span.start, span.start + 1))) return 'direct'
  return 'partial'
}

// Two to eight words, nearly all capitalised, no sentence inside: a title, not a statement.
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w))
  if (words.length < 2 || words.length > 8 || /[.!?]\s/u.test(text)) return false
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length
  const minor = words.filter((w) => /^(of|the|a|an|and|or|to|in|on|for|at|by|from|with)$/u.test(w)).length
  return capitalised + minor === words.length && capitalised >= 2
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

// Index of the first span that starts at or after `offset` (spans are in order).
function firstSpanFrom(spans: readonly QuoteSpan[], offset: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((spans[mid] as QuoteSpan).start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

// Does a direct quotation (merged halves included) cover the reported range? Direct quotes do
// not overlap, so only the last one starting before the range can.
function isInsideDirect(directs: readonly (Found | null)[], spans: readonly QuoteSpan[], item: { start: number; end: number }): boolean {
  let q = firstSpanFrom(spans, item.start + 2) - 1
  while (q >= 0 && directs[q] === null) q--
  const d = directs[q]
  return d != null && d.start <= item.start + 1 && d.end >= item.end - 1
}

// The text just before a quotation: enough for the patterns that look back from its opening
// mark, and short, so that a paragraph with thousands of quotations stays linear.
function textBefore(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - LOOK_BACK_CHARS), offset).trimEnd()
}

function sentenceOfOffset(layout: ParagraphLayout, offset: number): number {
  const k = layout.sentences.findIndex((x) => x.start <= offset && offset < x.end)
  return Math.max(k, 0)
}

function isSentenceInitial(text: string, span: QuoteSpan): boolean {
  const before = textBefore(text, span.open)
  return before === '' || /[.!?]["”’)]*$/u.test(before)
}
