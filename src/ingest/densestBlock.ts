import { type DomDocument, type DomElement, normalizeSpace, tagOf } from './dom.js'

// The second method, for pages Readability reads wrong: the element whose own paragraphs hold
// the most prose. It knows nothing of scores or class names, so it fails differently.

/** Paragraph-like elements whose text counts as prose. */
const PROSE_SELECTOR = 'p, pre, blockquote, h2, h3, h4, li'

/** A paragraph shorter than this (in characters) is not counted as prose: labels, buttons, captions. */
const MIN_PROSE_CHARS = 60

/**
 * The element whose child paragraphs hold the most text (paragraphs of at least
 * {@link MIN_PROSE_CHARS} characters, outside links), or null when the page has none.
 */
export function densestBlock(document: DomDocument): DomElement | null {
  const root = document.body
  if (root === null) return null
  const totals = new Map<DomElement, number>()
  for (const paragraph of Array.from(root.querySelectorAll(PROSE_SELECTOR))) {
    const parent = paragraph.parentElement
    if (parent === null || tagOf(paragraph) === 'li') continue
    const length = normalizeSpace(paragraph.textContent ?? '').length - linkedLength(paragraph)
    if (length < MIN_PROSE_CHARS) continue
    totals.set(parent, (totals.get(parent) ?? 0) + length)
  }
  let best: DomElement | null = null
  let bestTotal = 0
  for (const [element, total] of totals) {
    if (total > bestTotal) {
      best = element
      bestTotal = total
    }
  }
  return best
}

function linkedLength(element: DomElement): number {
  let length = 0
  for (const link of Array.from(element.querySelectorAll('a'))) length += normalizeSpace(link.textContent ?? '').length
  return length
}
