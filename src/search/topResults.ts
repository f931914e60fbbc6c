import type MiniSearch from 'minisearch'
import type { SearchOptions, SearchResult } from 'minisearch'
import { internalsOf, type MiniSearchInternals } from './miniSearchInternals.js'

// MiniSearch's `search` makes a result object for every matching document and sorts them all;
// on 100,000 paragraphs an OR query of a question matches up to ~25,000, when the re-ranker reads
// 40. `searchTop` returns exactly `search(query, options).slice(0, limit)` (the same documents,
// scores, terms and order, ties included) but makes and orders only the best `limit`.
//
// For the common query (an OR of exact terms, as a question is searched) it also scores the
// postings itself, in typed arrays, with MiniSearch's BM25 formula evaluated in the same order so
// every score is the same floating-point number; other queries (prefix, fuzzy, AND, boosts by
// term or document) are scored by MiniSearch's own private `executeQuery`. Both read MiniSearch's
// internal fields, checked first: a MiniSearch without them falls back to `search` itself,
// slower but never different.

// The fields read here (types in miniSearchInternals.ts); `executeQuery` and `_index` are checked
// before use, the rest only when scoring an OR query.
type Internals = Omit<MiniSearchInternals, 'executeQuery' | '_index'> & Partial<Pick<MiniSearchInternals, 'executeQuery' | '_index'>>

/** The scored matches in MiniSearch's result order, made into results only when wanted. */
type Scored = { scores: readonly number[]; result: (position: number) => SearchResult }

/** The best `limit` results of `search.search(query, options)`, in its order. */
export function searchTop<T>(search: MiniSearch<T>, query: string, options: SearchOptions, limit: number): SearchResult[] {
  const internals = internalsOf(search) as Internals
  if (
    typeof internals.executeQuery !== 'function' ||
    !(internals._documentIds instanceof Map) ||
    !(internals._storedFields instanceof Map)
  ) {
    return search.search(query, options).slice(0, limit)
  }
  const merged: SearchOptions = { ...internals._options.searchOptions, ...options }
  const matches = isPlainOrQuery(internals, merged)
    ? scoreOrQuery(internals, query, merged)
    : scoreWithMiniSearch(internals, search, query, options)
  const { filter } = merged
  // The best so far, best first; among equal scores the earlier match first, as a stable sort leaves them.
  const best: SearchResult[] = []
  matches.scores.forEach((score, position) => {
    if (limit <= 0 || (best.length >= limit && score <= (best[limit - 1]?.score ?? Infinity))) return
    const made = matches.result(position)
    if (filter !== undefined && !filter(made)) return
    let at = best.length
    while (at > 0 && (best[at - 1]?.score ?? Infinity) < score) at--
    best.splice(at, 0, made)
    if (best.length > limit) best.pop()
  })
  return best
}

function scoreWithMiniSearch<T>(internals: Internals, search: MiniSearch<T>, query: string, options: SearchOptions): Scored {
  const raw = [...(internals.executeQuery as NonNullable<Internals['executeQuery']>).call(search, query, options)]
  // As `search` scores: a document matching more of the query's terms counts more.
  const scores = raw.map(([, { score, terms }]) => score * (terms.length || 1))
  return {
    scores,
    result: (position) => {
      const [shortId, { terms, match }] = raw[position] as [number, { terms: string[]; match: Record<string, string[]> }]
      return resultOf(internals, shortId, scores[position] ?? 0, terms, match)
    },
  }
}

// Whether `scoreOrQuery` scores this query exactly as MiniSearch would.
function isPlainOrQuery(internals: Internals, options: SearchOptions): boolean {
  const isShaped =
    typeof internals._index?.get === 'function' &&
    internals._fieldLength instanceof Map &&
    Array.isArray(internals._avgFieldLength) &&
    typeof internals._documentCount === 'number' &&
    typeof internals._nextId === 'number' &&
    typeof internals._options.tokenize === 'function' &&
    typeof internals._options.processTerm === 'function'
  return (
    isShaped &&
    // Discarded documents still in the postings are cleaned up by MiniSearch's own scoring.
    internals._dirtCount === 0 &&
    (options.combineWith ?? 'OR').toLowerCase() === 'or' &&
    (options.prefix ?? false) === false &&
    (options.fuzzy ?? false) === false &&
    options.boostDocument === undefined &&
    options.boostTerm === undefined
  )
}

// MiniSearch's OR query over exact terms, score for score: each term's score of a document is
// the sum over fields (in field order) of boost × BM25, and a document's score the sum of its
// terms' scores in query order (a repeated term counts each time); documents come in the order
// MiniSearch's result map holds them (by term, then field, then posting).
function scoreOrQuery(internals: Internals, query: string, options: SearchOptions): Scored {
  const tokenize = options.tokenize ?? internals._options.tokenize
  const processTerm = options.processTerm ?? internals._options.processTerm
  const terms = tokenize(query)
    .flatMap((token) => processTerm(token))
    .filter((term): term is string => typeof term === 'string' && term !== '')
  const fields = (options.fields ?? internals._options.fields).map((field) => ({
    name: field,
    id: internals._fieldIds[field] ?? -1,
    boost: (Object.hasOwn(options.boost ?? {}, field) ? options.boost?.[field] : undefined) || 1,
  }))
  const { k, b, d } = { k: 1.2, b: 0.7, d: 0.5, ...options.bm25 }
  const size = internals._nextId
  const score = new Float64Array(size)
  const quality = new Int32Array(size)
  const isSeen = new Uint8Array(size)
  const termScore = new Float64Array(size)
  const termStamp = new Int32Array(size)
  const order: number[] = []
  const counted = new Set<string>()
  terms.forEach((term, position) => {
    const stamp = position + 1
    const isFirstOfTerm = !counted.has(term)
    counted.add(term)
    const data = internals._index?.get(term)
    if (data === undefined) return
    const termDocuments: number[] = []
    for (const field of fields) {
      const postings = data.get(field.id)
      if (postings === undefined) continue
      const idf = Math.log(1 + (internals._documentCount - postings.size + 0.5) / (postings.size + 0.5))
      const averageLength = internals._avgFieldLength[field.id] ?? 0
      for (const [shortId, frequency] of postings) {
        const length = internals._fieldLength.get(shortId)?.[field.id] ?? 0
        const weighted = field.boost * (idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength))))
        if (termStamp[shortId] === stamp) termScore[shortId] = (termScore[shortId] ?? 0) + weighted
        else {
          termStamp[shortId] = stamp
          termScore[shortId] = weighted
          termDocuments.push(shortId)
        }
      }
    }
    for (const shortId of termDocuments) {
      if (isSeen[shortId] === 0) {
        isSeen[shortId] = 1
        score[shortId] = termScore[shortId] ?? 0
        order.push(shortId)
      } else score[shortId] = (score[shortId] ?? 0) + (termScore[shortId] ?? 0)
      if (isFirstOfTerm) quality[shortId] = (quality[shortId] ?? 0) + 1
    }
  })
  const scores = order.map((shortId) => (score[shortId] ?? 0) * ((quality[shortId] ?? 0) || 1))
  return { scores, result: (position) => orResultOf(internals, order[position] ?? 0, scores[position] ?? 0, terms, fields) }
}

// The result MiniSearch makes for a document of an OR query: its matched terms in query order,
// each with the fields (in field order) that hold it.
function orResultOf(
  internals: Internals,
  shortId: number,
  score: number,
  terms: readonly string[],
  fields: ReadonlyArray<{ name: string; id: number }>,
): SearchResult {
  const match: Record<string, string[]> = {}
  const matched: string[] = []
  for (const term of terms) {
    const data = internals._index?.get(term)
    const holding = fields.filter((field) => data?.get(field.id)?.has(shortId) === true).map((field) => field.name)
    if (holding.length === 0) continue
    match[term] = holding
    if (!matched.includes(term)) matched.push(term)
  }
  return resultOf(internals, shortId, score, matched, match)
}

function resultOf(internals: Internals, shortId: number, score: number, terms: string[], match: Record<string, string[]>): SearchResult {
  const result: SearchResult = { id: internals._documentIds.get(shortId), score, terms: Object.keys(match), queryTerms: terms, match }
  return Object.assign(result, internals._storedFields.get(shortId))
}

/** One query word and the terms that may stand in for it, each with the share of its weight it carries. */
export type TermGroup = ReadonlyArray<{ term: string; weight: number }>

/**
 * The best `limit` documents for an OR query of term groups: a document's score for a group is
 * the best weighted BM25 score of the group's terms in it (so a synonym counts only where the
 * word itself is missing, and never more than its weight allows), and, as MiniSearch's OR query,
 * the sum over groups times the groups matched (each counted by the weight of its best term).
 * With every group a single term of weight 1 this is `searchTop` of those terms, score for score.
 * Falls back to `searchTop` of each group's first term when MiniSearch lacks the internals.
 */
export function searchTopGroups<T>(
  search: MiniSearch<T>,
  groups: readonly TermGroup[],
  options: SearchOptions,
  limit: number,
): SearchResult[] {
  const internals = search as unknown as Internals
  const merged: SearchOptions = { ...internals._options?.searchOptions, ...options }
  if (!isPlainOrQuery(internals, merged) || !(internals._documentIds instanceof Map)) {
    const query = groups.map((group) => group[0]?.term ?? '').join(' ')
    return searchTop(search, query, { ...options, tokenize: (text) => text.split(' '), processTerm: (term) => term || null }, limit)
  }
  const fields = (merged.fields ?? internals._options.fields).map((field) => ({
    name: field,
    id: internals._fieldIds[field] ?? -1,
    boost: (Object.hasOwn(merged.boost ?? {}, field) ? merged.boost?.[field] : undefined) || 1,
  }))
  const { k, b, d } = { k: 1.2, b: 0.7, d: 0.5, ...merged.bm25 }
  const size = internals._nextId
  const score = new Float64Array(size)
  const quality = new Float64Array(size)
  const isSeen = new Uint8Array(size)
  const groupScore = new Float64Array(size)
  const groupWeight = new Float64Array(size)
  const groupStamp = new Int32Array(size)
  // The group's first term is the reader's own word: where it matches, stand-ins add nothing.
  const wordStamp = new Int32Array(size)
  const termScore = new Float64Array(size)
  const termStamp = new Int32Array(size)
  const order: number[] = []
  const matchedTerms = new Map<number, string[]>()
  let stamp = 0
  // As MiniSearch counts a repeated query term's quality once, a repeated group counts once.
  const seenGroups = new Set<string>()
  const isRepeat = groups.map((group) => {
    const key = group.map((entry) => entry.term).join(' ')
    const seen = seenGroups.has(key)
    seenGroups.add(key)
    return seen
  })
  groups.forEach((group, position) => {
    const groupId = position + 1
    const groupDocuments: number[] = []
    for (const [rank, { term, weight }] of group.entries()) {
      const data = internals._index?.get(term)
      if (data === undefined) continue
      stamp++
      const termDocuments: number[] = []
      for (const field of fields) {
        const postings = data.get(field.id)
        if (postings === undefined) continue
        const idf = Math.log(1 + (internals._documentCount - postings.size + 0.5) / (postings.size + 0.5))
        const averageLength = internals._avgFieldLength[field.id] ?? 0
        for (const [shortId, frequency] of postings) {
          const length = internals._fieldLength.get(shortId)?.[field.id] ?? 0
          const weighted = field.boost * (idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength))))
          if (termStamp[shortId] === stamp) termScore[shortId] = (termScore[shortId] ?? 0) + weighted
          else {
            termStamp[shortId] = stamp
            termScore[shortId] = weighted
            termDocuments.push(shortId)
          }
        }
      }
      for (const shortId of termDocuments) {
        const scored = weight === 1 ? (termScore[shortId] ?? 0) : weight * (termScore[shortId] ?? 0)
        if (groupStamp[shortId] !== groupId) {
          groupStamp[shortId] = groupId
          groupScore[shortId] = scored
          groupWeight[shortId] = weight
          groupDocuments.push(shortId)
        } else if (scored > (groupScore[shortId] ?? 0) && wordStamp[shortId] !== groupId) {
          groupScore[shortId] = scored
          groupWeight[shortId] = Math.max(weight, groupWeight[shortId] ?? 0)
        }
        if (rank === 0) wordStamp[shortId] = groupId
        const terms = matchedTerms.get(shortId)
        if (terms === undefined) matchedTerms.set(shortId, [term])
        else if (!terms.includes(term)) terms.push(term)
      }
    }
    for (const shortId of groupDocuments) {
      if (isSeen[shortId] === 0) {
        isSeen[shortId] = 1
        score[shortId] = groupScore[shortId] ?? 0
        order.push(shortId)
      } else score[shortId] = (score[shortId] ?? 0) + (groupScore[shortId] ?? 0)
      if (!isRepeat[position]) quality[shortId] = (quality[shortId] ?? 0) + (groupWeight[shortId] ?? 0)
    }
  })
  const { filter } = merged
  const best: SearchResult[] = []
  for (const shortId of order) {
    const total = (score[shortId] ?? 0) * ((quality[shortId] ?? 0) || 1)
    if (limit <= 0 || (best.length >= limit && total <= (best[limit - 1]?.score ?? Infinity))) continue
    const terms = matchedTerms.get(shortId) ?? []
    const match: Record<string, string[]> = {}
    for (const term of terms) match[term] = fields.filter((field) => hasTerm(internals, term, shortId, [field])).map((field) => field.name)
    const made = resultOf(internals, shortId, total, terms, match)
    if (filter !== undefined && !filter(made)) continue
    let at = best.length
    while (at > 0 && (best[at - 1]?.score ?? Infinity) < total) at--
    best.splice(at, 0, made)
    if (best.length > limit) best.pop()
  }
  return best
}

function hasTerm(internals: Internals, term: string, shortId: number, fields: ReadonlyArray<{ id: number }>): boolean {
  const data = internals._index?.get(term)
  return fields.some((field) => data?.get(field.id)?.has(shortId) === true)
}
