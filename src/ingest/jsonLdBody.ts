import { normalizeSpace } from './dom.js'

// A page's JSON-LD `articleBody` checked against the body found in its markup. Publishers fill
// it from the same source as the page, so where both exist and agree, a paragraph of the markup
// that the JSON-LD body lacks is furniture; but it is often cut short (a teaser for a paywall),
// flattened into one line or left with HTML, so it is never trusted on its own when the markup
// has the article.

/** The words shared by runs of four (the shingles the benchmark scores on). */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_\p{M}]+/gu) ?? []
  const set = new Set<string>()
  for (let i = 0; i + 4 <= words.length; i++) set.add(words.slice(i, i + 4).join(' '))
  return set
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_\p{M}]+/gu) ?? []
}

/** The JSON-LD body as paragraphs: tags removed, split at line breaks. */
export function jsonLdParagraphs(body: string): string[] {
  const text = body
    .replace(/<\/(?:p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
  return text
    .split(/\n+/)
    .map(normalizeSpace)
    .filter((line) => line !== '')
}

/** How the markup's paragraphs and the JSON-LD body compare. */
export type JsonLdComparison = {
  /** Share of the JSON-LD body's shingles found in the markup's paragraphs. */
  coverage: number
  /** The markup's paragraphs that the JSON-LD body does not contain. */
  unsupported: number[]
}

/** Compares the markup's paragraphs with the JSON-LD body. */
export function compareWithJsonLd(paragraphs: readonly string[], jsonLdBody: string): JsonLdComparison {
  const reference = shingles(jsonLdBody)
  const referenceWords = new Set(wordsOf(jsonLdBody))
  const unsupported: number[] = []
  paragraphs.forEach((paragraph, index) => {
    const own = shingles(paragraph)
    let shared = 0
    for (const shingle of own) if (reference.has(shingle)) shared++
    // Lines of under four words have no shingle: judge them by their words.
    const isSupported = own.size > 0 ? shared / own.size >= 0.5 : wordsOf(paragraph).every((word) => referenceWords.has(word))
    if (!isSupported) unsupported.push(index)
  })
  // Coverage is measured on the markup's text run together, as the JSON-LD body often runs its paragraphs together.
  const markup = shingles(paragraphs.join(' '))
  let found = 0
  for (const shingle of reference) if (markup.has(shingle)) found++
  return { coverage: reference.size === 0 ? 0 : found / reference.size, unsupported }
}

/**
 * The markup's paragraphs, refined by the JSON-LD body when the two agree (the markup holds at
 * least 90% of the JSON-LD body, and the JSON-LD body at least half of the markup's text):
 * paragraphs the JSON-LD body lacks are dropped. Otherwise the paragraphs are returned unchanged.
 */
export function refineWithJsonLd(paragraphs: readonly string[], jsonLdBody: string | null): string[] {
  if (jsonLdBody === null || paragraphs.length === 0) return [...paragraphs]
  const { coverage, unsupported } = compareWithJsonLd(paragraphs, jsonLdBody)
  if (coverage < 0.9) return [...paragraphs]
  const drop = new Set(unsupported)
  const kept = paragraphs.filter((_, index) => !drop.has(index))
  const keptWords = kept.reduce((sum, paragraph) => sum + wordsOf(paragraph).length, 0)
  const allWords = paragraphs.reduce((sum, paragraph) => sum + wordsOf(paragraph).length, 0)
  return keptWords >= allWords * 0.5 ? kept : [...paragraphs]
}
