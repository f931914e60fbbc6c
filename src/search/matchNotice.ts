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
  let corrected = asked.question
  let isCorrected = false
  asked.words.forEach((word, i) => {
    const correction = searched.words[i]
    if (correction === undefined || correction === word) return
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu'), correction)
    isCorrected = true
  })
  if (isCorrected) lines.push(`showing results for “${corrected.trim()}”`)
  const matched = new Set(shownTerms.flat())
  const missing: string[] = []
  const instead: string[] = []
  const seen = new Set<string>()
  searched.terms.forEach((term, i) => {
    if (seen.has(term) || (documentFrequency.get(term) ?? 0) > 0) return
    seen.add(term)
    const standIns = (expanded.standIns[i] ?? []).filter((standIn) => matched.has(standIn.term))
    if (standIns.length === 0) return
    missing.push(`“${searched.words[i] ?? term}”`)
    for (const standIn of standIns.slice(0, 2)) {
      const written = `“${surfaceForms.get(standIn.term) ?? standIn.term}”`
      if (!instead.includes(written)) instead.push(written)
    }
  })
  if (missing.length > 0) lines.push(`no passage says ${listOf(missing, 'or')}; showing ${listOf(instead, 'and')}`)
  return lines.length === 0 ? null : lines.join('; ')
}

function listOf(items: readonly string[], conjunction: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
