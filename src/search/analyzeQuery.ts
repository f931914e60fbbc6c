import { ROLE_NOUNS, TITLE_WORDS } from '../attribution/roles.js'
import type { Speaker } from '../attribution/speaker.js'
import { roleWordsOf } from '../attribution/speakerRoles.js'
import { isSpeechVerb } from '../attribution/speechVerbs.js'
import { foldWord, termOf, tokenize } from '../text/tokens.js'

/** What a question asks for, read from its first words. */
export type QuestionType = 'who' | 'when' | 'where' | 'how-many' | 'what' | 'why' | 'how' | 'yes-no' | 'other'

/** A speaker of one article, as the speaker registry knows it. */
export type RegistrySpeaker = {
  article: string
  speaker: Speaker
}

/**
 * A registry speaker with the words a question could use for them, worked out once per library
 * (stemming every name per question would cost more than the whole search).
 */
export type SpeakerPattern = RegistrySpeaker & {
  /** The folded last word of the name; null when too short to trust (e.g. an initial). */
  surname: string | null
  /** Each alias that holds a role or title word, as role terms ("the spokesperson" → ["spokesperson"]). */
  aliases: string[][]
  /** The distinct role terms of the role; `[]` when the text gives none. */
  role: string[]
  /** The role terms of `role` that are role nouns ("spokesperson", not "foreign"). */
  roleNouns: string[]
  /** Every role term of name, role and aliases. */
  vocabulary: string[]
}

/** Prepares registry speakers for {@link analyzeQuery}. */
export function prepareSpeakers(registry: readonly RegistrySpeaker[]): SpeakerPattern[] {
  const roleTerms = (text: string) =>
    tokenize(text)
      .map((token) => roleTermOf(token.text))
      .filter((term): term is string => term !== null)
  return registry.map(({ article, speaker }) => {
    const surname = tokenize(speaker.name).at(-1)?.folded ?? ''
    return {
      article,
      speaker,
      surname: surname.length > 2 ? surname : null,
      // Aliases that are only a name ("Lindqvist") follow the surname rule; the others hold a role
      // or title ("the spokesperson", "Gen Okafor").
      aliases: speaker.aliases
        .filter((alias) => tokenize(alias).some((token) => ROLE_NOUNS.has(token.folded) || TITLE_WORDS.has(token.folded)))
        .map(roleTerms)
        .filter((terms) => terms.length > 0),
      role: [...new Set(roleTerms(roleWordsOf(speaker)))],
      roleNouns: [
        ...new Set(
          roleTerms(
            tokenize(roleWordsOf(speaker))
              .filter((token) => ROLE_NOUNS.has(token.folded))
              .map((token) => token.text)
              .join(' '),
          ),
        ),
      ],
      vocabulary: [...new Set(roleTerms([speaker.name, roleWordsOf(speaker), ...speaker.aliases].join(' ')))],
    }
  })
}

/** A question, read for ranking and answering. */
export type QueryAnalysis = {
  question: string
  type: QuestionType
  /** The search terms of the question in order (stop words and question words out), duplicates kept. */
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
  /**
   * For a question about what someone said ("what did the mayor say about …", "does Okafor think
   * …"): the terms naming who ("mayor", "okafor"), read before the verb of saying; `null` for
   * other questions, `[]` when the asker names nobody ("what did they say").
   */
  speechSubject: string[] | null
  /** The registry speakers that `speechSubject` names or describes; `[]` when none. */
  subjectSpeakers: RegistrySpeaker[]
}

// The first word (or two) decides the type; "what year", "which day" ask for a date and "how
// much" for a number, whatever noun follows.
const TYPE_PATTERNS: ReadonlyArray<readonly [RegExp, QuestionType]> = [
  [/^(?:how (?:many|much)|what (?:number|percentage|percent|amount)|how (?:long|far|old|big|large|tall|high))\b/, 'how-many'],
  [
    /^(?:when|(?:(?:in|on|at|during|by|since|until) )?(?:what|which) (?:year|years|date|day|month|decade|century|time|period|era))\b/,
    'when',
  ],
  [
    /^(?:who|whom|whose|which (?:person|man|woman|official|leader|group|organi[sz]ation)|what (?:person|man|woman|official|organi[sz]ation))\b/,
    'who',
  ],
  [/^(?:where|(?:what|which) (?:country|city|place|region|state|county|district|town|area|location|province|continent))\b/, 'where'],
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

// Words that ask for someone's view even without a verb of saying ("Lindqvist's position on …").
const OPINION_WORDS: ReadonlySet<string> = new Set([
  'think',
  'thinks',
  'thought',
  'believe',
  'believes',
  'believed',
  'view',
  'views',
  'position',
  'stance',
  'opinion',
  'comment',
  'comments',
  'commented',
  'react',
  'reacted',
  'reaction',
  'respond',
  'responded',
  'response',
  'statement',
  'statements',
  'remarks',
  'quote',
  'quoted',
  'words',
])

const QUOTED = /["“”]([^"“”]+)["“”]/g

// Words that shape a question but are not about its subject. The general stop list drops "what"
// and "how" but not these (it was made for documents); they stay searchable in the index, only
// the question's terms leave them out.
const QUESTION_WORDS: ReadonlySet<string> = new Set(['when', 'why', 'whom', 'whose', 'does'])

/**
 * Reads a question: its type, its terms, quoted phrases and the speakers it names or describes.
 * A speaker matches by full name, by surname or alias, or by role words (every content word of a
 * short role, or at least two of a longer one, with role synonyms folded together).
 */
export function analyzeQuery(question: string, registry: readonly SpeakerPattern[] = []): QueryAnalysis {
  const lowered = question.trim().toLowerCase().replace(/[‘’]/g, "'").replace(LEADING_FILLER, '')
  const type = questionTypeOf(lowered)
  const tokens = tokenize(question)
  const terms: string[] = []
  const words: string[] = []
  for (const token of tokens) {
    const term = termOf(token.text)
    if (term === null || QUESTION_WORDS.has(token.folded)) continue
    terms.push(term)
    words.push(token.folded)
  }
  const phrases = [...question.matchAll(QUOTED)]
    .map((match) =>
      tokenize(match[1] ?? '')
        .map((token) => termOf(token.text))
        .filter((term): term is string => term !== null),
    )
    .filter((phrase) => phrase.length > 0)
  const written = new Set(tokens.map((token) => foldWord(token.text)))
  const roleTerms = new Set(tokens.map((token) => roleTermOf(token.text)).filter((term): term is string => term !== null))
  // A surname alone often names the subject of a question, not a source ("What did Washington
  // build?"); it picks a speaker only when the question is about what someone said.
  const isAboutSpeech = tokens.some((token) => isSpeechVerb(token.folded) || OPINION_WORDS.has(token.folded))
  const matches = candidatesOf(registry, [written, roleTerms]).filter(
    (pattern) =>
      (isAboutSpeech && isNamed(pattern, written)) || isAliased(pattern, roleTerms) || isDescribed(pattern, roleTerms, isAboutSpeech),
  )
  const speakers = matches.map(({ article, speaker }) => ({ article, speaker }))
  const speakerVocabulary = new Set<string | null>(matches.flatMap((pattern) => pattern.vocabulary))
  const speakerTerms = [
    ...new Set(tokens.filter((token) => speakerVocabulary.has(roleTermOf(token.text))).map((token) => termOf(token.text))),
  ].filter((term): term is string => term !== null)
  const speechSubject = speechSubjectOf(tokens.map((token) => token.folded))
  let subjectSpeakers: RegistrySpeaker[] = []
  if (speechSubject !== null && speechSubject.words.length > 0) {
    const subjectWords = new Set(speechSubject.words)
    const subjectRoles = new Set(speechSubject.words.map(roleTermOf).filter((term): term is string => term !== null))
    subjectSpeakers = candidatesOf(registry, [subjectWords, subjectRoles])
      .filter((pattern) => isNamed(pattern, subjectWords) || isAliased(pattern, subjectRoles) || isDescribed(pattern, subjectRoles, true))
      .map(({ article, speaker }) => ({ article, speaker }))
  }
  return {
    question,
    type,
    terms,
    words,
    phrases,
    speakers,
    speakerTerms,
    speechSubject: speechSubject === null ? null : speechSubject.terms,
    subjectSpeakers,
  }
}

// Words that may open a question about what someone said before its subject: question words
// and auxiliaries ("what has", "did", "so what are").
const SUBJECT_LEAD: ReadonlySet<string> = new Set([
  'what',
  'how',
  'why',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'could',
  'can',
  'should',
  'so',
  'and',
  'else',
])
// Subjects that name nobody: the speaker is whoever the passage quotes.
const PRONOUNS: ReadonlySet<string> = new Set(['they', 'he', 'she', 'it', 'we', 'you', 'i', 'anyone', 'anybody', 'people', 'someone'])

// The subject of the first verb of saying or opinion, when the words before it in its clause are
// a lead-in and then a short noun phrase ("what did [the army] say", "[Okafor] claimed"); null
// when the question has no such verb, or when what comes before it is no subject ("how much are
// teachers paid compared to other states", "what was her alibi for the night he's accused of").
function speechSubjectOf(words: readonly string[]): { words: string[]; terms: string[] } | null {
  const verb = words.findIndex((word, i) => i > 0 && (isSpeechVerb(word) || OPINION_VERBS.has(word)))
  if (verb < 0) return null
  let from = verb
  while (from > 0 && !SUBJECT_LEAD.has(words[from - 1] ?? '')) {
    if (verb - from >= MAX_SUBJECT_WORDS) return null
    from--
  }
  const subject = words.slice(from, verb).filter((word) => !PRONOUNS.has(word))
  return { words: subject, terms: subject.map((word) => termOf(word)).filter((term): term is string => term !== null) }
}

// "the health ministry spokesperson"; longer runs before a verb of saying are rarely its subject.
const MAX_SUBJECT_WORDS = 4

// Verbs that ask for someone's view, beside the verbs of saying.
const OPINION_VERBS: ReadonlySet<string> = new Set([
  'think',
  'thinks',
  'believe',
  'believes',
  'feel',
  'feels',
  'react',
  'reacted',
  'respond',
  'responded',
])

// Where a question word may start after a lead-in: "In what year …", "According to the report,
// who …", "Approximately how many …".
const WORD_START = /(?:^|[\s,;:(])(?=[a-z])/g

// The type of the first question word, at the start or after a lead-in; a question that opens
// with an auxiliary ("Did …", "Is …") is yes-no whatever follows, and the auxiliaries themselves
// are only read at the start ("so is it …" is not searched for).
function questionTypeOf(lowered: string): QuestionType {
  const atStart = TYPE_PATTERNS.find(([pattern]) => pattern.test(lowered))?.[1]
  if (atStart !== undefined) return atStart
  for (const match of lowered.matchAll(WORD_START)) {
    const rest = lowered.slice(match.index + match[0].length)
    const type = TYPE_PATTERNS.find(([pattern, type]) => type !== 'yes-no' && pattern.test(rest))?.[1]
    if (type !== undefined) return type
  }
  return 'other'
}

// Below this many speakers a question reads them all; above it, only those sharing a word with it.
const INDEXED_REGISTRY = 256
const REGISTRY_INDEXES = new WeakMap<readonly SpeakerPattern[], ReadonlyMap<string, readonly number[]>>()

/**
 * The patterns of `registry` that could match a question holding `words` (folded words and role
 * terms), in registry order: every match needs its surname, an alias's terms or a role term
 * among them (see isNamed, isAliased, isDescribed), so a large registry (100,000 paragraphs hold
 * tens of thousands of speakers) is looked up by those words instead of read whole per question.
 */
function candidatesOf(registry: readonly SpeakerPattern[], words: ReadonlyArray<ReadonlySet<string>>): readonly SpeakerPattern[] {
  if (registry.length < INDEXED_REGISTRY) return registry
  let index = REGISTRY_INDEXES.get(registry)
  if (index === undefined) {
    const built = new Map<string, number[]>()
    registry.forEach((pattern, at) => {
      const keys = new Set([...(pattern.surname === null ? [] : [pattern.surname]), ...pattern.aliases.flat(), ...pattern.role])
      for (const key of keys) {
        const list = built.get(key)
        if (list === undefined) built.set(key, [at])
        else list.push(at)
      }
    })
    REGISTRY_INDEXES.set(registry, built)
    index = built
  }
  const found = new Set<number>()
  for (const set of words) for (const word of set) for (const at of index.get(word) ?? []) found.add(at)
  return [...found].sort((a, b) => a - b).map((at) => registry[at] as SpeakerPattern)
}

/** The search term of a role word, with role synonyms folded together; null for a stop word. */
export function roleTermOf(word: string): string | null {
  const folded = foldWord(word)
  return termOf(ROLE_SYNONYMS.get(folded) ?? folded)
}

function isNamed(pattern: SpeakerPattern, words: ReadonlySet<string>): boolean {
  return pattern.surname !== null && words.has(pattern.surname)
}

// An alias ("the spokesperson", "Gen Okafor") matches when all its content words are in the
// question, role synonyms folded together.
function isAliased(pattern: SpeakerPattern, roleTerms: ReadonlySet<string>): boolean {
  return pattern.aliases.some((alias) => alias.every((term) => roleTerms.has(term)))
}

function isDescribed(pattern: SpeakerPattern, roleTerms: ReadonlySet<string>, isAboutSpeech: boolean): boolean {
  if (pattern.role.length === 0) return false
  // Without the role noun, the other words of a role ("the health ministry") describe its
  // holder only in a question about what was said, as a surname does: "the United States" in
  // "Jacksonville's rank in the United States" is no "United States Navy spokesman".
  if (!isAboutSpeech && !pattern.roleNouns.some((term) => roleTerms.has(term))) return false
  const matched = pattern.role.filter((term) => roleTerms.has(term)).length
  return pattern.role.length <= 2 ? matched === pattern.role.length : matched >= 2
}
