import { termOf, tokenize } from '../text/tokens.js'

/** A span of a text to emphasise; `start`/`end` are offsets into that text. */
export type Highlight = {
  start: number
  end: number
}

/**
 * The words of `text` whose search term is one of `terms` (as MiniSearch reports matched terms),
 * in order and never overlapping. Returns `[]` when none match. `tokenTerms`, when given, is the
 * term of every word of `text` in order (a passage profile's `terms`), which saves stemming.
 */
export function findHighlights(text: string, terms: readonly string[], tokenTerms?: readonly string[]): Highlight[] {
  if (terms.length === 0) return []
  const wanted = new Set(terms)
  const highlights: Highlight[] = []
  tokenize(text).forEach((token, i) => {
    const term = tokenTerms?.[i] ?? termOf(token.text)
    if (term !== null && wanted.has(term)) highlights.push({ start: token.start, end: token.end })
  })
  return highlights
}
