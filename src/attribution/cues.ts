import type { Cue } from './cue.js'
import { type Mention, readMentionAfter } from './mentions.js'
import { isClauseEnd, type ParagraphLayout, tokenAt } from './paragraphLayout.js'
import { HEARER_VERBS, isCueVerb } from './speechVerbs.js'
import { clauseCue, isCoordinatedCue, isInfinitiveCue, isParticipleCue, subjectBefore } from './subjects.js'
import type { TaggedToken } from './taggedToken.js'

/**
 * The cue that attributes quoted span `q`: after it (`“…,” X said` / `“…,” said X`) or before
 * it in the same sentence (`X said: “…”`, `X told CBS, “…”`, `…, adding: “…”`). Null when none.
 */
export function findQuoteCue(layout: ParagraphLayout, q: number): Cue | null {
  return findCueAfter(layout, q) ?? findCueBefore(layout, q)
}

function spanTokens(layout: ParagraphLayout, q: number): [number, number] {
  return layout.spanTokens[q] ?? [-1, -1]
}

function findCueAfter(layout: ParagraphLayout, q: number): Cue | null {
  const span = layout.spans[q]
  if (span === undefined || span.close < 0) return null
  const tokens = layout.tokens
  const [, last] = spanTokens(layout, q)
  if (last < 0) return null
  let i = last + 1
  if (tokens[i]?.text === ',' || tokens[i]?.text === '—' || tokens[i]?.text === '–') i++
  let bound = i
  while (bound < tokens.length && bound < i + 30 && layout.quoteOf[bound] === -1 && !isClauseEnd(tokens, bound)) bound++
  for (let k = i; k < bound; k++) {
    const t = tokens[k] as TaggedToken
    // "(Additional reporting by …)", "written by": a cue followed by "by" names no speaker.
    if (!isCueVerb(t) || tokens[k + 1]?.lower === 'by') continue
    if (k === i) {
      const mention = readMentionAfter(tokens, k + 1, bound)
      if (mention === null) return null
      const named = nameInApposition(layout, mention, bound)
      if (named !== null)
        return { text: t.text, at: t.start, mention: named, role: mention.text, link: 'mention', sentence: layout.sentenceOf[k] ?? 0 }
      return {
        text: t.text,
        at: t.start,
        mention,
        role: appositiveAfter(layout, mention.end),
        link: 'mention',
        sentence: layout.sentenceOf[k] ?? 0,
      }
    }
    const { mention, role } = subjectBefore(layout, k, i)
    if (mention === null) return null
    // "“It's not true.” He said Clinton would …": after a quotation that ends a sentence, a cue
    // with a clause of its own starts a new statement rather than attributing the quotation.
    const next = tokens[k + 1]
    if (
      /[.]\W*$/u.test(layout.text.slice(span.start, span.after)) &&
      next !== undefined &&
      (next.lower === 'that' || /^(PRON|PROPN|DET|NOUN)$/u.test(next.pos)) &&
      !HEARER_VERBS.has(t.lower)
    )
      return null
    return { text: t.text, at: t.start, mention, role, link: 'mention', sentence: layout.sentenceOf[k] ?? 0 }
  }
  return null
}

/**
 * The name set beside a role nominal ("said Clinton’s communications director, Jane Roe"): a
 * person named after a comma, ending the clause. Null when the nominal stands alone.
 */
export function nameInApposition(layout: ParagraphLayout, mention: Mention, max: number): Mention | null {
  if (mention.kind !== 'nominal') return null
  const comma = tokenAt(layout, mention.end)
  if (layout.tokens[comma]?.text !== ',') return null
  const name = readMentionAfter(layout.tokens, comma + 1, max)
  if (name === null || name.kind !== 'name' || name.isOrganization) return null
  const next = layout.tokens[tokenAt(layout, name.end)]
  return next === undefined || next.text === ',' || isClauseEnd(layout.tokens, tokenAt(layout, name.end)) ? name : null
}

/** The appositive right after a mention (", the party's chairman,"), or null. */
export function appositiveAfter(layout: ParagraphLayout, end: number): string | null {
  const m = /^,\s+((?:a|an|the)\s[^,.;“”"]{3,80}?)(?=[,.;]|\s+who\b|$)/iu.exec(layout.text.slice(end))
  return m?.[1] ?? null
}

function findCueBefore(layout: ParagraphLayout, q: number): Cue | null {
  const tokens = layout.tokens
  const [first] = spanTokens(layout, q)
  if (first <= 0) return null
  const sentence = layout.sentences[layout.sentenceOf[first] ?? 0]
  let min = sentence?.first ?? 0
  for (let k = first - 1; k >= min; k--)
    if (layout.quoteOf[k] !== -1) {
      min = k + 1
      break
    }
  const phrase = findSourcePhrase(layout, min, first) ?? findNameLabel(layout, q) ?? findColonSubject(layout, min, first)
  if (phrase !== null) return phrase
  for (let k = first - 1; k >= min; k--) {
    const t = tokens[k] as TaggedToken
    if (layout.quoteOf[k] !== -1 || !isCueVerb(t)) continue
    if (isParticipleCue(layout, k) || isInfinitiveCue(layout, k)) return clauseCue(layout, k)
    const { mention, role } = subjectBefore(layout, k, min)
    if (mention !== null) return { text: t.text, at: t.start, mention, role, link: 'mention', sentence: layout.sentenceOf[k] ?? 0 }
    if (isCoordinatedCue(layout, k)) return clauseCue(layout, k)
    if (k > 0 && tokens[k - 1]?.lower === 'who') continue
    return null
  }
  // "Clinton has since apologized: “…”": a colon hands the quotation to the sentence's subject.
  const open = layout.spans[q]?.open ?? 0
  if (/:\s*$/u.test(layout.text.slice(Math.max(0, open - 20), open)) && min === sentence?.first) {
    const mention = readMentionAfter(tokens, min, first)
    const next = mention === null ? undefined : tokens[tokenAt(layout, mention.end)]
    if (mention !== null && mention.kind !== 'nominal' && next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX')) {
      return { text: ':', at: mention.start, mention, role: null, link: 'mention', sentence: layout.sentenceOf[min] ?? 0 }
    }
  }
  return null
}

/**
 * "Trump quickly deflected with a non sequitur: “…”": a quotation after a colon belongs to the
 * subject of the nearest verb before the colon, when that verb is not itself a cue (cues are
 * handled by the caller). Null when no named or pronoun subject is found.
 */
function findColonSubject(layout: ParagraphLayout, min: number, first: number): Cue | null {
  const tokens = layout.tokens
  let c = first - 1
  while (c >= min && layout.quoteOf[c] !== -1) c--
  if (tokens[c]?.text !== ':') return null
  for (let v = c - 1; v >= min; v--) {
    const t = tokens[v] as TaggedToken
    if (layout.quoteOf[v] !== -1 || t.pos !== 'VERB') continue
    if (isCueVerb(t) || /ing$/u.test(t.lower)) return null
    const { mention } = subjectBefore(layout, v, min)
    if (mention === null || mention.kind === 'nominal') return null
    return { text: ':', at: mention.start, mention, role: null, link: 'mention', sentence: layout.sentenceOf[v] ?? 0 }
  }
  return null
}

/**
 * A source phrase before a quotation that has no cue verb of its own: "According to X, “…”",
 * "As X put it, “…”", and the inverted "Said X: “…”". Null when there is none.
 */
function findSourcePhrase(layout: ParagraphLayout, min: number, first: number): Cue | null {
  const tokens = layout.tokens
  const sentence = layout.sentenceOf[min] ?? 0
  const opener = tokens[min]
  if (opener !== undefined && /^(Said|Says)$/u.test(opener.text)) {
    const mention = readMentionAfter(tokens, min + 1, first)
    if (mention !== null && mention.kind !== 'pronoun')
      return { text: opener.text, at: opener.start, mention, role: appositiveAfter(layout, mention.end), link: 'mention', sentence }
  }
  for (let k = min; k < first; k++) {
    const t = tokens[k] as TaggedToken
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const mention = readMentionAfter(tokens, k + 2, first)
      if (mention !== null)
        return { text: 'according to', at: t.start, mention, role: appositiveAfter(layout, mention.end), link: 'mention', sentence }
    }
    if ((t.lower === 'put' || t.lower === 'puts') && tokens[k + 1]?.lower === 'it') {
      const { mention, role } = subjectBefore(layout, k, min)
      if (mention !== null) return { text: `${t.text} it`, at: t.start, mention, role, link: 'mention', sentence }
    }
  }
  return null
}

/**
 * A name standing as a label before a colon ("Jane Roe: “…”", "Jane Roe, The Daily Post: “…”",
 * "- Jane Roe: “…”"), as in round-ups and transcripts: the named person speaks. Only a name
 * (with an optional short comma segment) may stand between the label's start and the colon.
 */
function findNameLabel(layout: ParagraphLayout, q: number): Cue | null {
  const span = layout.spans[q]
  if (span === undefined) return null
  // A window longer than any label keeps the look-back short on long paragraphs.
  const from = Math.max(0, span.open - 200)
  const before = layout.text.slice(from, span.open)
  if (!/:\s*$/u.test(before)) return null
  const m = /(?:^|[.!?"”]\s+|\s[-–—―]\s+)((?:[^.!?:;"“”\-–—―]|(?<=\b\p{Lu})\.){2,80}):\s*$/u.exec(before)
  if (m === null || m.index === undefined) return null
  const labelStart = from + before.length - m[0].length + m[0].indexOf(m[1] as string)
  const first = tokenAt(layout, labelStart)
  const colon = tokenAt(layout, from + before.lastIndexOf(':'))
  let end = colon
  for (let c = first; c < colon; c++)
    if (layout.tokens[c]?.text === ',') {
      end = c
      break
    }
  if (end - first > 6 || (end < colon && colon - end > 8)) return null
  if (layout.tokens.slice(first, colon).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null
  const mention = readMentionAfter(layout.tokens, first, end)
  const after = tokenAt(layout, mention?.end ?? 0)
  if (mention === null || mention.kind !== 'name' || (after !== end && layout.tokens[after]?.lower !== 'and')) return null
  return { text: ':', at: mention.start, mention, role: null, link: 'mention', sentence: layout.sentenceOf[first] ?? 0 }
}
