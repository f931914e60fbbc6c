import type { QueryAnalysis } from './analyzeQuery.js'
import type { ExpandedQuery } from './expandQuery.js'

/**
 * One line saying how the question was matched when it was not matched as written, or null:
 * misspellings corrected (`showing results for "…"`) and words no paragraph holds, with what
 * stood in for them in the results shown (`no passage says "truce"; showing "ceasefire"`).
 * `asked` is the question as read, `searched` as corrected (see `correctQuery`), `expanded` its
 * stand-ins, `shownTerms` the terms each shown result matched, `documentFrequency` how many
 * paragraphs hold each term and `surfaceForms` how a corpus term is written.
 */
export function describeMatch(
  asked: QueryAnalysis,
  searched: QueryAnalysis,
  expanded: ExpandedQuery,
  shownTerms: ReadonlyArray<readonly string[]>,
  documentFrequency: ReadonlyMap<string, number>,
  surfaceForms: ReadonlyMap<string, string>,
): string | null {
  const lines: string[] = []
  const matched = new Set(shownTerms.flat())
  let corrected = asked.question
  let isCorrected = false
  asked.words.forEach((word, i) => {
    const correction = searched.words[i]
    // A correction is told only when a shown result holds it: the vocabulary spans every
    // server's articles, and a word no visible passage holds must not be shown to this one.
    if (correction === undefined || correction === word || !matched.has(searched.terms[i] ?? '')) return
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu'), correction)
    isCorrected = true
  })
  if (isCorrected) lines.push(`showing results for “${corrected.trim()}”`)
  const missing: string[] = []
  const instead: string[] = []
  const seen = new Set<string>()
  const isMissing = (i: number) => (documentFrequency.get(searched.terms[i] ?? '') ?? 0) === 0
  searched.terms.forEach((term, i) => {
    if (seen.has(term) || !isMissing(i)) return
    seen.add(term)
    const standIns = (expanded.standIns[i] ?? []).filter((standIn) => matched.has(standIn.term))
    if (standIns.length === 0) return
    // Words written apart that the corpus writes as one ("cease fire" → "ceasefire") are one word.
    const compound = standIns.find((standIn) => standIn.via === 'compound')
    const partner = compound === undefined ? -1 : [i - 1, i + 1].find((j) => expanded.standIns[j]?.some((s) => s.term === compound.term))
    if (compound !== undefined && partner !== undefined && partner >= 0) {
      const [first, second] = partner < i ? [partner, i] : [i, partner]
      seen.add(searched.terms[partner] ?? '')
      missing.push(`“${searched.words[first] ?? ''} ${searched.words[second] ?? ''}”`)
      addOnce(instead, `“${surfaceForms.get(compound.term) ?? compound.term}”`)
      return
    }
    missing.push(`“${searched.words[i] ?? term}”`)
    for (const standIn of standIns.slice(0, 2)) addOnce(instead, `“${surfaceForms.get(standIn.term) ?? standIn.term}”`)
  })
  if (missing.length > 0) lines.push(`no passage says ${listOf(missing, 'or')}; showing ${listOf(instead, 'and')}`)
  return lines.length === 0 ? null : lines.join('; ')
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item)
}

function listOf(items: readonly string[], conjunction: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
