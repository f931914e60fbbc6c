import { findDates } from '../text/dates.js'
import { splitSentences } from '../text/sentences.js'
import { termOf, tokenize } from '../text/tokens.js'

/**
 * What the re-ranker reads about one paragraph, computed once at index time so a question costs
 * no tokenising of candidates. Plain arrays and strings, so a snapshot can store it as JSON.
 */
export type PassageProfile = {
  /** The search term of every word in order; `''` for a stop word (it still takes a position). */
  terms: string[]
  /** Every word folded (lowercase, no accents), aligned with `terms`, for exact-form matches. */
  words: string[]
  /** One {@link TokenShape} letter per word, aligned with `terms`. */
  shapes: string
  /** Index into `terms` where each sentence starts; the first is always 0. */
  sentenceStarts: number[]
}

/**
 * The shape of a word, for answer-type signals: `d` part of a date (as text/dates.ts finds them:
 * "October 19", "in 2020", "on Thursday"), `n` another number (digits or a number word), `P` a
 * capitalised word after a place preposition ("in Bergen"), `C` another capitalised word inside a
 * sentence, `S` a capitalised sentence-initial word, `w` anything else.
 */
export type TokenShape = 'd' | 'n' | 'P' | 'C' | 'S' | 'w'

export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'dozen',
  'dozens',
  'half',
  'percent',
])

/** Prepositions after which a capitalised word is most likely a place. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'at',
  'from',
  'near',
  'to',
  'into',
  'across',
  'outside',
  'inside',
  'throughout',
  'around',
  'towards',
  'toward',
])

const HAS_DIGIT = /\p{N}/u
const CAPITALISED = /^\p{Lu}/u

/** Profiles a paragraph for the re-ranker. */
export function profilePassage(text: string): PassageProfile {
  const tokens = tokenize(text)
  const sentences = splitSentences(text)
  const terms: string[] = []
  const words: string[] = []
  let shapes = ''
  const sentenceStarts: number[] = []
  let sentence = 0
  let previous = ''
  const dates = findDates(text)
  let date = 0
  tokens.forEach((token, i) => {
    let isSentenceStart = i === 0
    while (sentence < sentences.length && token.start >= (sentences[sentence]?.start ?? Infinity)) {
      sentenceStarts.push(i)
      sentence++
      isSentenceStart = true
    }
    terms.push(termOf(token.text) ?? '')
    words.push(token.folded)
    while ((dates[date]?.end ?? Infinity) <= token.start) date++
    const isDate = (dates[date]?.start ?? Infinity) <= token.start
    shapes += shapeOf(token.text, token.folded, previous, isSentenceStart, isDate)
    previous = token.folded
  })
  if (sentenceStarts[0] !== 0) sentenceStarts.unshift(0)
  return { terms, words, shapes, sentenceStarts: [...new Set(sentenceStarts)] }
}

function shapeOf(word: string, folded: string, previous: string, isSentenceStart: boolean, isDate: boolean): TokenShape {
  if (isDate) return 'd'
  if (HAS_DIGIT.test(folded) || NUMBER_WORDS.has(folded)) return 'n'
  if (!CAPITALISED.test(word)) return 'w'
  if (isSentenceStart) return 'S'
  return PLACE_PREPOSITIONS.has(previous) ? 'P' : 'C'
}
