import { NON_NAME_CAPITALS, ORGANIZATION_WORDS, ROLE_NOUNS, SPEAKER_PRONOUNS, TITLE_WORDS } from './roles.js'
import type { TaggedToken } from './taggedToken.js'

/** How a mention names its referent: a proper name, a pronoun, or a role nominal ("the spokesperson"). */
export type MentionKind = 'name' | 'pronoun' | 'nominal'

/**
 * A noun phrase that may name a speaker. Offsets index into the paragraph; `text` is the phrase
 * as written. For a name, `name` is the title-free name and `role` the words before it
 * ("Foreign Office spokesperson"); for a nominal, `head` is its last noun.
 */
export type Mention = {
  kind: MentionKind
  text: string
  start: number
  end: number
  name: string | null
  role: string | null
  head: string
  isOrganization: boolean
  isPlural: boolean
}

// Lowercase words that may join two capitalised words inside one name ("Ministry of Foreign Affairs").
const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'de',
  'del',
  'da',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
  'el',
  'and',
  '&',
])
const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'another',
  'one',
  'two',
  'three',
  'several',
  'some',
  'many',
  'other',
  'its',
  'his',
  'her',
  'their',
])
const POSSESSIVE = /^['’]s?$/u
const UPPER_START = /^\p{Lu}/u
const ACRONYM = /^\p{Lu}[\p{Lu}.&]+$/u
// Capitalised abbreviations that may stand together in a name ("US CIA" is still an organisation).
const ACRONYM_WORDS: ReadonlySet<string> = new Set(['US', 'UK', 'UN', 'EU'])

function bare(word: string): string {
  return word.toLowerCase().replace(/\.$/u, '')
}

/** True when the token can be part of a proper name: capitalised and not a sentence-start function word. */
export function isNameToken(token: TaggedToken | undefined): boolean {
  if (token === undefined) return false
  if (!UPPER_START.test(token.text)) return false
  if (NON_NAME_CAPITALS.has(token.lower)) return false
  if (token.pos === 'PROPN') return true
  // "Additionally, …": a capitalised -ly adverb opens a sentence, it names no one.
  if (token.pos === 'ADV' && /ly$/u.test(token.lower)) return false
  return token.pos !== 'PUNCT' && token.pos !== 'PRON' && token.pos !== 'VERB' && token.pos !== 'AUX'
}

function isRoleWord(token: TaggedToken | undefined): boolean {
  return token !== undefined && !UPPER_START.test(token.text) && (ROLE_NOUNS.has(token.lower) || TITLE_WORDS.has(bare(token.text)))
}

function isTitle(token: TaggedToken): boolean {
  return TITLE_WORDS.has(bare(token.text)) || ROLE_NOUNS.has(token.lower)
}

function isGlued(a: TaggedToken | undefined, b: TaggedToken | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start
}

/**
 * Reads the noun phrase that ends just before `end` (exclusive), going no further left than
 * `min`: a pronoun, a name with its titles and role words, or a role nominal. Returns null when
 * the words there are not a noun phrase that can speak.
 */
export function readMentionBefore(tokens: readonly TaggedToken[], end: number, min: number): Mention | null {
  const last = tokens[end - 1]
  if (last === undefined || end - 1 < min) return null
  if (SPEAKER_PRONOUNS.has(last.lower) && last.pos === 'PRON') return pronounMention(last)
  let from = end - 1
  if (isNameToken(last) || (last.text === ')' && isNameToken(tokens[end - 2]))) {
    while (from - 1 >= min) {
      const prev = tokens[from - 1] as TaggedToken
      const prev2 = tokens[from - 2]
      if (isNameToken(prev)) from--
      else if ((prev.text === '-' || prev.text === '.') && isGlued(prev2, prev) && isGlued(prev, tokens[from]) && isNameToken(prev2)) from--
      else if ((prev.text === '(' || prev.text === ')') && isNameToken(prev2 ?? prev)) from--
      else if (NAME_CONNECTORS.has(prev.lower) && isNameToken(prev2) && isNameToken(tokens[from])) from--
      else if (POSSESSIVE.test(prev.text) && isGlued(prev2, prev) && isNameToken(prev2)) from--
      else if (isRoleWord(prev) && (prev.pos === 'NOUN' || prev.pos === 'ADJ' || prev.pos === 'PROPN')) from--
      else break
    }
    while (from < end && (tokens[from]?.text === '(' || tokens[from]?.text === ')' || NAME_CONNECTORS.has(tokens[from]?.lower ?? '')))
      from++
    if (from >= end) return null
    return classifyNameRun(tokens, from, end)
  }
  if (last.pos === 'NOUN' || last.pos === 'PROPN' || ROLE_NOUNS.has(last.lower)) {
    while (from - 1 >= min) {
      const prev = tokens[from - 1] as TaggedToken
      if (DETERMINERS.has(prev.lower)) {
        from--
        break
      }
      if (prev.pos === 'NOUN' || prev.pos === 'ADJ' || prev.pos === 'PROPN' || (prev.text === '-' && isGlued(tokens[from - 2], prev)))
        from--
      else if (POSSESSIVE.test(prev.text) && isGlued(tokens[from - 2], prev)) from--
      else break
    }
    return nominalMention(tokens, from, end)
  }
  return null
}

/**
 * Reads the noun phrase that starts at `start` and ends before `max` ("said White House Press
 * Secretary Josh Earnest", "said the spokeswoman", "said he"). Returns null when there is none.
 */
export function readMentionAfter(tokens: readonly TaggedToken[], start: number, max: number): Mention | null {
  const first = tokens[start]
  if (first === undefined || start >= max) return null
  if (SPEAKER_PRONOUNS.has(first.lower) && first.pos === 'PRON') return pronounMention(first)
  let to = start
  if (DETERMINERS.has(first.lower)) to++
  const headStart = to
  while (to < max) {
    const token = tokens[to] as TaggedToken
    const next = tokens[to + 1]
    if (isNameToken(token) || isRoleWord(token)) to++
    else if ((token.text === '-' || token.text === '.') && isGlued(tokens[to - 1], token) && isGlued(token, next) && to > headStart) to++
    // "Florida-based strategist Al Card": a lowercase word hyphened to a name modifies what follows.
    else if (
      token.pos !== 'PUNCT' &&
      /^\p{Ll}/u.test(token.text) &&
      tokens[to - 1]?.text === '-' &&
      isGlued(tokens[to - 1], token) &&
      hasNameAhead(tokens, to, max)
    )
      to++
    else if (token.text === '(' && next !== undefined && ACRONYM.test(next.text) && tokens[to + 2]?.text === ')') to += 3
    else if (NAME_CONNECTORS.has(token.lower) && to > headStart && isNameToken(next) && isNameToken(tokens[to - 1])) to++
    // "Florida’s Rick Wilson", "Clinton’s communications director": a possessor opens the phrase.
    else if (
      POSSESSIVE.test(token.text) &&
      to > headStart &&
      isGlued(tokens[to - 1], token) &&
      (isNameToken(tokens[to - 1]) || isRoleWord(tokens[to - 1])) &&
      (isNameToken(next) || isRoleWord(next) || next?.pos === 'ADJ' || next?.pos === 'NOUN')
    )
      to++
    else if (
      (token.pos === 'ADJ' || token.pos === 'NOUN') &&
      !UPPER_START.test(token.text) &&
      (headStart > start ||
        POSSESSIVE.test(tokens[to - 1]?.text ?? '') ||
        (ROLE_NOUNS.has(token.lower) && to > headStart) ||
        hasNameAhead(tokens, to, max))
    )
      to++
    else break
  }
  // "said conservative activist Bob Klaus": drop lowercase words left dangling after the name.
  const hasPossessor = tokens.slice(headStart, to).some((t) => POSSESSIVE.test(t.text))
  while (
    to > headStart &&
    headStart === start &&
    !hasPossessor &&
    !isNameToken(tokens[to - 1]) &&
    tokens.slice(headStart, to).some((t) => isNameToken(t))
  )
    to--
  if (to === headStart) return null
  const lastToken = tokens[to - 1] as TaggedToken
  if (headStart > start || !isNameToken(lastToken)) {
    // "said the spokeswoman" or "said the Washington Post": a determiner phrase.
    if (isNameToken(lastToken) && tokens.slice(headStart, to).some((t) => isNameToken(t))) {
      const nameFrom = firstNameIndex(tokens, headStart, to)
      return classifyNameRun(tokens, nameFrom, to)
    }
    return nominalMention(tokens, start, to)
  }
  return classifyNameRun(tokens, start, to)
}

function hasNameAhead(tokens: readonly TaggedToken[], from: number, max: number): boolean {
  for (let i = from + 1; i < Math.min(max, from + 5); i++) {
    const t = tokens[i] as TaggedToken
    if (isNameToken(t)) return true
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.text === '-')) return false
  }
  return false
}

function firstNameIndex(tokens: readonly TaggedToken[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (isNameToken(tokens[i])) return i
  return from
}

function pronounMention(token: TaggedToken): Mention {
  return {
    kind: 'pronoun',
    text: token.text,
    start: token.start,
    end: token.end,
    name: null,
    role: null,
    head: token.lower,
    isOrganization: false,
    isPlural: SPEAKER_PRONOUNS.get(token.lower) === 'plural',
  }
}

function nominalMention(tokens: readonly TaggedToken[], from: number, end: number): Mention | null {
  const first = tokens[from]
  const last = tokens[end - 1]
  if (first === undefined || last === undefined) return null
  const head = last.lower
  const isPlural = /s$/u.test(head) && !/ss$/u.test(head)
  return {
    kind: 'nominal',
    text: textOf(tokens, from, end),
    start: first.start,
    end: last.end,
    name: null,
    role: null,
    head,
    isOrganization: ORGANIZATION_WORDS.has(head),
    isPlural,
  }
}

/**
 * Splits a capitalised run into role and name: the name is the trailing run of words that are
 * neither titles nor organisation words ("Chidi Amaka Okafor"); everything before it is the
 * role. A run with an organisation head ("Ministry of Foreign Affairs") is an organisation
 * named in full, minus any possessor ("Norway’s").
 */
function classifyNameRun(tokens: readonly TaggedToken[], from: number, end: number): Mention | null {
  let start = from
  // Drop a possessor: "Norway’s Ministry of Foreign Affairs" is the ministry.
  for (let i = end - 1; i > from; i--) {
    if (POSSESSIVE.test((tokens[i] as TaggedToken).text)) {
      start = i + 1
      break
    }
  }
  if (start >= end) return null
  const run = tokens.slice(start, end)
  const connectorAt = run.findIndex((t) => NAME_CONNECTORS.has(t.lower) && t.lower !== 'and')
  const orgBeforeConnector =
    connectorAt > 0 && run.slice(0, connectorAt).some((t) => ORGANIZATION_WORDS.has(bare(t.text)) && UPPER_START.test(t.text))
  // "Meenakshi Ganguly of Human Rights Watch", "Senator Jane Roe of Arizona", "university
  // scientist Pat Murray of Ohio": a personal name right before "of", opening the run or after a
  // title or role word, is a person at a place or organisation.
  if (connectorAt > 0 && run[connectorAt]?.lower === 'of') {
    let segment = connectorAt
    while (segment > 0 && isPersonWord(run[segment - 1])) segment--
    const opener = run[segment - 1]
    if (segment < connectorAt && (opener === undefined || isTitle(opener) || !UPPER_START.test(opener.text))) {
      return classifyNameRun(tokens, start, start + connectorAt)
    }
  }
  // "Mark Blum and Jon Cohen": two full names joined; the first one leads.
  const andAt = run.findIndex((t) => t.lower === 'and')
  if (andAt >= 2 && isPersonWord(run[andAt - 1]) && isPersonWord(run[andAt - 2]) && isNameToken(run[andAt + 1])) {
    return classifyNameRun(tokens, start, start + andAt)
  }
  let nameFrom = run.length
  while (nameFrom > 0) {
    const t = run[nameFrom - 1] as TaggedToken
    // "Mark-Viverito", "El-Erian": a hyphen glued between two capitalised words is part of the name.
    if (
      t.text === '-' &&
      nameFrom < run.length &&
      isGlued(run[nameFrom - 2], t) &&
      isGlued(t, run[nameFrom]) &&
      isNameToken(run[nameFrom - 2])
    ) {
      nameFrom--
      continue
    }
    if (
      !isNameToken(t) ||
      isTitle(t) ||
      ORGANIZATION_WORDS.has(bare(t.text)) ||
      (t.text.endsWith('.') && t.text.length <= 4 && !/^\p{Lu}\.$/u.test(t.text))
    )
      break
    nameFrom--
  }
  while (run[nameFrom]?.text === '-') nameFrom++
  const first = tokens[from] as TaggedToken
  const last = tokens[end - 1] as TaggedToken
  const text = textOf(tokens, from, end)
  const hasOrgWord = run.some((t) => ORGANIZATION_WORDS.has(bare(t.text)) && UPPER_START.test(t.text))
  const personName = nameFrom < run.length ? textOf(run, nameFrom, run.length) : ''
  // Two or more words in capitals ("RED STATES", "HIGHER THAN") are a heading, not a name.
  if (
    run.filter((t) => /^\p{Lu}{2,}$/u.test(t.text) && !ACRONYM_WORDS.has(t.text)).length >= 2 &&
    run.every((t) => !/\p{Ll}/u.test(t.text))
  )
    return null
  const isSingleAcronym = nameFrom === run.length - 1 && ACRONYM.test(personName)
  const hasTitleBefore = nameFrom > 0
  if (!orgBeforeConnector && personName !== '' && !isSingleAcronym && (hasTitleBefore || !hasOrgWord)) {
    const role = nameFrom > 0 ? textOf(tokens, from, start + nameFrom).replace(/[\s,(]+$/u, '') : null
    return {
      kind: 'name',
      text,
      start: first.start,
      end: last.end,
      name: personName,
      role: role === '' ? null : role,
      head: (run[run.length - 1] as TaggedToken).text,
      isOrganization: false,
      isPlural: false,
    }
  }
  const orgName = textOf(tokens, start, end).replace(/^(the|The)\s+/u, '')
  if (orgName === '' || run.every((t) => isTitle(t))) return null
  return {
    kind: 'name',
    text,
    start: first.start,
    end: last.end,
    name: orgName,
    role: null,
    head: (run[run.length - 1] as TaggedToken).text,
    isOrganization: true,
    isPlural: false,
  }
}

function isPersonWord(token: TaggedToken | undefined): boolean {
  return token !== undefined && isNameToken(token) && !isTitle(token) && !ORGANIZATION_WORDS.has(bare(token.text))
}

function textOf(tokens: readonly TaggedToken[], from: number, end: number): string {
  const a = tokens[from]
  const b = tokens[end - 1]
  if (a === undefined || b === undefined) return ''
  // Rebuild from the tokens' own spacing: offsets belong to one paragraph.
  let out = ''
  for (let i = from; i < end; i++) {
    const t = tokens[i] as TaggedToken
    const prev = tokens[i - 1]
    if (i > from && prev !== undefined && prev.end < t.start) out += ' '
    out += t.text
  }
  return out
}
