import type MiniSearch from 'minisearch'
import type { SearchOptions, SearchResult } from 'minisearch'
import { internalsOf, type MiniSearchInternals, type TermData } from './miniSearchInternals.js'

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
    if (filter === undefined || filter(made)) keepAmongBest(best, made, limit)
  })
  return best
}

// Puts `made` into `best` (best first, at most `limit`) after the results of equal score, as a stable sort leaves them.
function keepAmongBest(best: SearchResult[], made: SearchResult, limit: number): void {
  let at = best.length
  while (at > 0 && (best[at - 1]?.score ?? Infinity) < made.score) at--
  best.splice(at, 0, made)
  if (best.length > limit) best.pop()
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
  const searched = terms.map((term) => ({ term, data: internals._index?.get(term) }))
  return { scores, result: (position) => orResultOf(internals, order[position] ?? 0, scores[position] ?? 0, searched, fields) }
}

/** A term of a query with its postings (undefined when the index lacks it), looked up once per query. */
type SearchedTerm = { term: string; data: TermData | undefined }

// The result MiniSearch makes for a document of an OR query: its matched terms in query order,
// each with the fields (in field order) that hold it.
function orResultOf(
  internals: Internals,
  shortId: number,
  score: number,
  searched: readonly SearchedTerm[],
  fields: ReadonlyArray<{ name: string; id: number }>,
): SearchResult {
  const match: Record<string, string[]> = {}
  const matched: string[] = []
  for (const { term, data } of searched) {
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
  const lengths = fieldLengthsOf(internals)
  const fieldCount = lengths.fieldCount
  const commonCount = Math.max(COMMON_STAND_IN_FLOOR, internals._documentCount * COMMON_STAND_IN_SHARE)
  const work = scratchFor(internals._nextId, 1 + groups.reduce((sum, group) => sum + 1 + group.length, 0))
  const { numbers, stamps, order, groupDocuments, termDocuments } = work
  const call = nextStamp(work)
  let orderCount = 0
  // The terms searched, in query order (groups, then each group's terms): a result's terms are those it holds.
  const searched: SearchedTerm[] = []
  // As MiniSearch counts a repeated query term's quality once, a repeated group counts once.
  const seenGroups = new Set<string>()
  const isRepeat = groups.map((group) => {
    const key = group.map((entry) => entry.term).join(' ')
    const isSeen = seenGroups.has(key)
    seenGroups.add(key)
    return isSeen
  })
  groups.forEach((group, position) => {
    const groupId = nextStamp(work)
    let groupCount = 0
    for (const [rank, { term, weight }] of group.entries()) {
      const data = internals._index?.get(term)
      if (data === undefined || (rank > 0 && isCommon(data, commonCount))) continue
      if (!searched.some((entry) => entry.term === term)) searched.push({ term, data })
      const stamp = nextStamp(work)
      let termCount = 0
      for (const field of fields) {
        const postings = data.get(field.id)
        if (postings === undefined) continue
        const idf = Math.log(1 + (internals._documentCount - postings.size + 0.5) / (postings.size + 0.5))
        const averageLength = internals._avgFieldLength[field.id] ?? 0
        for (const [shortId, frequency] of postings) {
          const length = lengths.values[shortId * fieldCount + field.id] as number
          const weighted = field.boost * (idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength))))
          const at = shortId * NUMBERS
          if (stamps[shortId * STAMPS + TERM] === stamp) numbers[at + TERM_SCORE] = (numbers[at + TERM_SCORE] as number) + weighted
          else {
            stamps[shortId * STAMPS + TERM] = stamp
            numbers[at + TERM_SCORE] = weighted
            termDocuments[termCount++] = shortId
          }
        }
      }
      for (let i = 0; i < termCount; i++) {
        const shortId = termDocuments[i] as number
        const at = shortId * NUMBERS
        const stampAt = shortId * STAMPS
        const scored = weight === 1 ? (numbers[at + TERM_SCORE] as number) : weight * (numbers[at + TERM_SCORE] as number)
        if (stamps[stampAt + GROUP] !== groupId) {
          stamps[stampAt + GROUP] = groupId
          numbers[at + GROUP_SCORE] = scored
          numbers[at + GROUP_WEIGHT] = weight
          groupDocuments[groupCount++] = shortId
        } else if (scored > (numbers[at + GROUP_SCORE] as number) && stamps[stampAt + WORD] !== groupId) {
          // The group's first term is the reader's own word: where it matches, stand-ins add nothing.
          numbers[at + GROUP_SCORE] = scored
          numbers[at + GROUP_WEIGHT] = Math.max(weight, numbers[at + GROUP_WEIGHT] as number)
        }
        if (rank === 0) stamps[stampAt + WORD] = groupId
      }
    }
    for (let i = 0; i < groupCount; i++) {
      const shortId = groupDocuments[i] as number
      const at = shortId * NUMBERS
      if (stamps[shortId * STAMPS + SEEN] !== call) {
        stamps[shortId * STAMPS + SEEN] = call
        numbers[at + SCORE] = numbers[at + GROUP_SCORE] as number
        numbers[at + QUALITY] = 0
        order[orderCount++] = shortId
      } else numbers[at + SCORE] = (numbers[at + SCORE] as number) + (numbers[at + GROUP_SCORE] as number)
      if (!isRepeat[position]) numbers[at + QUALITY] = (numbers[at + QUALITY] as number) + (numbers[at + GROUP_WEIGHT] as number)
    }
  })
  const { filter } = merged
  const best: SearchResult[] = []
  for (let i = 0; i < orderCount; i++) {
    const shortId = order[i] as number
    const total = (numbers[shortId * NUMBERS + SCORE] as number) * ((numbers[shortId * NUMBERS + QUALITY] as number) || 1)
    if (limit <= 0 || (best.length >= limit && total <= (best[limit - 1]?.score ?? Infinity))) continue
    const made = orResultOf(internals, shortId, total, searched, fields)
    if (filter === undefined || filter(made)) keepAmongBest(best, made, limit)
  }
  return best
}

// A stand-in held by more than 2% of the documents, and by more than 1,000 of them, brings no
// candidates: it says little (a low IDF, and a weight below the reader's word), and such
// stand-ins held a third of a question's postings at 100,000 paragraphs. An index of fewer than
// 1,000 documents (where every posting is cheap) keeps them all.
const COMMON_STAND_IN_SHARE = 0.02
const COMMON_STAND_IN_FLOOR = 1000

function isCommon(data: TermData, commonCount: number): boolean {
  let count = 0
  for (const postings of data.values()) count = Math.max(count, postings.size)
  return count > commonCount
}

/**
 * Per-document working arrays of `searchTopGroups`, kept between calls (a question at 100,000
 * paragraphs would otherwise allocate ~5 MB of them, which garbage collection then pays for).
 * A document's numbers sit side by side (and its stamps), so a posting touches one or two cache
 * lines, not nine arrays. Entries are valid only where their stamp is the current call's,
 * group's or term's, so nothing is cleared between calls; stamps only grow, and are cleared when
 * they would wrap.
 */
type Scratch = {
  size: number
  nextStamp: number
  numbers: Float64Array
  stamps: Int32Array
  /** The documents matched so far, the current group's, the current term's (each document at most once in each). */
  order: Int32Array
  groupDocuments: Int32Array
  termDocuments: Int32Array
}

// A document's numbers: its score and quality so far, its current group's score and weight, its current term's score.
const [SCORE, QUALITY, GROUP_SCORE, GROUP_WEIGHT, TERM_SCORE, NUMBERS] = [0, 1, 2, 3, 4, 5]
// A document's stamps: the call that has seen it, its current group, the group whose own word it holds, its current term.
const [SEEN, GROUP, WORD, TERM, STAMPS] = [0, 1, 2, 3, 4]

let scratch: Scratch | null = null

function scratchFor(documents: number, stampsWanted: number): Scratch {
  if (scratch === null || scratch.size < documents) {
    // Room to grow, so documents added one article at a time do not reallocate each time.
    const size = Math.max(1024, Math.ceil(documents * 1.25))
    scratch = {
      size,
      nextStamp: 1,
      numbers: new Float64Array(size * NUMBERS),
      stamps: new Int32Array(size * STAMPS),
      order: new Int32Array(size),
      groupDocuments: new Int32Array(size),
      termDocuments: new Int32Array(size),
    }
  }
  if (scratch.nextStamp + stampsWanted >= 0x7fffffff) {
    scratch.stamps.fill(0)
    scratch.nextStamp = 1
  }
  return scratch
}

function nextStamp(work: Scratch): number {
  return work.nextStamp++
}

/** Each document's length in each field, by short id, as numbers in one array (for the BM25 loop). */
type FieldLengths = { values: Float64Array; fieldCount: number; filled: number }

// By the index's `_fieldLength` map: a document's lengths never change once added (a replaced
// document gets a new short id), so the array is only extended for documents added since.
const FIELD_LENGTHS = new WeakMap<object, FieldLengths>()

function fieldLengthsOf(internals: Internals): FieldLengths {
  const fieldCount = Math.max(1, ...Object.values(internals._fieldIds).map((id) => id + 1))
  let lengths = FIELD_LENGTHS.get(internals._fieldLength)
  if (lengths === undefined || lengths.fieldCount !== fieldCount) {
    lengths = { values: new Float64Array(0), fieldCount, filled: 0 }
    FIELD_LENGTHS.set(internals._fieldLength, lengths)
  }
  const wanted = internals._nextId
  if (lengths.filled >= wanted) return lengths
  if (lengths.values.length < wanted * fieldCount) {
    const grown = new Float64Array(Math.ceil(wanted * 1.25) * fieldCount)
    grown.set(lengths.values)
    lengths.values = grown
  }
  for (let shortId = lengths.filled; shortId < wanted; shortId++) {
    const byField = internals._fieldLength.get(shortId)
    for (let field = 0; field < fieldCount; field++) lengths.values[shortId * fieldCount + field] = byField?.[field] ?? 0
  }
  lengths.filled = wanted
  return lengths
}
