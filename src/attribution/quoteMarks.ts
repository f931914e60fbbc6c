/**
 * Quotation-mark tables and the scanner that finds quoted spans in one paragraph. Apostrophes
 * ("Norway’s", "Jones'", "'90s") are never taken for quote marks.
 */

/** Marks that open a double quotation. The straight `"` both opens and closes. */
export const OPEN_DOUBLE_MARKS: ReadonlySet<string> = new Set(['“', '„', '«', '‟'])
/** Marks that close a double quotation. */
export const CLOSE_DOUBLE_MARKS: ReadonlySet<string> = new Set(['”', '»'])
/** Marks that open a single quotation (only used when a paragraph has no double marks). */
export const OPEN_SINGLE_MARKS: ReadonlySet<string> = new Set(['‘', "'", '‚', '‹'])
/** Marks that close a single quotation. */
export const CLOSE_SINGLE_MARKS: ReadonlySet<string> = new Set(['’', "'", '›'])
/** Every character that may be a quotation mark, for trimming. */
export const QUOTE_MARKS: ReadonlySet<string> = new Set([
  ...OPEN_DOUBLE_MARKS,
  ...CLOSE_DOUBLE_MARKS,
  ...OPEN_SINGLE_MARKS,
  ...CLOSE_SINGLE_MARKS,
  '"',
])

/**
 * One quoted span of a paragraph. `start`/`end` bound the words inside the marks (white space
 * trimmed); `open`/`close` are the marks' offsets, `close` is -1 when the paragraph ends before
 * the quotation closes (a quote that runs on into the next paragraph).
 */
export type QuoteSpan = {
  open: number
  close: number
  start: number
  end: number
  /** Offset just past the closing mark (a doubled `''` is two characters), or the paragraph's length. */
  after: number
}

const LETTER = /[\p{L}\p{N}]/u
const SPACE_OR_OPENER = /[\s([{\u2014\u2013\-/]/u

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch)
}

function makeSpan(text: string, open: number, close: number): QuoteSpan | null {
  let start = open + markWidth(text, open)
  let end = close < 0 ? text.length : close
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--
  const after = close < 0 ? text.length : close + markWidth(text, close)
  return end > start ? { open, close, start, end, after } : null
}

// Some newspapers write a double quotation mark as two apostrophes (''like this''): one mark.
function isDoubledApostrophe(text: string, i: number): boolean {
  return text[i] === "'" && text[i + 1] === "'" && text[i + 2] !== "'"
}

function markWidth(text: string, i: number): number {
  return isDoubledApostrophe(text, i) ? 2 : 1
}

/**
 * Finds the double-quoted spans of a paragraph, in order. Curly marks pair up; a straight `"`
 * opens when it stands before a word and closes after one, and so does a doubled apostrophe
 * (`''`, as some newspapers print it). A quotation still open at the end of
 * the paragraph runs to its end (`close: -1`). Single marks count only in a paragraph without
 * double marks, and only as a matched pair around at least two words.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  let open = -1
  let hasDouble = false
  for (let i = 0; i < text.length; i++) {
    const isDoubled = isDoubledApostrophe(text, i)
    const ch = isDoubled ? '"' : (text[i] as string)
    const before = text[i - 1]
    const after = text[i + (isDoubled ? 2 : 1)]
    if (OPEN_DOUBLE_MARKS.has(ch)) {
      hasDouble = true
      // A second opener while one is open: the first never closed, so end it here rather than
      // let it swallow the rest of the paragraph.
      if (open >= 0) pushSpan(spans, makeSpan(text, open, i))
      open = i
    } else if (CLOSE_DOUBLE_MARKS.has(ch)) {
      hasDouble = true
      if (open >= 0) {
        pushSpan(spans, makeSpan(text, open, i))
        open = -1
      }
    } else if (ch === '"') {
      hasDouble = true
      const looksOpening = (before === undefined || SPACE_OR_OPENER.test(before)) && !isSpace(after)
      const looksClosing = !isSpace(before) && (after === undefined || !LETTER.test(after))
      if (open < 0) {
        if (looksOpening || !looksClosing) open = i
      } else if (looksOpening && !looksClosing && i > open + 1 && isSpace(before)) {
        // `"A, he said. "B"`: a fresh opener after white space; the earlier one never closed.
        pushSpan(spans, makeSpan(text, open, i))
        open = i
      } else {
        pushSpan(spans, makeSpan(text, open, i))
        open = -1
      }
      if (isDoubled) i++
    }
  }
  if (open >= 0) pushSpan(spans, makeSpan(text, open, -1))
  return hasDouble ? spans : findSingleQuoteSpans(text)
}

function pushSpan(spans: QuoteSpan[], span: QuoteSpan | null): void {
  if (span !== null) spans.push(span)
}

function findSingleQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  let open = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    const before = text[i - 1]
    const after = text[i + 1]
    const canOpen =
      OPEN_SINGLE_MARKS.has(ch) && (before === undefined || SPACE_OR_OPENER.test(before)) && after !== undefined && /\p{L}/u.test(after)
    const canClose = CLOSE_SINGLE_MARKS.has(ch) && before !== undefined && !isSpace(before) && (after === undefined || !LETTER.test(after))
    if (open < 0 && canOpen) open = i
    else if (open >= 0 && canClose) {
      const span = makeSpan(text, open, i)
      // "Jones' book" or "rock 'n' roll" close a one-word "quote": treat them as apostrophes.
      if (span !== null && /\s/u.test(text.slice(span.start, span.end))) {
        spans.push(span)
        open = -1
      }
    }
  }
  return spans
}
