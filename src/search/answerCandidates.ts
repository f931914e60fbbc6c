import model from 'wink-eng-lite-web-model'
import winkNLP, { type ItemEntity, type ItemSentence } from 'wink-nlp'
import { ROLE_NOUNS, TITLE_WORDS } from '../attribution/roles.js'
import { findDates } from '../text/dates.js'
import { termOf } from '../text/tokens.js'
import type { CandidateKind } from './answerTypes.js'
import { NUMBER_WORDS } from './passageProfile.js'

/** A word of a passage as wink-nlp reads it; offsets index into the passage text. */
export type PassageToken = {
  text: string
  start: number
  end: number
  /** Universal POS tag. */
  pos: string
  /** The search term (stem) of the word; null for stop words and punctuation. */
  term: string | null
  /** The search term of the word's lemma ("spoke" → the term of "speak"); null as `term`. */
  lemmaTerm: string | null
  /** Index into {@link PassageReading.sentences}. */
  sentence: number
}

/** A span that could answer a question; `first`/`last` index tokens (inclusive). */
export type Candidate = {
  kind: CandidateKind
  text: string
  start: number
  end: number
  first: number
  last: number
}

/** A passage read for answering: its words, sentences (token ranges) and candidate spans. */
export type PassageReading = {
  tokens: PassageToken[]
  sentences: Array<{ first: number; last: number }>
  candidates: Candidate[]
}

type Nlp = ReturnType<typeof winkNLP>

// Loaded on first use and kept for the process (~70 ms); reading a paragraph takes well under a
// millisecond, so each answer reads only its one passage.
let NLP: Nlp | null = null

function getNlp(): Nlp {
  if (NLP === null) NLP = winkNLP(model)
  return NLP
}

// wink-nlp's entity types that answer something; ordinals and times answer nothing we ask for.
const ENTITY_KINDS: Readonly<Record<string, CandidateKind>> = {
  DATE: 'date',
  CARDINAL: 'count',
  MONEY: 'money',
  PERCENT: 'percent',
  DURATION: 'duration',
}

// Lower-case words that may join the capitalised words of one name ("University of Chicago",
// "Charles de Gaulle").
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'de', 'du', 'da', 'di', 'del', 'la', 'le', 'von', 'van', 'der', 'bin', 'al'])

// A name right after these is where something is or happens.
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'at',
  'from',
  'near',
  'to',
  'into',
  'across',
  'inside',
  'outside',
  'throughout',
  'within',
])

const YEAR = /\b1\d{3}\b|\b20\d{2}\b/

const WORD_CHAR = /[\p{L}\p{M}]/u

const NAME_POS: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'ADJ', 'VERB', 'X'])

/**
 * Reads `text` with wink-nlp: tokens with their terms, sentences, and every candidate span —
 * wink's dates, cardinals, money, percents and durations, the project's dates (text/dates.ts,
 * which also reads relative ones such as "on Thursday"), bare numbers outside those, and runs of
 * capitalised words (a place when a place preposition comes before).
 */
export function readPassage(text: string): PassageReading {
  if (text.trim() === '') return { tokens: [], sentences: [], candidates: [] }
  const nlp = getNlp()
  const its = nlp.its
  const doc = nlp.readDoc(text)
  const values = doc.tokens().out()
  const tags = doc.tokens().out(its.pos)
  const lemmas = lemmasOf(doc, nlp)
  // wink's token index → ours (a token whose text is not found in order is dropped).
  const index: number[] = []
  const tokens: PassageToken[] = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? ''
    const at = value === '' ? -1 : text.indexOf(value, cursor)
    if (at < 0 || at - cursor > 40) {
      index.push(-1)
      continue
    }
    index.push(tokens.length)
    const term = termOf(value)
    const lemmaTerm = term === null ? null : termOf(String(lemmas[i] ?? value))
    tokens.push({ text: value, start: at, end: at + value.length, pos: String(tags[i] ?? 'X'), term, lemmaTerm, sentence: 0 })
    cursor = at + value.length
  }
  const sentences: PassageReading['sentences'] = []
  doc.sentences().each((sentence: ItemSentence) => {
    const [from, to] = sentence.out(its.span) as unknown as [number, number]
    const first = firstMapped(index, from, to)
    const last = lastMapped(index, from, to)
    if (first === null || last === null) return
    for (let t = first; t <= last; t++) (tokens[t] as PassageToken).sentence = sentences.length
    sentences.push({ first, last })
  })
  const candidates: Candidate[] = []
  const taken = new Array<boolean>(tokens.length).fill(false)
  const add = (kind: CandidateKind, first: number, last: number) => {
    // The tagger splits some words at letters it does not know ("Skłodowska"): a span ends where
    // the word ends in the text.
    let start = (tokens[first] as PassageToken).start
    let end = (tokens[last] as PassageToken).end
    while (start > 0 && WORD_CHAR.test(text[start - 1] ?? '')) start--
    while (end < text.length && WORD_CHAR.test(text[end] ?? '')) end++
    // "Bautista-Agut": a hyphen between capitalised words joins one name.
    if (kind === 'name' || kind === 'place')
      while (/^-\p{Lu}/u.test(text.slice(end, end + 2))) for (end++; WORD_CHAR.test(text[end] ?? ''); ) end++
    // A count is written with digits or number words ("a 17-year-old" holds no count of years).
    const isNumeric = (t: number) => {
      const token = tokens[t] as PassageToken
      return token.pos === 'NUM' || /\d/.test(token.text) || NUMBER_WORDS.has(token.text.toLowerCase())
    }
    if (kind !== 'name' && kind !== 'place' && kind !== 'date' && !range(first, last).some(isNumeric)) return
    candidates.push({ kind, text: text.slice(start, end), start, end, first, last })
    for (let t = first; t <= last; t++) taken[t] = true
  }
  doc.entities().each((entity: ItemEntity) => {
    const type = entity.out(its.type) as string
    // "(1754–1763)" is a span of years, which answers "when" rather than "how long".
    const kind = type === 'DURATION' && YEAR.test(entity.out()) ? 'date' : ENTITY_KINDS[type]
    const [from, to] = entity.out(its.span) as unknown as [number, number]
    const first = firstMapped(index, from, to)
    const last = lastMapped(index, from, to)
    if (kind !== undefined && first !== null && last !== null) add(kind, first, last)
  })
  for (const mention of findDates(text)) {
    const first = tokens.findIndex((token) => token.start >= mention.start && token.end <= mention.end)
    const last = tokens.findLastIndex((token) => token.start >= mention.start && token.end <= mention.end)
    if (first < 0 || last < first || taken.slice(first, last + 1).some(Boolean)) continue
    add('date', first, last)
  }
  for (let t = 0; t < tokens.length; t++) {
    if (taken[t] || (tokens[t] as PassageToken).pos !== 'NUM') continue
    let last = t
    while (tokens[last + 1]?.pos === 'NUM' && !taken[last + 1]) last++
    add('count', t, last)
    t = last
  }
  for (const [runFirst, last] of nameRuns(tokens, taken, sentences)) {
    // "Prime Minister Kari Lund": the title says a person is named; the name is what follows.
    const titled = findLastIndexIn(
      tokens,
      runFirst,
      last,
      (token) => TITLE_WORDS.has(token.text.toLowerCase()) || ROLE_NOUNS.has(token.text.toLowerCase()),
    )
    if (titled !== null && titled < last) {
      add('name', titled + 1, last)
      // The title stays part of the mention for how near the question's words it is.
      const named = candidates.at(-1)
      if (named !== undefined) named.first = runFirst
      continue
    }
    const first = runFirst
    const before = tokens[first - 1]
    const beforeThe = before?.text.toLowerCase() === 'the' ? tokens[first - 2] : before
    const isPlace = beforeThe !== undefined && PLACE_PREPOSITIONS.has(beforeThe.text.toLowerCase())
    add(isPlace ? 'place' : 'name', first, last)
  }
  return { tokens, sentences, candidates: candidates.sort((a, b) => a.start - b.start) }
}

/** A question read with the same tagger as its passages. */
export type QuestionReading = {
  /**
   * The question's search terms keyed by the term of their lemma, so a passage's "spoke" meets a
   * question's "speak" and "won" meets "win"; only words whose term is in the search terms.
   */
  byLemma: Map<string, string>
  /** The lemma terms of the question's verbs ("founded" → the term of "found"), auxiliaries out. */
  verbs: Set<string>
}

/** Reads `question` for matching against a passage; `terms` are its search terms. */
export function readQuestion(question: string, terms: ReadonlySet<string>): QuestionReading {
  const nlp = getNlp()
  const doc = nlp.readDoc(question)
  const values = doc.tokens().out()
  const tags = doc.tokens().out(nlp.its.pos)
  const lemmas = lemmasOf(doc, nlp)
  const byLemma = new Map<string, string>()
  const verbs = new Set<string>()
  for (const [i, value] of values.entries()) {
    const term = termOf(value)
    const lemmaTerm = termOf(String(lemmas[i] ?? value))
    if (term === null || lemmaTerm === null || !terms.has(term)) continue
    byLemma.set(lemmaTerm, term)
    if (tags[i] === 'VERB') verbs.add(lemmaTerm)
  }
  return { byLemma, verbs }
}

// Runs of capitalised words not already in a candidate. A sentence's first word counts only when
// the tagger calls it a proper noun ("The", "However" start sentences, not names).
function nameRuns(
  tokens: readonly PassageToken[],
  taken: readonly boolean[],
  sentences: PassageReading['sentences'],
): Array<[number, number]> {
  const starts = new Set(sentences.map((sentence) => sentence.first))
  const isNameWord = (t: number) => {
    const token = tokens[t]
    if (token === undefined || taken[t] || !/^\p{Lu}/u.test(token.text) || !NAME_POS.has(token.pos)) return false
    return !starts.has(t) || token.pos === 'PROPN'
  }
  const runs: Array<[number, number]> = []
  for (let t = 0; t < tokens.length; t++) {
    if (!isNameWord(t)) continue
    let last = t
    for (;;) {
      if (isNameWord(last + 1) && adjacent(tokens, last, last + 1)) last++
      else if (NAME_JOINERS.has(tokens[last + 1]?.text ?? '') && isNameWord(last + 2)) last += 2
      else break
    }
    // One capitalised adjective ("French", "Western") or common noun ("Critics" after a heading)
    // is a description, not a name.
    const pos = (tokens[t] as PassageToken).pos
    // "Norway’s budget": a possessive names an owner, not the answer.
    // "Swedish engineers": a name before a common noun describes it.
    const next = tokens[last + 1]
    const isOwner = /^['’]s?$/.test(next?.text ?? '')
    const isModifier = next !== undefined && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && adjacent(tokens, last, last + 1)
    if ((last > t || pos === 'PROPN' || pos === 'X') && !isOwner && !isModifier) runs.push([t, last])
    t = last
  }
  return runs
}

// Two words of one name are separated by spaces only: a comma or a line ends the name.
function adjacent(tokens: readonly PassageToken[], a: number, b: number): boolean {
  const left = tokens[a]
  const right = tokens[b]
  return left !== undefined && right !== undefined && right.sentence === left.sentence && right.start - left.end <= 1
}

function findLastIndexIn(
  tokens: readonly PassageToken[],
  first: number,
  last: number,
  test: (token: PassageToken) => boolean,
): number | null {
  for (let t = last; t >= first; t--) if (test(tokens[t] as PassageToken)) return t
  return null
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

// wink-nlp's types leave its.lemma out of what out() accepts, though the model computes lemmas.
function lemmasOf(doc: ReturnType<Nlp['readDoc']>, nlp: Nlp): string[] {
  return doc.tokens().out(nlp.its.lemma as never) as unknown as string[]
}

function firstMapped(index: readonly number[], from: number, to: number): number | null {
  for (let i = from; i <= to; i++) if ((index[i] ?? -1) >= 0) return index[i] as number
  return null
}

function lastMapped(index: readonly number[], from: number, to: number): number | null {
  for (let i = to; i >= from; i--) if ((index[i] ?? -1) >= 0) return index[i] as number
  return null
}
