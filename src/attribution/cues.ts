import { readMentionAfter, readMentionBefore, type Mention } from './mentions.js'
import type { ParagraphLayout } from './paragraphLayout.js'
import { SPEECH_PARTICIPLES, SPEECH_VERBS } from './speechVerbs.js'
import type { TaggedToken } from './tagger.js'

/**
 * How a cue's speaker is found: from its own `mention`; from the subject of the clause it hangs
 * on (`, adding that …`); or not at all (`none`), left to the article-level rules.
 */
export type SpeakerLink = 'mention' | 'clause' | 'none'

/** A cue found in a paragraph: the verb or phrase, the mention naming the speaker, and how to link them. */
export type Cue = {
  text: string
  /** Offset of the cue in the paragraph, for ordering. */
  at: number
  mention: Mention | null
  /** A role given beside the mention ("Bob Jones, a state senator, said"). */
  role: string | null
  link: SpeakerLink
  sentence: number
}

// Words allowed between a subject and its cue verb ("he also said", "Smith has repeatedly said").
const SKIPPABLE: ReadonlySet<string> = new Set(['also', 'later', 'then', 'again', 'has', 'had', 'have', 'was', 'is', 'would', 'will', 'did', 'does', 'do', 'not', 'never', 'repeatedly', 'previously', 'reportedly', 'publicly', 'privately', 'recently', 'once', 'first', 'further', 'earlier', 'separately', 'flatly', 'simply', 'just', 'often', 'frequently', 'still', 'even', 'only', 'had', 'could', 'might', 'may', 'should', 'must', 'can', 'already', 'long', 'quickly', 'immediately', 'subsequently', 'finally', 'initially', 'always', 'bluntly', 'openly', 'angrily', 'sharply', 'loudly', 'confidently', 'proudly'])

const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'at', 'from', 'to', 'with', 'by', 'for', 'about', 'against', 'on', 'near', 'outside', 'inside', 'like', 'than', 'and', 'or'])

/** Index of the first token that starts at or after `offset`, or `tokens.length`. */
export function indexAtOffset(layout: ParagraphLayout, offset: number): number {
  const i = layout.tokens.findIndex((t) => t.start >= offset)
  return i < 0 ? layout.tokens.length : i
}

/** Is the token a cue verb used as a verb (or a plural noun the tagger confused: "says")? */
export function isCueVerb(token: TaggedToken | undefined): boolean {
  if (token === undefined || !SPEECH_VERBS.has(token.lower)) return false
  return token.pos === 'VERB' || token.pos === 'AUX' || (token.pos === 'NOUN' && /s$/u.test(token.lower))
}

/** Is the token a participle cue hanging on a clause (", adding that …")? */
export function isParticipleCue(layout: ParagraphLayout, k: number): boolean {
  const t = layout.tokens[k]
  const prev = layout.tokens[k - 1]
  if (t === undefined || prev === undefined || !SPEECH_PARTICIPLES.has(t.lower)) return false
  if (prev.text === ',' || prev.lower === 'and' || prev.lower === 'by') return true
  // "responded to the question on Facebook writing, …": after a finite verb, an -ing cue is an adjunct.
  return (prev.pos === 'NOUN' || prev.pos === 'PROPN') && hasVerbBefore(layout, k - 1)
}

// "went on to say, “…”": before a quotation, an infinitive cue takes the clause's subject. (Not for
// reported speech: "declined to say whether …" reports nothing.)
function isInfinitiveCue(layout: ParagraphLayout, k: number): boolean {
  const t = layout.tokens[k]
  return t !== undefined && layout.tokens[k - 1]?.lower === 'to' && SPEECH_VERBS.has(t.lower) && !SPEECH_PARTICIPLES.has(t.lower) && hasVerbBefore(layout, k - 1)
}

// Is there a verb outside quotes in the same sentence before token `k`?
function hasVerbBefore(layout: ParagraphLayout, k: number): boolean {
  const first = layout.sentences[layout.sentenceOf[k] ?? 0]?.first ?? 0
  for (let a = k - 1; a >= first; a--) if (layout.quoteOf[a] === -1 && layout.tokens[a]?.pos === 'VERB') return true
  return false
}

// Words that open an introductory phrase before a sentence's subject ("In a statement, …").
const INTRO_OPENERS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'when', 'while', 'as', 'since', 'for', 'with', 'by', 'from', 'speaking', 'asked', 'last', 'this', 'under', 'despite', 'although', 'though', 'if', 'once', 'because', 'unlike', 'like', 'among', 'according'])
// Connectives that may open a sentence before its subject, with or without a comma.
const CONNECTIVES: ReadonlySet<string> = new Set(['but', 'and', 'yet', 'so', 'still', 'then', 'however', 'meanwhile', 'instead', 'later', 'earlier', 'now', 'also', 'separately', 'indeed', 'moreover', 'thus'])

/**
 * A cue whose speaker is the subject of its clause (", adding that …", "and joked, …"). `mention`
 * is the sentence's opening subject when there is one: a name, pronoun or nominal followed by
 * its verb, after an optional introductory phrase ("In a statement, Jones …").
 */
export function clauseCue(layout: ParagraphLayout, k: number): Cue {
  const t = layout.tokens[k] as TaggedToken
  const s = layout.sentenceOf[k] ?? 0
  return { text: t.text, at: t.start, mention: absoluteSubject(layout, s, k) ?? sentenceSubject(layout, s, k), role: null, link: 'clause', sentence: s }
}

// "…, with Jane Roe tweeting that … and asking, …": an absolute clause has its own subject.
function absoluteSubject(layout: ParagraphLayout, s: number, k: number): Mention | null {
  const tokens = layout.tokens
  const first = layout.sentences[s]?.first ?? 0
  for (let w = k - 1; w >= first; w--) {
    if (tokens[w]?.lower !== 'with' || layout.quoteOf[w] !== -1) continue
    const mention = readMentionAfter(tokens, w + 1, k)
    const verb = mention === null ? undefined : tokens[indexAtOffset(layout, mention.end)]
    if (mention !== null && mention.kind === 'name' && verb !== undefined && verb.pos === 'VERB' && /ing$/u.test(verb.lower)) return mention
    return null
  }
  return null
}

/**
 * The subject of sentence `s`: the noun phrase that opens it (after quotations and an
 * introductory phrase ending in a comma) when a verb follows it, read no further than token
 * `limit`. Null when the sentence opens otherwise.
 */
export function sentenceSubject(layout: ParagraphLayout, s: number, limit: number): Mention | null {
  const tokens = layout.tokens
  const sentence = layout.sentences[s]
  if (sentence === undefined) return null
  let i = sentence.first
  while (i < limit && layout.quoteOf[i] !== -1) i++
  if (i < limit && tokens[i]?.text === ',') i++
  while (i < limit && CONNECTIVES.has(tokens[i]?.lower ?? '')) i += tokens[i + 1]?.text === ',' ? 2 : 1
  if (INTRO_OPENERS.has(tokens[i]?.lower ?? '')) {
    let c = i
    while (c < limit && tokens[c]?.text !== ',' && layout.quoteOf[c] === -1) c++
    if (tokens[c]?.text !== ',' || c - i > 12) return null
    i = c + 1
  }
  const mention = readMentionAfter(tokens, i, limit)
  if (mention === null || mention.isPlural) return null
  let next = indexAtOffset(layout, mention.end)
  // "Jane Roe, a spokeswoman, said", "Jane Roe (D-Md.) said": step over an appositive.
  const close = tokens[next]?.text === ',' ? ',' : tokens[next]?.text === '(' ? ')' : null
  if (close !== null && mention.kind === 'name') {
    let c = next + 1
    while (c < limit && c - next < 25 && tokens[c]?.text !== close && layout.quoteOf[c] === -1) c++
    if (tokens[c]?.text !== close) return null
    next = c + 1
  }
  // "… last month joked": a few adverbs or a short time phrase before the verb.
  const stop = next + 4
  while (next < limit && next < stop && (SKIPPABLE.has(tokens[next]?.lower ?? '') || /^(ADV|DET|NUM|ADJ|NOUN)$/u.test(tokens[next]?.pos ?? ''))) next++
  const verb = tokens[next]
  if (verb === undefined || (verb.pos !== 'VERB' && verb.pos !== 'AUX')) return null
  return mention
}

/**
 * Is the cue verb at `k` the second verb of a coordination ("was booed and joked, …", "but
 * added that …")? Its subject is the clause's, as for a participle.
 */
export function isCoordinatedCue(layout: ParagraphLayout, k: number): boolean {
  let j = k - 1
  while (j >= 0 && (SKIPPABLE.has(layout.tokens[j]?.lower ?? '') || layout.tokens[j]?.pos === 'ADV')) j--
  const prev = layout.tokens[j]
  return prev !== undefined && layout.quoteOf[j] === -1 && (prev.lower === 'and' || prev.lower === 'but')
}

/**
 * The subject of the cue verb at `k`, reading left no further than `min`: skips adverbs and
 * auxiliaries, and steps over an appositive ("Jones, a state senator, said").
 */
export function subjectBefore(layout: ParagraphLayout, k: number, min: number): { mention: Mention | null; role: string | null } {
  const tokens = layout.tokens
  let j = k
  while (j - 1 >= min) {
    const t = tokens[j - 1] as TaggedToken
    if (layout.quoteOf[j - 1] !== -1) break
    if (SKIPPABLE.has(t.lower) || (t.pos === 'ADV' && !/^\p{Lu}/u.test(t.text)) || t.pos === 'AUX' || t.lower === "n't" || t.lower === 'n’t') j--
    else break
  }
  // "Sen. Jo Roe (R-Fla.) said": a short parenthesis after the name.
  if (tokens[j - 1]?.text === ')') {
    let o = j - 2
    while (o >= min && o >= j - 10 && tokens[o]?.text !== '(') o--
    if (tokens[o]?.text === '(' && readMentionBefore(tokens, o, min)?.kind === 'name') j = o
  }
  const direct = readMentionBefore(tokens, j, min)
  if (direct !== null) return nameBeforeRole(layout, direct, min) ?? { mention: direct, role: null }
  if (tokens[j - 1]?.text !== ',') return { mention: null, role: null }
  // An appositive chain ("Jane Roe, 29, of Huntsville, Ala., said"; "In a statement, Bob Roe, a
  // spokesman for the campaign, said"): walk back over commas to the leftmost name that opens a
  // segment, skipping names after a preposition ("of Huntsville") and role nominals.
  const innerEnd = (tokens[j - 2] as TaggedToken | undefined)?.end ?? 0
  let best: { mention: Mention; comma: number } | null = null
  for (let c = j - 1; c >= Math.max(min, j - 30); c--) {
    const t = tokens[c] as TaggedToken
    if (layout.quoteOf[c] !== -1 || t.text === ';' || (t.text === '.' && isClauseEnd(tokens, c))) break
    if (t.text !== ',') continue
    const mention = readMentionBefore(tokens, c, min)
    if (mention === null || mention.kind !== 'name') continue
    const at = indexAtOffset(layout, mention.start)
    // "to the Observer": a determiner or adjective may stand between a preposition and the name.
    let b = at - 1
    while (b >= min && (tokens[b]?.pos === 'DET' || tokens[b]?.pos === 'ADJ')) b--
    const before = tokens[b]
    const opensSentence = before === undefined || b < min
    if (!opensSentence && PREPOSITIONS.has((before as TaggedToken).lower)) continue
    best = { mention, comma: c }
    if (opensSentence || ((before as TaggedToken).text !== ',' && b === at - 1)) break
  }
  if (best !== null) {
    const inner = best.comma === j - 1 ? '' : layout.text.slice((tokens[best.comma + 1] as TaggedToken).start, innerEnd)
    if (/^(who|which|that)\b/iu.test(inner)) return { mention: best.mention, role: null }
    const isRoleLike = /^(a|an|the)\s/iu.test(inner) || /^\p{Lu}/u.test(inner)
    return { mention: best.mention, role: isRoleLike && !/^\d/u.test(inner) && inner.length <= 80 ? inner : null }
  }
  return { mention: null, role: null }
}

/**
 * "Ann Anton, president and CEO of the Restaurant Association, stated": when the words before a
 * cue are a role (an organisation, a nominal) set off by a comma from a person's name that opens
 * the sentence, the person speaks and the role is theirs.
 */
function nameBeforeRole(layout: ParagraphLayout, role: Mention, min: number): { mention: Mention; role: string } | null {
  if (!(role.kind === 'nominal' || role.isOrganization)) return null
  const tokens = layout.tokens
  let c = indexAtOffset(layout, role.start) - 1
  while (c >= min && c >= indexAtOffset(layout, role.start) - 8 && tokens[c]?.text !== ',' && /^(NOUN|ADJ|CCONJ|DET|ADP|PROPN)$/u.test(tokens[c]?.pos ?? '')) c--
  if (c < min || tokens[c]?.text !== ',') return null
  const name = readMentionBefore(tokens, c, min)
  if (name === null || name.kind !== 'name' || name.isOrganization) return null
  if (indexAtOffset(layout, name.start) !== min) return null
  return { mention: name, role: layout.text.slice((tokens[c + 1] as TaggedToken).start, role.end) }
}

/**
 * The cue that attributes quoted span `q`: after it (`“…,” X said` / `“…,” said X`) or before
 * it in the same sentence (`X said: “…”`, `X told CBS, “…”`, `…, adding: “…”`). Null when none.
 */
export function findQuoteCue(layout: ParagraphLayout, q: number): Cue | null {
  return findCueAfter(layout, q) ?? findCueBefore(layout, q)
}

function spanTokens(layout: ParagraphLayout, q: number): [number, number] {
  const first = layout.quoteOf.indexOf(q)
  const last = layout.quoteOf.lastIndexOf(q)
  return [first, last]
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
      if (named !== null) return { text: t.text, at: t.start, mention: named, role: mention.text, link: 'mention', sentence: layout.sentenceOf[k] ?? 0 }
      return { text: t.text, at: t.start, mention, role: appositiveAfter(layout, mention.end), link: 'mention', sentence: layout.sentenceOf[k] ?? 0 }
    }
    const { mention, role } = subjectBefore(layout, k, i)
    if (mention === null) return null
    return { text: t.text, at: t.start, mention, role, link: 'mention', sentence: layout.sentenceOf[k] ?? 0 }
  }
  return null
}

/** Does token `k` end a clause? A full stop does unless it closes an abbreviation ("R-Ky., said"). */
export function isClauseEnd(tokens: readonly TaggedToken[], k: number): boolean {
  const t = tokens[k] as TaggedToken
  if (/^[!?;]$/u.test(t.text)) return true
  if (t.text !== '.') return false
  const next = tokens[k + 1]
  return next === undefined || (next.text !== ',' && next.text !== ')' && !/^\p{Ll}/u.test(next.text))
}

/**
 * The name set beside a role nominal ("said Clinton’s communications director, Jane Roe"): a
 * person named after a comma, ending the clause. Null when the nominal stands alone.
 */
export function nameInApposition(layout: ParagraphLayout, mention: Mention, max: number): Mention | null {
  if (mention.kind !== 'nominal') return null
  const comma = indexAtOffset(layout, mention.end)
  if (layout.tokens[comma]?.text !== ',') return null
  const name = readMentionAfter(layout.tokens, comma + 1, max)
  if (name === null || name.kind !== 'name' || name.isOrganization) return null
  const next = layout.tokens[indexAtOffset(layout, name.end)]
  return next === undefined || next.text === ',' || isClauseEnd(layout.tokens, indexAtOffset(layout, name.end)) ? name : null
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
  for (let k = first - 1; k >= min; k--) if (layout.quoteOf[k] !== -1) { min = k + 1; break }
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
  if (/:\s*$/u.test(layout.text.slice(0, layout.spans[q]?.open ?? 0)) && min === sentence?.first) {
    const mention = readMentionAfter(tokens, min, first)
    const next = mention === null ? undefined : tokens[indexAtOffset(layout, mention.end)]
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
    if (mention !== null && mention.kind !== 'pronoun') return { text: opener.text, at: opener.start, mention, role: appositiveAfter(layout, mention.end), link: 'mention', sentence }
  }
  for (let k = min; k < first; k++) {
    const t = tokens[k] as TaggedToken
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const mention = readMentionAfter(tokens, k + 2, first)
      if (mention !== null) return { text: 'according to', at: t.start, mention, role: appositiveAfter(layout, mention.end), link: 'mention', sentence }
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
  const before = layout.text.slice(0, span.open)
  const m = /(?:^|[.!?"”]\s+|\s[-–—―]\s+)((?:[^.!?:;"“”\-–—―]|(?<=\b\p{Lu})\.){2,80}):\s*$/u.exec(before)
  if (m === null || m.index === undefined) return null
  const labelStart = before.length - m[0].length + m[0].indexOf(m[1] as string)
  const first = indexAtOffset(layout, labelStart)
  const colon = indexAtOffset(layout, before.lastIndexOf(':'))
  let end = colon
  for (let c = first; c < colon; c++) if (layout.tokens[c]?.text === ',') { end = c; break }
  if (end - first > 6 || (end < colon && colon - end > 8)) return null
  if (layout.tokens.slice(first, colon).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null
  const mention = readMentionAfter(layout.tokens, first, end)
  const after = indexAtOffset(layout, mention?.end ?? 0)
  if (mention === null || mention.kind !== 'name' || (after !== end && layout.tokens[after]?.lower !== 'and')) return null
  return { text: ':', at: mention.start, mention, role: null, link: 'mention', sentence: layout.sentenceOf[first] ?? 0 }
}
