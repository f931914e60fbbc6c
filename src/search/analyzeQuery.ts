import type { Speaker } from '../attribution/speaker.js'
import { foldWord, termOf, tokenize } from '../text/tokens.js'

/** What a question asks for, read from its first words. */
export type QuestionType = 'who' | 'when' | 'where' | 'how-many' | 'what' | 'why' | 'how' | 'yes-no' | 'other'

/** A speaker of one article, as the speaker registry knows it. */
export type RegistrySpeaker = {
  article: string
  speaker: Speaker
}

/** A question, read for ranking and answering. */
export type QueryAnalysis = {
  question: string
  type: QuestionType
  /** The search terms of the question in order (stop words out), duplicates kept. */
  terms: string[]
  /** The folded words behind `terms`, aligned with them, for exact-form matches. */
  words: string[]
  /** Phrases the asker put in double quotes, as term sequences. */
  phrases: string[][]
  /** Speakers the question names or describes by role; `[]` when none. */
  speakers: RegistrySpeaker[]
  /**
   * The question's terms that name or describe those speakers ("foreign", "offic", "spokesman"):
   * a passage where such a speaker speaks need not repeat them.
   */
  speakerTerms: string[]
}

// The first word (or two) decides the type; "what year", "which day" ask for a date and "how
// much" for a number, whatever noun follows.
const TYPE_PATTERNS: ReadonlyArray<readonly [RegExp, QuestionType]> = [
  [/^(?:how (?:many|much)|what (?:number|percentage|percent|amount)|how (?:long|far|old|big|large|tall|high))\b/, 'how-many'],
  [/^(?:when|(?:what|which) (?:year|years|date|day|month|decade|century|time|period|era))\b/, 'when'],
  [/^(?:who|whom|whose|which (?:person|man|woman|official|leader|group|organi[sz]ation)|what (?:person|man|woman|official|organi[sz]ation))\b/, 'who'],
  [/^(?:where|(?:what|which) (?:country|city|place|region|state|town|area|location|province|continent))\b/, 'where'],
  [/^why\b/, 'why'],
  [/^how\b/, 'how'],
  [/^(?:what|which)\b/, 'what'],
  [/^(?:is|are|was|were|did|does|do|can|could|will|would|has|have|had|should)\b/, 'yes-no'],
]

// Leading filler a newcomer types before the question word ("so, who …", "tell me when …").
const LEADING_FILLER = /^(?:(?:so|and|ok|okay|hey|please|tell me|do you know|can you tell me)\b[\s,]*)+/

// Role nouns that are one role in different words: a question about "the foreign office
// spokesman" means the text's "spokesperson". General English, no names.
const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['ministry', 'office'],
  ['chief', 'head'],
])

const QUOTED = /["“”]([^"“”]+)["“”]/g

/**
 * Reads a question: its type, its terms, quoted phrases and the speakers it names or describes.
 * A speaker matches by full name, by surname or alias, or by role words (every content word of a
 * short role, or at least two of a longer one, with role synonyms folded together).
 */
export function analyzeQuery(question: string, registry: readonly RegistrySpeaker[] = []): QueryAnalysis {
  const lowered = question.trim().toLowerCase().replace(/[‘’]/g, "'").replace(LEADING_FILLER, '')
  const type = TYPE_PATTERNS.find(([pattern]) => pattern.test(lowered))?.[1] ?? 'other'
  const tokens = tokenize(question)
  const terms: string[] = []
  const words: string[] = []
  for (const token of tokens) {
    const term = termOf(token.text)
    if (term === null) continue
    terms.push(term)
    words.push(token.folded)
  }
  const phrases = [...question.matchAll(QUOTED)]
    .map((match) => tokenize(match[1] ?? '').map((token) => termOf(token.text)).filter((term): term is string => term !== null))
    .filter((phrase) => phrase.length > 0)
  const written = new Set(tokens.map((token) => foldWord(token.text)))
  const roleTerms = new Set(tokens.map((token) => roleTermOf(token.text)).filter((term): term is string => term !== null))
  const speakers = registry.filter(({ speaker }) => isNamed(speaker, written, roleTerms) || isDescribed(speaker, roleTerms))
  const speakerVocabulary = new Set(
    speakers.flatMap(({ speaker }) =>
      tokenize([speaker.name, speaker.role ?? '', ...speaker.aliases].join(' ')).map((token) => roleTermOf(token.text)),
    ),
  )
  const speakerTerms = [
    ...new Set(tokens.filter((token) => speakerVocabulary.has(roleTermOf(token.text))).map((token) => termOf(token.text))),
  ].filter((term): term is string => term !== null)
  return { question, type, terms, words, phrases, speakers, speakerTerms }
}

/** The search term of a role word, with role synonyms folded together; null for a stop word. */
export function roleTermOf(word: string): string | null {
  const folded = foldWord(word)
  return termOf(ROLE_SYNONYMS.get(folded) ?? folded)
}

// A name matches when its last word (the surname) is in the question; an alias ("the
// spokesperson", "Lt Gen Chaudhry") when all its content words are, role synonyms folded.
function isNamed(speaker: Speaker, words: ReadonlySet<string>, roleTerms: ReadonlySet<string>): boolean {
  const surname = tokenize(speaker.name).at(-1)?.folded
  if (surname !== undefined && surname.length > 2 && words.has(surname)) return true
  return speaker.aliases.some((alias) => {
    const aliasTerms = tokenize(alias).map((token) => roleTermOf(token.text)).filter((term): term is string => term !== null)
    return aliasTerms.length > 0 && aliasTerms.every((term) => roleTerms.has(term))
  })
}

function isDescribed(speaker: Speaker, roleTerms: ReadonlySet<string>): boolean {
  if (speaker.role === null) return false
  const role = [...new Set(tokenize(speaker.role).map((token) => roleTermOf(token.text)).filter((term): term is string => term !== null))]
  if (role.length === 0) return false
  const matched = role.filter((term) => roleTerms.has(term)).length
  return role.length <= 2 ? matched === role.length : matched >= 2
}
