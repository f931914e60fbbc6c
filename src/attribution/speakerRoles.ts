import { ORGANIZATION_WORDS, ROLE_NOUNS } from './roles.js'

/**
 * How a speaker is introduced, reduced to what a reader needs: `title` is written before the name
 * ("Lt Gen", "Dr", "President", "former Florida Gov."), `office` after it, set off by a comma
 * ("Foreign Office spokesperson", "a Republican strategist"). Either may be null.
 */
export type SpeakerRoles = { title: string | null; office: string | null }

// Titles that belong to the person whatever office they hold: ranks, academic and religious titles.
// Written before the name and split off an office phrase ("JOC Director-General Lieutenant General").
const PERSONAL_TITLES: ReadonlySet<string> = new Set([
  'dr',
  'doctor',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'hon',
  'rev',
  'reverend',
  'father',
  'rabbi',
  'imam',
  'pastor',
  'bishop',
  'archbishop',
  'cardinal',
  'sheikh',
  'ayatollah',
  'mullah',
  'maulana',
  'mufti',
  'gen',
  'general',
  'lt',
  'lieutenant',
  'col',
  'colonel',
  'maj',
  'major',
  'capt',
  'captain',
  'cmdr',
  'commander',
  'adm',
  'admiral',
  'sgt',
  'sergeant',
  'cpl',
  'corporal',
  'pvt',
  'brig',
  'brigadier',
  'marshal',
  'det',
  'detective',
  'insp',
  'inspector',
  'supt',
  'superintendent',
])

// Titles of an office that news writing puts before a name when capitalised ("Sen. Jo Roe",
// "Norwegian Prime Minister Kari Lund"); in lowercase they describe ("Judicial Watch president").
const OFFICE_TITLES: ReadonlySet<string> = new Set([
  'president',
  'president-elect',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'gov',
  'governor',
  'mayor',
  'judge',
  'justice',
  'chancellor',
  'premier',
  'minister',
  'secretary',
  'ambassador',
  'king',
  'queen',
  'prince',
  'princess',
  'emir',
  'sultan',
  'pope',
  'leader',
  'speaker',
  'chairman',
  'chairwoman',
  'chair',
  'commissioner',
  'councilman',
  'councilwoman',
  'councillor',
  'councilor',
  'assemblyman',
  'assemblywoman',
  'sheriff',
  'attorney',
])

// Words that make the title right after them more specific ("Lt Gen", "Rear Admiral", "Vice
// President", "former President"); on their own they are no title.
const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'lt',
  'lieutenant',
  'maj',
  'major',
  'brig',
  'brigadier',
  'vice',
  'deputy',
  'rear',
  'field',
  'air',
  'chief',
  'prime',
  'acting',
  'former',
  'ex',
  'retired',
  'grand',
  'staff',
  'master',
  'lance',
  'first',
])

// Courtesy titles tell a reader nothing the name does not: they never reach the display.
const COURTESY_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'messrs'])

// A rank that follows another word is that word's postpositive ("Attorney General", "Secretary
// General", "Surgeon General"), not a rank, unless the word before is itself a rank ("Lieutenant General").
const POSTPOSITIVE_RANKS: ReadonlySet<string> = new Set(['general'])

// An office phrase names a role when its last word is a role noun or reads like one (an agent noun
// of five letters or more: "volunteer", "constituent", "spokesperson"); "Turkish government",
// "Executives for" and "Crapo and" do not.
const AGENT_NOUN = /^\p{L}[\p{L}-]{3,}(?:er|or|ist|ent|ant|ian|man|woman|person)$/u
const NOT_AGENT_NOUN = /ment$/u
// An appositive cut short at an abbreviation's full stop ("the campaign manager for Mr", "a
// professor at M") ends in a capital or two, or a short title; the cut phrase loses its last
// prepositional phrase ("the campaign manager").
const CUT_SHORT = /\s(?:\p{Lu}\p{L}?|Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr)$/u
const PREPOSITION = /^(?:for|at|of|to|with|in|from|on|by)$/u

// The longest office phrase is usually the most specific, up to this many words; longer ones are
// clauses caught with the appositive ("a former governor who argued with …") and lose to shorter ones.
const MAX_OFFICE_WORDS = 12

/**
 * Splits the words written before a name into a title and an office. A trailing rank or
 * capitalised title goes before the name ("Lieutenant General", "Sen."), and the office phrase
 * before it, up to its last role noun, after the name ("Joint Operations Command (JOC)
 * Director-General" → "Director-General of JOC"; "Democratic presidential candidate"). With no
 * role noun before it, the whole phrase is the title ("Norwegian Prime Minister", "Army Gen."); a
 * phrase ending in a lowercase role noun is an office ("Foreign Office spokesperson"). Courtesy
 * titles and phrases that name no role ("Crapo and") give nulls.
 */
export function readPreNameRole(phrase: string): SpeakerRoles {
  const words = phrase
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '' && !COURTESY_TITLES.has(keyOf(word)))
  if (words.length === 0) return { title: null, office: null }
  const titleFrom = trailingTitleStart(words)
  if (titleFrom < words.length) {
    // "Pentagon spokesman Navy Capt.": what follows the office's last role noun qualifies the
    // title ("Navy Capt.").
    const head = words.slice(0, titleFrom).findLastIndex((word) => isRoleHead(word) && !ORGANIZATION_WORDS.has(keyOf(word)))
    if (head === -1) return { title: asTitle(words), office: null }
    return { title: asTitle(words.slice(head + 1)), office: asOffice(words.slice(0, head + 1)) }
  }
  if (isRoleHead(words[words.length - 1] ?? '')) return { title: null, office: asOffice(words) }
  return { title: null, office: null }
}

/**
 * The title and the office to show for a speaker, from every one the text gives (see
 * {@link chooseTitle} and {@link chooseOffice}). An office that only repeats the title ("Florida
 * Gov." and "former Florida governor") is left out.
 */
export function chooseRoles(titles: readonly string[], offices: readonly string[]): SpeakerRoles {
  const title = chooseTitle(titles)
  const office = chooseOffice(offices)
  const bare = office?.replace(/^(?:the|a|an)\s+/iu, '') ?? ''
  const isRepeat = title !== null && office !== null && (isSameTitle(title, bare) || isTitleTail(title, bare))
  return { title, office: isRepeat ? null : office }
}

/**
 * The title to show among those the text gives a speaker. Titles that are one title count
 * together: a title and its abbreviation ("Lieutenant General", "Lt Gen") and a shorter form of
 * it ("Gen"). The title used most wins, then the longer; it is shown in its most specific form
 * (most words), as the text writes it most, then the shorter. Null when there is none.
 */
export function chooseTitle(titles: readonly string[]): string | null {
  const groups: string[][] = []
  for (const title of titles) {
    const group = groups.find((forms) =>
      forms.some((form) => isSameTitle(form, title) || isTitleTail(form, title) || isTitleTail(title, form)),
    )
    if (group === undefined) groups.push([title])
    else group.push(title)
  }
  const wordsOf = (title: string) => title.split(/\s+/u).length
  const mostWords = (forms: readonly string[]) => Math.max(...forms.map(wordsOf))
  const best = groups.reduce<string[] | null>(
    (chosen, forms) =>
      chosen === null || forms.length > chosen.length || (forms.length === chosen.length && mostWords(forms) > mostWords(chosen))
        ? forms
        : chosen,
    null,
  )
  if (best === null) return null
  const count = (form: string) => best.filter((other) => other === form).length
  const specific = [...new Set(best)].filter((form) => wordsOf(form) === mostWords(best))
  return specific.sort((a, b) => count(b) - count(a) || a.length - b.length)[0] ?? null
}

/**
 * The office to show among those the text gives a speaker: the longest (the most specific), up to
 * twelve words, the first seen on a tie; else the shortest of the longer ones. Null when there is none.
 */
export function chooseOffice(offices: readonly string[]): string | null {
  const wordsOf = (office: string) => office.split(/\s+/u).length
  const fitting = offices.filter((office) => wordsOf(office) <= MAX_OFFICE_WORDS)
  if (fitting.length === 0) return offices.reduce<string | null>((best, o) => (best === null || o.length < best.length ? o : best), null)
  return fitting.reduce((best, office) => (wordsOf(office) > wordsOf(best) ? office : best))
}

/**
 * An appositive or role nominal given beside a name ("a Republican strategist"), cleaned for
 * display: one line, no stray punctuation, and a phrase cut short at an abbreviation ("the campaign
 * manager for Mr") without its broken ending. Null when nothing is left.
 */
export function readAppositiveRole(phrase: string): string | null {
  let office = phrase
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,;:(]+|[\s,;:(]+$/gu, '')
    .trim()
  if (CUT_SHORT.test(office)) {
    const words = office.split(' ')
    office = words
      .slice(
        0,
        Math.max(
          words.findLastIndex((word) => PREPOSITION.test(word)),
          0,
        ),
      )
      .join(' ')
  }
  return office === '' ? null : office
}

/** The title and office together ("Lt Gen Director-General of JOC"), for matching a question's role words; '' when none. */
export function roleWordsOf(speaker: { title?: string | null; role: string | null }): string {
  return [speaker.title ?? '', speaker.role ?? ''].filter((part) => part !== '').join(' ')
}

/** The line that names a speaker everywhere: the title before the name, the office after a comma. */
export function speakerDisplay(speaker: { name: string; title?: string | null; role: string | null }): string {
  const titled = speaker.title == null || speaker.title === '' ? speaker.name : `${speaker.title} ${speaker.name}`
  return speaker.role === null || speaker.role === '' ? titled : `${titled}, ${speaker.role}`
}

// The index where the trailing run of titles starts (`words.length`: none): capitalised ranks,
// personal and office titles ("Sen.", "Dr", not "president" or "professor", which describe), and
// the modifiers before them ("retired", "Lt").
function trailingTitleStart(words: readonly string[]): number {
  let from = words.length
  while (from > 0) {
    const i = from - 1
    const word = words[i] ?? ''
    const key = keyOf(word)
    const isRunEmpty = from === words.length
    const before = i > 0 ? keyOf(words[i - 1] ?? '') : null
    const isCapitalised = /^\p{Lu}/u.test(word)
    const isRank =
      isCapitalised &&
      PERSONAL_TITLES.has(key) &&
      (!POSTPOSITIVE_RANKS.has(key) || before === null || PERSONAL_TITLES.has(before) || TITLE_MODIFIERS.has(before))
    const isOfficeTitle = isCapitalised && OFFICE_TITLES.has(key)
    if (isRank || isOfficeTitle || (!isRunEmpty && TITLE_MODIFIERS.has(key))) from = i
    else break
  }
  return from
}

// "Gen" is the tail of "Lt Gen", "President" of "Vice President": the shorter title's words end the
// longer's (or abbreviate them).
function isTitleTail(short: string, long: string): boolean {
  const shortWords = short.split(/\s+/u)
  const longWords = long.split(/\s+/u)
  if (shortWords.length >= longWords.length) return false
  return isSameTitle(short, longWords.slice(-shortWords.length).join(' '))
}

// A title as shown: "Former" opening a sentence is still "former" before a name.
function asTitle(words: readonly string[]): string {
  const title = words.join(' ')
  return title.replace(/^Former\b/u, 'former')
}

// An office phrase as shown. A capitalised office after an organisation written with its acronym
// reads "Office of ACRONYM" ("Joint Operations Command (JOC) Director-General" →
// "Director-General of JOC"), as the article itself goes on to name it.
function asOffice(words: readonly string[]): string {
  const office = words.join(' ')
  const withAcronym = /^.*\((\p{Lu}[\p{Lu}&.-]*\p{Lu})\)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)$/u.exec(office)
  return withAcronym === null ? office : `${withAcronym[2]} of ${withAcronym[1]}`
}

function isRoleHead(word: string): boolean {
  const key = keyOf(word)
  if (TITLE_MODIFIERS.has(key)) return false
  if (ROLE_NOUNS.has(key) || OFFICE_TITLES.has(key) || PERSONAL_TITLES.has(key)) return true
  return AGENT_NOUN.test(key) && !NOT_AGENT_NOUN.test(key)
}

// Two titles are one when word for word each is the other or its abbreviation ("Lt" of "Lieutenant").
function isSameTitle(a: string, b: string): boolean {
  const left = a.split(/\s+/u).map(keyOf)
  const right = b.split(/\s+/u).map(keyOf)
  return (
    left.length === right.length &&
    left.every((word, i) => isAbbreviationOf(word, right[i] ?? '') || isAbbreviationOf(right[i] ?? '', word))
  )
}

// "lt" of "lieutenant", "sgt" of "sergeant": same first letter, the letters in order.
function isAbbreviationOf(short: string, long: string): boolean {
  if (short === long) return true
  if (short.length === 0 || short.length >= long.length || short[0] !== long[0]) return false
  let at = 0
  for (const letter of long) if (letter === short[at]) at++
  return at === short.length
}

function keyOf(word: string): string {
  return word.toLowerCase().replace(/[.,]+$/u, '')
}
