import type { QuoteKind } from './quote.js'
import type { QuoteSpan } from './quoteMarks.js'
import { SPEECH_VERBS } from './speechVerbs.js'

// How far back from a quotation's opening mark its shape is read: enough for the patterns below,
// and short, so that a paragraph with thousands of quotations stays linear.
const LOOK_BACK_CHARS = 120
// A quoted title ("Tales From the Crypt") has at least two words and rarely more than eight; a
// longer run of capitalised words is a headline-style statement, not a title.
const MIN_TITLE_WORDS = 2
const MAX_TITLE_WORDS = 8
// Function words a title leaves in lowercase ("Tales From the Crypt", "Fire and Fury").
const TITLE_MINOR_WORDS = /^(of|the|a|an|and|or|to|in|on|for|at|by|from|with)$/u

/**
 * The shape of a quotation: `direct` when it stands as speech of its own (opens a sentence, or
 * follows a colon, comma or dash, or a speech verb when it starts with a capital); `partial` when
 * it is a fragment woven into a sentence ("found a “new hero” in …").
 */
export function quoteShape(text: string, span: QuoteSpan): Exclude<QuoteKind, 'indirect'> {
  const before = textBefore(text, span.open)
  if (before === '' || /[.!?:,;\u2014\u2013—]["”’)]*$/u.test(before)) return 'direct'
  const word = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase()
  if (word !== undefined && SPEECH_VERBS.has(word) && /^\p{Lu}/u.test(text.slice(span.start, span.start + 1))) return 'direct'
  return 'partial'
}

/** Two to eight words, nearly all capitalised, no sentence inside: a title, not a statement. */
export function isQuotedTitle(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w))
  if (words.length < MIN_TITLE_WORDS || words.length > MAX_TITLE_WORDS || /[.!?]\s/u.test(text)) return false
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length
  const minor = words.filter((w) => TITLE_MINOR_WORDS.test(w)).length
  return capitalised + minor === words.length && capitalised >= MIN_TITLE_WORDS
}

/** The number of words with a letter or digit in them. */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

/** Whether the quotation opens its sentence: nothing before it, or a sentence end. */
export function isSentenceInitial(text: string, span: QuoteSpan): boolean {
  const before = textBefore(text, span.open)
  return before === '' || /[.!?]["”’)]*$/u.test(before)
}

// The text just before a quotation, trimmed at the end.
function textBefore(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - LOOK_BACK_CHARS), offset).trimEnd()
}
