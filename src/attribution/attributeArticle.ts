import type { Article } from '../corpus/article.js'
import { findQuoteCue } from './cues.js'
import { layOutParagraph, type ParagraphLayout } from './paragraphLayout.js'
import type { ArticleAttribution, Quote, QuoteKind } from './quote.js'
import type { QuoteSpan } from './quoteMarks.js'
import { isQuotedTitle, isSentenceInitial, quoteShape, wordCount } from './quoteShape.js'
import { findReportedSpeech, type ReportedSpeech } from './reportedSpeech.js'
import type { Speaker } from './speaker.js'
import { lastResolved, resolveSpeakers, type SpeakerEvent, subjectEvents } from './speakerEvents.js'
import { createRegistry, type Entity, type SpeakerRegistry, toSpeaker } from './speakerRegistry.js'

/** A quote before its speaker becomes a `Speaker`: canonical names settle only at the article's end. */
type Found = {
  paragraph: number
  start: number
  end: number
  kind: QuoteKind
  cue: string | null
  cueAt: number | null
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

// A sentence-initial quotation with no cue continues the last speaker's words only this close by
// (in paragraphs): further on, an uncued quotation more often starts someone else's words.
const MAX_CONTINUATION_DISTANCE = 1
// A quotation of this many words or fewer with no cue is a title or nickname ("The Apprentice,"
// "Butch"), not speech.
const MAX_UNCUED_NAME_WORDS = 3
// Two quotations are one passage when the narration between them is no longer than this, or than
// the quoted words if those are longer: "“A,” X said. “B.”" keeps one passage per speaker.
const MIN_MERGE_GAP_CHARS = 240
// … and holds at most this many sentence ends: a longer stretch of narration starts a new passage.
const MAX_MERGE_GAP_SENTENCES = 2
// A partial quote inside reported speech is resolved right after its report's cue (same speaker),
// before any cue that follows it.
const PARTIAL_AFTER_REPORT = 0.5
// A report may begin or end this many characters inside a direct quotation (its quote mark) and
// still be that quotation, counted once.
const QUOTE_MARK_SLACK_CHARS = 1

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
      return {
        paragraph: f.paragraph,
        start: f.start,
        end: f.end,
        text,
        kind: f.kind,
        cue: f.cue,
        cueAt: f.cueAt,
        mention: f.mention,
        speaker,
      }
    })
  return { quotes, speakers: [...speakers.values()] }
}

/** One paragraph's working state, shared by its phases; quotations are indexed like `layout.spans`. */
type ParagraphWork = {
  layout: ParagraphLayout
  paragraph: number
  /** Per quotation: its direct quote, or null (not direct, not speech, or merged into the previous one). */
  directs: (Found | null)[]
  /** Per quotation: its shape; a partial quote taken by reported speech is cleared to null. */
  shapes: (QuoteKind | null)[]
  /** Per quotation: the offset of its cue in the paragraph, or -1. */
  cueAt: number[]
  /** Cues and sentence subjects, resolved in reading order. */
  events: SpeakerEvent[]
  /** The paragraph's reported and partial quotes in order found, then its direct quotes. */
  found: Found[]
}

// The phases run in this order because each needs the one before: direct quotes and their cues
// first (reported speech must not count them twice), then the merge of quotations split by a cue,
// then reported speech, then speaker resolution in reading order (pronouns follow the focus),
// then the quotations no cue names, which borrow a speaker from context.
function attributeParagraph(layout: ParagraphLayout, paragraph: number, registry: SpeakerRegistry, carry: Carry, found: Found[]): void {
  const work: ParagraphWork = {
    layout,
    paragraph,
    directs: layout.spans.map(() => null),
    shapes: layout.spans.map((span) => quoteShape(layout.text, span)),
    cueAt: layout.spans.map(() => -1),
    events: [],
    found: [],
  }
  const reported = findReportedSpeech(
    layout,
    work.shapes.map((shape) => shape === 'direct'),
  )
  findDirectQuotes(work)
  mergeContinuedQuotations(work)
  addReportedSpeech(work, reported)
  // Subjects after cues: at one offset, the cue was found first and resolves first.
  for (const event of subjectEvents(layout, registry)) work.events.push(event)
  const sentenceSpeakers = resolveSpeakers(work.events, registry, paragraph)
  settleDirectQuotes(work, carry, sentenceSpeakers)
  for (const item of work.found) if (item.kind !== 'direct' && item.entity !== null) item.entity.quotes++
  for (const item of work.found) found.push(item)
  passCarry(work, carry, sentenceSpeakers)
}

// Every quotation shaped as speech of its own becomes a direct quote, with the event that will
// give it the speaker its cue names.
function findDirectQuotes(work: ParagraphWork): void {
  const { layout, paragraph, directs, cueAt, events } = work
  layout.spans.forEach((span, q) => {
    if (work.shapes[q] !== 'direct') return
    const item: Found = { paragraph, start: span.start, end: span.end, kind: 'direct', cue: null, cueAt: null, mention: null, entity: null }
    directs[q] = item
    const cue = findQuoteCue(layout, q)
    cueAt[q] = cue?.at ?? -1
    // A title in Title Case ("Tales From the Crypt," "Tough Choices.") is not speech, cue or not.
    const quoted = layout.text.slice(span.start, span.end)
    if ((cue === null && wordCount(quoted) <= MAX_UNCUED_NAME_WORDS) || isQuotedTitle(quoted)) {
      directs[q] = null
      return
    }
    if (cue === null) return
    item.cue = cue.text
    item.cueAt = cue.at
    item.mention = cue.mention?.text ?? null
    events.push({
      at: cue.at,
      cue,
      apply: (entity) => {
        item.entity = entity
      },
    })
  })
}

// "“A,” X said. “B.”": a cue-less quotation right after an attributed one continues it, when
// the narration between them is short. The merged span keeps one passage per speaker, as readers
// and annotators see it. Runs from the end so a chain of halves folds into its first.
function mergeContinuedQuotations(work: ParagraphWork): void {
  const { layout, directs, cueAt } = work
  const { spans, text } = layout
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
    const quotedChars = prevSpan.end - prevSpan.start + (curSpan.end - curSpan.start)
    const sentenceEnds = (between.match(/[.!?](?=\s|$)/gu) ?? []).length
    if (between.length > Math.max(MIN_MERGE_GAP_CHARS, quotedChars) || sentenceEnds > MAX_MERGE_GAP_SENTENCES) continue
    prev.end = cur.end
    directs[q] = null
  }
}

// Reported statements become indirect quotes, and the partial quotes inside them take their
// speaker. Lookups go by sentence and by sorted offsets, so a paragraph with thousands of
// quotations stays near linear.
function addReportedSpeech(work: ParagraphWork, reported: readonly ReportedSpeech[]): void {
  const { layout, paragraph, directs, shapes, events } = work
  const { spans } = layout
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
      cueAt: item.cue.at,
      mention: item.cue.mention?.text ?? null,
      entity: null,
    }
    work.found.push(entry)
    events.push({
      at: item.cue.at,
      cue: item.cue,
      apply: (entity) => {
        entry.entity = entity
      },
    })
    for (let q = firstSpanFrom(spans, item.start); q < spans.length && (spans[q] as QuoteSpan).start < item.end; q++) {
      const span = spans[q] as QuoteSpan
      if (shapes[q] !== 'partial' || span.end > item.end) continue
      const part: Found = {
        paragraph,
        start: span.start,
        end: span.end,
        kind: 'partial',
        cue: item.cue.text,
        cueAt: item.cue.at,
        mention: entry.mention,
        entity: null,
      }
      work.found.push(part)
      events.push({
        at: item.cue.at + PARTIAL_AFTER_REPORT,
        cue: item.cue,
        apply: (entity) => {
          part.entity = entity
        },
      })
      shapes[q] = null
    }
  }
}

// Gives each cue-less direct quote the speaker its context implies, then records every direct
// quote in order: a quotation continuing the previous paragraph's open one, one after a paragraph
// ending in "X said:", one after a sentence about a person, or one right after another speaker's
// quotation. Recording in the same pass matters: a later cue-less quote may continue an earlier one.
function settleDirectQuotes(work: ParagraphWork, carry: Carry, sentenceSpeakers: ReadonlyMap<number, Entity>): void {
  const { layout, paragraph } = work
  work.directs.forEach((item, q) => {
    if (item === null) return
    const span = layout.spans[q] as QuoteSpan
    if (item.cue === null) item.entity = contextSpeaker(work, span, carry, sentenceSpeakers)
    if (item.entity !== null) {
      item.entity.quotes++
      carry.lastDirect = { entity: item.entity, paragraph }
    }
    work.found.push(item)
  })
}

// The speaker of a cue-less quotation from its context, or null.
function contextSpeaker(work: ParagraphWork, span: QuoteSpan, carry: Carry, sentenceSpeakers: ReadonlyMap<number, Entity>): Entity | null {
  const { layout, paragraph } = work
  const atStart = span.open === 0
  if (atStart && carry.openQuote !== null) return carry.openQuote.entity
  if (atStart && carry.colon !== null) return carry.colon
  const isInitial = isSentenceInitial(layout.text, span)
  // "Her friend Jo Roe chimed in. “…”": the person the previous sentence is about speaks.
  const previousSentence = sentenceOfOffset(layout, span.open) - 1
  if (!atStart && isInitial && sentenceSpeakers.has(previousSentence)) return sentenceSpeakers.get(previousSentence) ?? null
  if (isInitial && carry.lastDirect !== null && paragraph - carry.lastDirect.paragraph <= MAX_CONTINUATION_DISTANCE) {
    return carry.lastDirect.entity
  }
  return null
}

// What the next paragraph inherits: a quotation left open, and the speaker of a closing "X said:".
function passCarry(work: ParagraphWork, carry: Carry, sentenceSpeakers: ReadonlyMap<number, Entity>): void {
  const { spans, text } = work.layout
  const lastSpan = spans[spans.length - 1]
  const lastDirect = [...work.directs].reverse().find((d) => d !== null) ?? null
  carry.openQuote = lastSpan !== undefined && lastSpan.close < 0 ? { entity: lastDirect?.entity ?? null } : null
  carry.colon = /:\s*$/u.test(text) ? lastResolved(work.events, sentenceSpeakers) : null
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
// not overlap, so only the last one starting at or before the range's start can.
function isInsideDirect(directs: readonly (Found | null)[], spans: readonly QuoteSpan[], item: { start: number; end: number }): boolean {
  let q = firstSpanFrom(spans, item.start + QUOTE_MARK_SLACK_CHARS + 1) - 1
  while (q >= 0 && directs[q] === null) q--
  const d = directs[q]
  return d != null && d.start <= item.start + QUOTE_MARK_SLACK_CHARS && d.end >= item.end - QUOTE_MARK_SLACK_CHARS
}

function sentenceOfOffset(layout: ParagraphLayout, offset: number): number {
  const k = layout.sentences.findIndex((x) => x.start <= offset && offset < x.end)
  return Math.max(k, 0)
}
