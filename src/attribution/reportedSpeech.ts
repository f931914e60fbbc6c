import type { Cue } from './cue.js'
import { appositiveAfter } from './cues.js'
import { type Mention, readMentionAfter, readMentionBefore } from './mentions.js'
import { isClauseEnd, type ParagraphLayout, type SentenceRange, tokenAt } from './paragraphLayout.js'
import { ROLE_NOUNS } from './roles.js'
import { CLAUSE_VERBS, HEARER_VERBS, isCueVerb, OBJECT_VERBS, SPEECH_VERBS } from './speechVerbs.js'
import { clauseCue, isCoordinatedCue, isParticipleCue, subjectBefore } from './subjects.js'
import type { TaggedToken } from './taggedToken.js'

/** Reported speech found in a paragraph: the content range and the cue that introduces it. */
export type ReportedSpeech = { start: number; end: number; cue: Cue }

type Range = { start: number; end: number }

// A comma followed by one of these ends the reported clause: what follows is the writer's.
const CONTENT_BREAKS: ReadonlySet<string> = new Set(['despite', 'amid', 'although', 'though', 'whereas', 'according'])
const CLAUSE_STARTERS = /^(DET|PRON|PROPN|NOUN|ADJ|NUM|ADV)$/u

/**
 * Finds reported speech in a paragraph: `X said (that) …`, `X told Y (that) …`, `…, X said.`,
 * `…, said X.`, `A, X said, B` (the longer part), `according to X, …` / `…, according to X`, and
 * participial `, adding that …`. Content runs to the end of the sentence, stopping before a
 * trailing participle clause (", prompting …") and before a quotation that opens a new direct
 * quote.
 */
export function findReportedSpeech(layout: ParagraphLayout, isDirectSpan: readonly boolean[]): ReportedSpeech[] {
  const found: ReportedSpeech[] = []
  const tokens = layout.tokens
  for (let k = 0; k < tokens.length; k++) {
    if (layout.quoteOf[k] !== -1) continue
    const t = tokens[k] as TaggedToken
    const sentence = layout.sentences[layout.sentenceOf[k] ?? 0]
    if (sentence === undefined) continue
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const item = readAccordingTo(layout, isDirectSpan, k, sentence.first, sentence.endToken)
      if (item !== null) found.push(item)
      continue
    }
    if (!(CLAUSE_VERBS.has(t.lower) || OBJECT_VERBS.has(t.lower)) || !isCueVerb(t)) continue
    const item = readCue(layout, isDirectSpan, k, sentence)
    if (item !== null) found.push(item)
  }
  return found
}

function readCue(layout: ParagraphLayout, isDirectSpan: readonly boolean[], k: number, sentence: SentenceRange): ReportedSpeech | null {
  const tokens = layout.tokens
  const t = tokens[k] as TaggedToken
  const sentenceIndex = layout.sentenceOf[k] ?? 0
  if (t.lower === 'asked' && (k === sentence.first || tokens[k - 1]?.lower === 'when'))
    return readAskedClause(layout, isDirectSpan, k, sentence)
  if (isParticipleCue(layout, k)) return readForward(layout, isDirectSpan, k, sentence, clauseCue(layout, k))
  const { mention, role } = subjectBefore(layout, k, sentence.first)
  if (mention !== null) {
    const cue: Cue = { text: t.text, at: t.start, mention, role, link: 'mention', sentence: sentenceIndex }
    const before = tokenAt(layout, mention.start) - 1
    // "…, X said." or "A, X said, B": the content is around the cue.
    const tail = adjunctsEnd(layout, k + 1, sentence.endToken)
    if (tokens[before]?.text === ',' && (tail === null || tokens[tail]?.text === ','))
      return readAround(layout, isDirectSpan, sentence, before, k + 1, cue)
    // "“…,” Trump said Sunday on …": the cue of a quotation reports nothing more without "that".
    return readForward(
      layout,
      isDirectSpan,
      k,
      sentence,
      cue,
      before >= 0 && layout.quoteOf[before] !== -1 && tokens[before - 1]?.text === ',',
    )
  }
  // "…, said X." — a cue inverted after its content.
  if (tokens[k - 1]?.text === ',') {
    const after = readMentionAfter(tokens, k + 1, sentence.endToken)
    if (after !== null && after.kind !== 'pronoun') {
      const cue: Cue = {
        text: t.text,
        at: t.start,
        mention: after,
        role: appositiveAfter(layout, after.end),
        link: 'mention',
        sentence: sentenceIndex,
      }
      return readAround(layout, isDirectSpan, sentence, k - 1, tokenAt(layout, after.end), cue)
    }
  }
  if (isCoordinatedCue(layout, k)) return readForward(layout, isDirectSpan, k, sentence, clauseCue(layout, k))
  // "Jane Roe, who said …", "experts who say …": a relative clause speaks for its antecedent.
  const antecedent = relativeAntecedent(layout, k, sentence.first)
  if (antecedent !== null) {
    // Only a clause counts: "Clinton, who called Sanders …" is a phone call, not a report.
    return readForward(
      layout,
      isDirectSpan,
      k,
      sentence,
      { text: t.text, at: t.start, mention: antecedent, role: null, link: 'mention', sentence: sentenceIndex },
      OBJECT_VERBS.has(t.lower),
    )
  }
  return null
}

function relativeAntecedent(layout: ParagraphLayout, k: number, min: number): Mention | null {
  let j = k - 1
  while (j > min && (layout.tokens[j]?.pos === 'ADV' || layout.tokens[j]?.pos === 'AUX')) j--
  if (layout.tokens[j]?.lower !== 'who') return null
  let end = j
  if (layout.tokens[end - 1]?.text === ',') end--
  return readMentionBefore(layout.tokens, end, min)
}

// The content after the cue: past a hearer ("told reporters") and a few adjuncts up to "that".
function readForward(
  layout: ParagraphLayout,
  isDirectSpan: readonly boolean[],
  k: number,
  sentence: SentenceRange,
  cue: Cue,
  needsThat = false,
): ReportedSpeech | null {
  const tokens = layout.tokens
  const t = tokens[k] as TaggedToken
  const particles = OBJECT_VERBS.get(t.lower)
  if (particles !== undefined) return readObject(layout, isDirectSpan, k, sentence, cue, particles)
  let j = k + 1
  if (HEARER_VERBS.has(t.lower)) {
    const hearer = readMentionAfter(tokens, j, sentence.endToken)
    if (hearer !== null) j = tokenAt(layout, hearer.end)
  }
  let hasThat = false
  // "said on Thursday that …", "told reporters Monday that …": look a few words ahead for "that".
  for (let a = j; a < Math.min(sentence.endToken, j + 7); a++) {
    const w = tokens[a] as TaggedToken
    if (layout.quoteOf[a] !== -1 || w.pos === 'VERB' || (w.text === ',' && a > j)) break
    if (w.lower === 'that') {
      j = a + 1
      hasThat = true
      break
    }
  }
  const start = tokens[j]
  if (start === undefined || j >= sentence.endToken) return null
  if (layout.quoteOf[j] !== -1 && isWholeQuoteStart(layout, j)) return null
  // After "that" any clause may follow ("said that although …"); without it, only a subject.
  if (!hasThat && (needsThat || (!CLAUSE_STARTERS.test(start.pos) && layout.quoteOf[j] === -1))) return null
  if (start.lower === 'to' || start.lower === 'for' || start.lower === 'about' || start.text === ',') return null
  const range = contentRange(layout, isDirectSpan, j, sentence.endToken)
  return range === null ? null : { ...range, cue }
}

// Forms of "be" and words that make an object cue passive or subjectless ("was asked", "when asked").
const PASSIVE_MARKERS: ReadonlySet<string> = new Set([
  'be',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  "'s",
  '’s',
  'when',
  'if',
  'after',
  'before',
  'once',
])

// The object phrase of an object cue, past its particle: "called [for] …", "urged …". Only an
// active verb with a person as subject counts: "a group called X", "was asked about" and "phone
// calls" are not reports.
function readObject(
  layout: ParagraphLayout,
  isDirectSpan: readonly boolean[],
  k: number,
  sentence: SentenceRange,
  cue: Cue,
  particles: readonly string[],
): ReportedSpeech | null {
  const tokens = layout.tokens
  if (tokens[k]?.pos !== 'VERB' || PASSIVE_MARKERS.has(tokens[k - 1]?.lower ?? '')) return null
  if (cue.mention !== null && cue.mention.kind === 'nominal' && !ROLE_NOUNS.has(cue.mention.head)) return null
  let j = k + 1
  if (particles.includes(tokens[j]?.lower ?? '')) j++
  else if (tokens[j]?.pos === 'ADP') return null
  const start = tokens[j]
  if (start === undefined || j >= sentence.endToken || start.text === ',' || (start.pos === 'PUNCT' && layout.quoteOf[j] === -1))
    return null
  if (layout.quoteOf[j] !== -1 && isWholeQuoteStart(layout, j)) return null
  const range = contentRange(layout, isDirectSpan, j, sentence.endToken, false)
  return range === null ? null : { ...range, cue }
}

// Words that open the question of an "Asked …" clause.
const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'whether',
  'if',
  'about',
  'what',
  'why',
  'how',
  'who',
  'whom',
  'which',
  'when',
  'where',
  'to',
])

/**
 * "Asked (by Jo Roe) at a briefing whether …, X said": the question is reported speech of the
 * asker (named after "by", else unknown), running to the comma that ends the clause.
 */
function readAskedClause(
  layout: ParagraphLayout,
  isDirectSpan: readonly boolean[],
  k: number,
  sentence: SentenceRange,
): ReportedSpeech | null {
  const tokens = layout.tokens
  let j = k + 1
  let mention: Mention | null = null
  if (tokens[j]?.lower === 'by') {
    mention = readMentionAfter(tokens, j + 1, sentence.endToken)
    if (mention !== null) j = tokenAt(layout, mention.end)
  }
  const stop = j + 8
  while (j < sentence.endToken && j < stop && !QUESTION_OPENERS.has(tokens[j]?.lower ?? '') && tokens[j]?.text !== ',') j++
  if (!QUESTION_OPENERS.has(tokens[j]?.lower ?? '')) return null
  const from = tokens[j]?.lower === 'about' || tokens[j]?.lower === 'to' ? j + 1 : j
  let end = from
  while (end < sentence.endToken && tokens[end]?.text !== ',' && layout.quoteOf[end] === -1) end++
  if (tokens[end]?.text !== ',') return null
  const range = contentRange(layout, isDirectSpan, from, end, false)
  const t = tokens[k] as TaggedToken
  const cue: Cue = { text: t.text, at: t.start, mention, role: null, link: 'mention', sentence: layout.sentenceOf[k] ?? 0, isAside: true }
  return range === null ? null : { ...range, cue }
}

/**
 * A cue set off by commas inside or after its content: `…, X said.` gives what came before;
 * `A, X said, B` gives the longer of A and B, the one that carries the statement (a reported
 * speech is one span, and A is often just "But" or "In any case").
 */
function readAround(
  layout: ParagraphLayout,
  isDirectSpan: readonly boolean[],
  sentence: SentenceRange,
  comma: number,
  afterCue: number,
  cue: Cue,
): ReportedSpeech | null {
  const tokens = layout.tokens
  const from = sentence.first
  const before = layout.quoteOf[from] === -1 ? contentRange(layout, isDirectSpan, from, comma) : null
  const tail = adjunctsEnd(layout, afterCue, sentence.endToken)
  if (tail === null) return before === null ? null : { ...before, cue }
  if (tokens[tail]?.text !== ',') return null
  // "In a statement, X said, “…”": the direct quotation is the statement.
  if (layout.quoteOf[tail + 1] !== -1) return null
  const after = contentRange(layout, isDirectSpan, tail + 1, sentence.endToken)
  const best = longer(before, after)
  return best === null ? null : { ...best, cue }
}

function longer(a: Range | null, b: Range | null): Range | null {
  if (a === null || b === null) return a ?? b
  return b.end - b.start > a.end - a.start ? b : a
}

// Skips adjuncts after a cue ("on Tuesday", "in a statement"): null when they run to the
// sentence's end, else the index of the token that stops them (a comma, "that", a verb, …).
function adjunctsEnd(layout: ParagraphLayout, from: number, end: number): number | null {
  for (let a = from; a < end; a++) {
    const t = layout.tokens[a] as TaggedToken
    if (/^[!?]$/u.test(t.text) || (t.text === '.' && isClauseEnd(layout.tokens, a))) return null
    if (t.text === ',' || t.lower === 'that' || t.pos === 'VERB' || t.pos === 'AUX' || layout.quoteOf[a] !== -1 || a - from > 8) return a
  }
  return null
}

// "…, Sanders insisted that …": a clause with its own subject and cue verb starts another report.
function opensReport(tokens: readonly TaggedToken[], from: number, to: number): boolean {
  for (let a = from; a < Math.min(to, from + 6); a++) {
    const t = tokens[a] as TaggedToken
    if (SPEECH_VERBS.has(t.lower) && t.pos === 'VERB') return a > from
    if (!/^(PROPN|PRON|DET|NOUN|ADJ)$/u.test(t.pos) || t.lower === 'that' || t.lower === 'who' || t.lower === 'which') return false
  }
  return false
}

function isWholeQuoteStart(layout: ParagraphLayout, j: number): boolean {
  const span = layout.spans[layout.quoteOf[j] ?? -1]
  return span !== undefined && /^\p{Lu}/u.test(layout.text.slice(span.start, span.start + 1))
}

function readAccordingTo(
  layout: ParagraphLayout,
  isDirectSpan: readonly boolean[],
  k: number,
  first: number,
  end: number,
): ReportedSpeech | null {
  const tokens = layout.tokens
  const mention: Mention | null = readMentionAfter(tokens, k + 2, end)
  // "according to people familiar with …", "according to polls": a source that names no one.
  if (mention === null && !/^(DET|NOUN|ADJ|PRON|NUM)$/u.test(tokens[k + 2]?.pos ?? '')) return null
  const cue: Cue = {
    text: 'according to',
    at: (tokens[k] as TaggedToken).start,
    mention,
    role: mention === null ? null : appositiveAfter(layout, mention.end),
    link: 'mention',
    sentence: layout.sentenceOf[k] ?? 0,
  }
  // The source phrase runs to the next comma or the sentence's end.
  let c = mention === null ? k + 2 : tokenAt(layout, mention.end)
  while (c < end && (tokens[c] as TaggedToken).text !== ',' && !isClauseEnd(tokens, c)) c++
  const after = tokens[c]?.text === ',' && layout.quoteOf[c + 1] === -1 ? contentRange(layout, isDirectSpan, c + 1, end) : null
  const before =
    k > first && tokens[k - 1]?.text === ',' && layout.quoteOf[first] === -1 ? contentRange(layout, isDirectSpan, first, k - 1) : null
  // "According to X, A", "A, according to X", and "A, according to X, B" (the longer part).
  const range = k === first ? after : longer(before, after)
  return range === null ? null : { ...range, cue }
}

// The content from token `from` to `to` (exclusive), cut at a trailing participle clause, a
// content break ("…, despite …") or a cue participle (", adding that"), and trimmed of
// punctuation. Null when nothing of substance is left.
function contentRange(layout: ParagraphLayout, isDirectSpan: readonly boolean[], from: number, to: number, needsVerb = true): Range | null {
  const tokens = layout.tokens
  let end = to
  for (let a = from + 1; a < to; a++) {
    const t = tokens[a] as TaggedToken
    const q = layout.quoteOf[a] ?? -1
    // A quotation that stands as its own direct quote is not part of the reported clause.
    if (q !== -1 && layout.quoteOf[a - 1] !== q && isDirectSpan[q] === true) {
      end = a
      break
    }
    if (q !== -1) continue
    const next = tokens[a + 1]
    if (t.text === ';' || t.text === ':') {
      end = a
      break
    }
    if (
      t.text === ',' &&
      next !== undefined &&
      layout.quoteOf[a + 1] === -1 &&
      ((next.pos === 'VERB' && /ing$/u.test(next.lower)) || CONTENT_BREAKS.has(next.lower) || opensReport(tokens, a + 1, to))
    ) {
      end = a
      break
    }
  }
  while (end > from && /^[.!?,;:\u2014\u2013-]$/u.test((tokens[end - 1] as TaggedToken).text) && layout.quoteOf[end - 1] === -1) end--
  if (end - from < 2) return null
  // A statement is a clause: words with no verb ("last month", "In a statement") are adjuncts.
  if (needsVerb && !tokens.slice(from, end).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null
  const first = tokens[from] as TaggedToken
  const last = tokens[end - 1] as TaggedToken
  return { start: first.start, end: last.end }
}
