/** A sentence of a paragraph; `text === paragraph.slice(start, end)`. */
export type Sentence = {
  text: string
  start: number
  end: number
}

/**
 * Words that end in a period without ending a sentence: titles, ranks, months and common
 * abbreviations, lowercased and without the period.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'rev',
  'hon',
  'fr',
  'sen',
  'rep',
  'gov',
  'pres',
  'atty',
  'supt',
  'det',
  'insp',
  'lt',
  'gen',
  'col',
  'maj',
  'capt',
  'cpt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'brig',
  'lieut',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'sat',
  'sun',
  'no',
  'nos',
  'vs',
  'v',
  'inc',
  'corp',
  'co',
  'ltd',
  'dept',
  'univ',
  'approx',
  'est',
  'fig',
  'vol',
  'ave',
  'blvd',
  'rd',
  'al',
  'cf',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'ph.d',
])

// A candidate end: terminal punctuation, any closing quotes or brackets, then white space.
const CANDIDATE_END = /[.!?…]+[”"’'»)\]]*(?=\s)/g
const NEXT_STARTS_SENTENCE = /^\s+[“"‘'«([]?[\p{Lu}\p{N}]/u

/**
 * Splits a paragraph into sentences. Keeps abbreviations ("Lt Gen.", "Oct. 19", "Dr."),
 * initialisms ("U.S.") and single initials ("John F. Kennedy") inside their sentence, and does
 * not split inside an open double quotation that closes later in the paragraph, so a quote stays
 * whole with its "he said". Sentences never contain the white space that separates them.
 */
export function splitSentences(paragraph: string): Sentence[] {
  const sentences: Sentence[] = []
  let start = skipSpace(paragraph, 0)
  for (const match of paragraph.matchAll(CANDIDATE_END)) {
    const end = match.index + match[0].length
    if (end <= start) continue
    if (!NEXT_STARTS_SENTENCE.test(paragraph.slice(end, end + 4))) continue
    if (match[0][0] === '.' && isAbbreviation(paragraph, match.index)) continue
    if (isInsideOpenQuote(paragraph, start, end)) continue
    sentences.push({ text: paragraph.slice(start, end), start, end })
    start = skipSpace(paragraph, end)
  }
  const tail = trimEnd(paragraph, paragraph.length)
  if (tail > start) sentences.push({ text: paragraph.slice(start, tail), start, end: tail })
  return sentences
}

function isAbbreviation(text: string, periodAt: number): boolean {
  const before = text.slice(Math.max(0, periodAt - 12), periodAt)
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]
  if (word === undefined) return false
  // A single letter ("F.") or a dotted initialism ("U.S", "a.m") never ends a sentence here;
  // a sentence ending in "U.S." is rare enough to accept the miss.
  if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true
  return ABBREVIATIONS.has(word.toLowerCase())
}

// Straight double quotes are their own closers, so count them; curly ones pair up.
function isInsideOpenQuote(text: string, from: number, at: number): boolean {
  let depth = 0
  let straight = 0
  for (let i = from; i < at; i++) {
    const c = text[i]
    if (c === '“' || c === '«') depth++
    else if ((c === '”' || c === '»') && depth > 0) depth--
    else if (c === '"') straight++
  }
  const isOpen = depth > 0 || straight % 2 === 1
  if (!isOpen) return false
  // Only hold the split when the quote really closes later in this paragraph; an unclosed
  // quote (one that runs on to the next paragraph) must not swallow the rest.
  const rest = text.slice(at)
  return depth > 0 ? /[”»]/.test(rest) : rest.includes('"')
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && /\s/.test(text[i] ?? '')) i++
  return i
}

function trimEnd(text: string, to: number): number {
  let i = to
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--
  return i
}
