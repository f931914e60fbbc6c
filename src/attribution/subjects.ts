/**
 * Who a cue's subject is: the noun phrase before a cue verb (over adverbs, appositives and
 * parentheses), the opening subject of a sentence, and the clause subject that participle,
 * infinitive and coordinated cues take (", adding that …", "went on to say", "and joked").
 */
import type { Cue } from './cue.js'
import { type Mention, readMentionAfter, readMentionBefore } from './mentions.js'
import { isClauseEnd, type ParagraphLayout, tokenAt } from './paragraphLayout.js'
import { SPEECH_PARTICIPLES, SPEECH_VERBS } from './speechVerbs.js'
import type { TaggedToken } from './taggedToken.js'

// Words allowed between a subject and its cue verb ("he also said", "Smith has repeatedly said").
const SKIPPABLE: ReadonlySet<string> = new Set([
  'also',
  'later',
  'then',
  'again',
  'has',
  'had',
  'have',
  'was',
  'is',
  'would',
  'will',
  'did',
  'does',
  'do',
  'not',
  'never',
  'repeatedly',
  'previously',
  'reportedly',
  'publicly',
  'privately',
  'recently',
  'once',
  'first',
  'further',
  'earlier',
  'separately',
  'flatly',
  'simply',
  'just',
  'often',
  'frequently',
  'still',
  'even',
  'only',
  'had',
  'could',
  'might',
  'may',
  'should',
  'must',
  'can',
  'already',
  'long',
  'quickly',
  'immediately',
  'subsequently',
  'finally',
  'initially',
  'always',
  'bluntly',
  'openly',
  'angrily',
  'sharply',
  'loudly',
  'confidently',
  'proudly',
])

/** Is the token a participle cue hanging on a clause (", adding that …")? */
export function isParticipleCue(layout: ParagraphLayout, k: number): boolean {
  const t = layout.tokens[k]
  const prev = layout.tokens[k - 1]
  if (t === undefined || prev === undefined || !SPEECH_PARTICIPLES.has(t.lower)) return false
  if (prev.text === ',' || prev.lower === 'and' || prev.lower === 'by') return true
  // "responded to the question on Facebook writing, …": after a finite verb, an -ing cue is an adjunct.
  return (prev.pos === 'NOUN' || prev.pos === 'PROPN') && hasVerbBefore(layout, k - 1)
}

/**
 * Is the cue at `k` an infinitive ("went on to say, “…”")? Before a quotation it takes the
 * clause's subject; not for reported speech ("declined to say whether …" reports nothing).
 */
export function isInfinitiveCue(layout: ParagraphLayout, k: number): boolean {
  const t = layout.tokens[k]
  return (
    t !== undefined &&
    layout.tokens[k - 1]?.lower === 'to' &&
    SPEECH_VERBS.has(t.lower) &&
    !SPEECH_PARTICIPLES.has(t.lower) &&
    hasVerbBefore(layout, k - 1)
  )
}

// Is there a verb outside quotes in the same sentence before token `k`?
function hasVerbBefore(layout: ParagraphLayout, k: number): boolean {
  const first = layout.sentences[layout.sentenceOf[k] ?? 0]?.first ?? 0
  for (let a = k - 1; a >= first; a--) if (layout.quoteOf[a] === -1 && layout.tokens[a]?.pos === 'VERB') return true
  return false
}

// Words after which a new clause, and so a subject, begins ("As John Roe put it", "but Roe said").
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'as',
  'but',
  'and',
  'while',
  'when',
  'so',
  'yet',
  'then',
  'though',
  'although',
  'because',
  'if',
  'since',
  'after',
  'before',
  'whereas',
  'however',
  'meanwhile',
  'where',
])

// Words that open an introductory phrase before a sentence's subject ("In a statement, …").
const INTRO_OPENERS: ReadonlySet<string> = new Set([
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'when',
  'while',
  'as',
  'since',
  'for',
  'with',
  'by',
  'from',
  'speaking',
  'asked',
  'last',
  'this',
  'under',
  'despite',
  'although',
  'though',
  'if',
  'once',
  'because',
  'unlike',
  'like',
  'among',
  'according',
])

// Connectives that may open a sentence before its subject, with or without a comma.
const CONNECTIVES: ReadonlySet<string> = new Set([
  'but',
  'and',
  'yet',
  'so',
  'still',
  'then',
  'however',
  'meanwhile',
  'instead',
  'later',
  'earlier',
  'now',
  'also',
  'separately',
  'indeed',
  'moreover',
  'thus',
])

/**
 * A cue whose speaker is the subject of its clause (", adding that …", "and joked, …"). `mention`
 * is the sentence's opening subject when there is one: a name, pronoun or nominal followed by
 * its verb, after an optional introductory phrase ("In a statement, Jones …").
 */
export function clauseCue(layout: ParagraphLayout, k: number): Cue {
  const t = layout.tokens[k] as TaggedToken
  const s = layout.sentenceOf[k] ?? 0
  return {
    text: t.text,
    at: t.start,
    mention: absoluteSubject(layout, s, k) ?? sentenceSubject(layout, s, k),
    role: null,
    link: 'clause',
    sentence: s,
  }
}

// "…, with Jane Roe tweeting that … and asking, …": an absolute clause has its own subject.
function absoluteSubject(layout: ParagraphLayout, s: number, k: number): Mention | null {
  const tokens = layout.tokens
  const first = layout.sentences[s]?.first ?? 0
  for (let w = k - 1; w >= first; w--) {
    if (tokens[w]?.lower !== 'with' || layout.quoteOf[w] !== -1) continue
    const mention = readMentionAfter(tokens, w + 1, k)
    const verb = mention === null ? undefined : tokens[tokenAt(layout, mention.end)]
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
    // "Speaking in Salem, New Hampshire, Trump went …": the subject follows the last comma of
    // the introductory phrase, the first segment whose name is followed by its verb.
    let c = i
    while (c < limit && tokens[c]?.text !== ',' && layout.quoteOf[c] === -1) c++
    if (tokens[c]?.text !== ',' || c - i > 12) return null
    i = c + 1
    const place = readMentionAfter(tokens, i, limit)
    const comma = place === null ? -1 : tokenAt(layout, place.end)
    const next = tokens[comma]?.text === ',' ? readMentionAfter(tokens, comma + 1, limit) : null
    if (next !== null && next.kind === 'name' && /^(VERB|AUX)$/u.test(tokens[tokenAt(layout, next.end)]?.pos ?? '')) i = comma + 1
  }
  const mention = readMentionAfter(tokens, i, limit)
  if (mention === null || mention.isPlural) return null
  let next = tokenAt(layout, mention.end)
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
  while (
    next < limit &&
    next < stop &&
    (SKIPPABLE.has(tokens[next]?.lower ?? '') || /^(ADV|DET|NUM|ADJ|NOUN)$/u.test(tokens[next]?.pos ?? ''))
  )
    next++
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
    if (
      SKIPPABLE.has(t.lower) ||
      (t.pos === 'ADV' && !/^\p{Lu}/u.test(t.text)) ||
      t.pos === 'AUX' ||
      t.lower === "n't" ||
      t.lower === 'n’t'
    )
      j--
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
    // Only a name opening its segment (after a comma, or the sentence's start, with at most a
    // determiner before it) can be the subject: "an analyst at the Cato Institute" is not.
    const at = tokenAt(layout, mention.start)
    const b = tokens[at - 1]?.pos === 'DET' ? at - 2 : at - 1
    const opensSentence = b < min
    if (!opensSentence && tokens[b]?.text !== ',' && !CLAUSE_OPENERS.has(tokens[b]?.lower ?? '')) continue
    best = { mention, comma: c }
    if (opensSentence) break
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
  let c = tokenAt(layout, role.start) - 1
  while (
    c >= min &&
    c >= tokenAt(layout, role.start) - 8 &&
    tokens[c]?.text !== ',' &&
    /^(NOUN|ADJ|CCONJ|DET|ADP|PROPN)$/u.test(tokens[c]?.pos ?? '')
  )
    c--
  if (c < min || tokens[c]?.text !== ',') return null
  const name = readMentionBefore(tokens, c, min)
  if (name === null || name.kind !== 'name' || name.isOrganization) return null
  if (tokenAt(layout, name.start) !== min) return null
  return { mention: name, role: layout.text.slice((tokens[c + 1] as TaggedToken).start, role.end) }
}
