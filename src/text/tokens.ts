import { stemmer } from 'stemmer'

/**
 * English stop words: the list of npm `stopword` 3.1.5 (`eng`), kept here as data because the
 * package ships no types, plus the forms of "say" and "tell" beside its "said". The retrieval
 * bench measured it with Porter stems (+5–7 points R@1 on SQuAD over MiniSearch's defaults).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'about after all also am an and another any are as at be because been before being between both ' +
    'but by came can come could did do each for from get got has had he have her here him himself his ' +
    'how if in into is it like make many me might more most much must my never now of on only or other ' +
    'our out over said same should since some still such take than that the their them then there ' +
    'these they this those through to too under up very was way we well were what where which while ' +
    'who with would you your a i ' +
    // The speech-verb forms the list lacks beside its "said": a question asks what someone
    // said in any of them, and passages quote people in all of them.
    'say says saying tell tells told'
  ).split(' '),
)

/** One word of a text, with its offsets into that text. */
export type Token = {
  /** The word as written. */
  text: string
  /** Case-, accent- and apostrophe-folded form. */
  folded: string
  start: number
  end: number
}

// A word is a run of letters or digits, joined by inner apostrophes, or dots and commas between
// digits ("Norway’s", "2.5", "10,000"). Hyphens split words, so "long-term" and "long
// term" meet on "term". Unicode-aware so Urdu, Pashto or accented names are words too.
const WORD = /[\p{L}\p{N}]+(?:(?:['’‘]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu
const COMBINING_MARKS = /\p{M}+/gu
const CURLY_APOSTROPHES = /[’‘ʼ`´]/g

/**
 * Folds a word for matching: lowercase, accents removed (NFD minus combining marks), curly
 * apostrophes made straight, and a trailing possessive `'s` dropped ("Norway’s" → "norway").
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(CURLY_APOSTROPHES, "'")
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(/'$/, '')
}

/** Splits text into words with offsets; punctuation and white space are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    tokens.push({ text: match[0], folded: foldWord(match[0]), start, end: start + match[0].length })
  }
  return tokens
}

/**
 * The search term for one word: folded, then Porter-stemmed; null for a stop word or an empty
 * result. Index and queries both go through this, so they always agree.
 */
export function termOf(word: string): string | null {
  const cached = TERM_CACHE.get(word)
  if (cached !== undefined) return cached
  const folded = foldWord(word)
  const term = folded.length === 0 || STOP_WORDS.has(folded) ? null : stemmer(folded)
  // A pure function's memo: news vocabulary is small next to its word count, and stemming costs
  // ~10 µs a word, which dominated index builds and query latency. Cleared when full so hostile
  // input cannot grow it without bound.
  if (TERM_CACHE.size >= MAX_CACHED_TERMS) TERM_CACHE.clear()
  TERM_CACHE.set(word, term)
  return term
}

const MAX_CACHED_TERMS = 200_000
const TERM_CACHE = new Map<string, string | null>()

/** Every search term of a text, in order, stop words removed. */
export function termsOf(text: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(text)) {
    const term = termOf(token.text)
    if (term !== null) terms.push(term)
  }
  return terms
}
