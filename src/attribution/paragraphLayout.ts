import { splitSentences } from '../text/sentences.js'
import { findQuoteSpans, type QuoteSpan } from './quoteMarks.js'
import type { TaggedToken } from './taggedToken.js'
import { tagParagraph } from './tagger.js'

/** A sentence of a paragraph as a token range `[first, end)` plus its character range. */
export type SentenceRange = { start: number; end: number; first: number; endToken: number }

/**
 * Everything later steps need about one paragraph: tagged tokens, quoted spans, sentences, and
 * for each token the quoted span it lies in (-1 outside quotes, marks included in their span).
 */
export type ParagraphLayout = {
  text: string
  tokens: TaggedToken[]
  spans: QuoteSpan[]
  sentences: SentenceRange[]
  /** Per token: index into `spans`, or -1. */
  quoteOf: number[]
  /** Per token: index into `sentences`. */
  sentenceOf: number[]
  /** Per span: its first and last token (marks included), or -1 when no token lies in it. */
  spanTokens: [number, number][]
}

/** Tags a paragraph and lines up its tokens with its quotes and sentences. */
export function layOutParagraph(text: string): ParagraphLayout {
  const tokens = tagParagraph(text)
  const spans = findQuoteSpans(text)
  const sentenceChars = splitSentences(text)
  const sentences: SentenceRange[] = []
  const sentenceOf: number[] = new Array<number>(tokens.length).fill(0)
  const quoteOf: number[] = new Array<number>(tokens.length).fill(-1)
  let s = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TaggedToken
    while (s + 1 < sentenceChars.length && t.start >= (sentenceChars[s + 1] as { start: number }).start) s++
    sentenceOf[i] = s
  }
  const firstOf = new Array<number>(sentenceChars.length).fill(-1)
  const endOf = new Array<number>(sentenceChars.length).fill(0)
  for (let i = 0; i < tokens.length; i++) {
    const k = sentenceOf[i] as number
    if (firstOf[k] === -1) firstOf[k] = i
    endOf[k] = i + 1
  }
  for (let k = 0; k < sentenceChars.length; k++) {
    const c = sentenceChars[k] as { start: number; end: number }
    const first = firstOf[k] as number
    sentences.push({ start: c.start, end: c.end, first: Math.max(first, 0), endToken: first < 0 ? 0 : (endOf[k] as number) })
  }
  if (sentences.length === 0) sentences.push({ start: 0, end: text.length, first: 0, endToken: tokens.length })
  // Tokens and spans are both in order: one sweep assigns each token its span.
  const spanTokens: [number, number][] = spans.map(() => [-1, -1])
  let q = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TaggedToken
    while (q < spans.length && (spans[q] as QuoteSpan).after < t.end) q++
    const span = spans[q]
    if (span === undefined || t.start < span.open || t.end > span.after) continue
    quoteOf[i] = q
    const range = spanTokens[q] as [number, number]
    if (range[0] === -1) range[0] = i
    range[1] = i
  }
  return { text, tokens, spans, sentences, quoteOf, sentenceOf, spanTokens }
}

/** Index of the first token that starts at or after `offset`, or `tokens.length`. */
export function tokenAt(layout: ParagraphLayout, offset: number): number {
  // Binary search: tokens are in text order.
  let lo = 0
  let hi = layout.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((layout.tokens[mid] as TaggedToken).start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Does token `k` end a clause? A full stop does unless it closes an abbreviation ("R-Ky., said"). */
export function isClauseEnd(tokens: readonly TaggedToken[], k: number): boolean {
  const t = tokens[k] as TaggedToken
  if (/^[!?;]$/u.test(t.text)) return true
  if (t.text !== '.') return false
  const next = tokens[k + 1]
  return next === undefined || (next.text !== ',' && next.text !== ')' && !/^\p{Ll}/u.test(next.text))
}
