import { deserialize, serialize } from 'node:v8'
import MiniSearch, { type Options } from 'minisearch'
import { internalsOf, type MiniSearchInternals, type TermData } from './miniSearchInternals.js'

// A MiniSearch index as snapshot bytes that load in a fraction of `loadJS`'s time and in slices.
// `MiniSearch.loadJS` parses JSON objects and converts every posting list back into a Map; here
// the index's own posting Maps go through `v8.serialize`, which restores Maps as Maps. The bytes
// are split into chunks (documents, then terms with about `postingsPerChunk` postings each), so
// a caller can pause between chunks and keep its thread responsive while a large index loads.
//
// This reads MiniSearch's internal fields (the same ones its `loadJS` sets; their types are in
// miniSearchInternals.ts). It is safe because
// a snapshot is keyed by the lockfile (another MiniSearch version never reads these bytes), and
// `loadMiniSearch` checks the fields exist before writing them, so a MiniSearch that renamed them
// makes the load throw ("rebuild"), never return a broken index.

/** How a long load gives its thread back: awaited between chunks (e.g. a `setImmediate` when a time slice is used up). */
export type Pause = () => Promise<void>

/** Options for {@link saveMiniSearch}. */
export type MiniSearchStoreOptions = {
  /** About how many (term, field, document) postings each chunk holds: ~10 ms of loading each on a 2-core server. */
  postingsPerChunk: number
  /** How many documents' ids and field lengths each chunk holds. */
  documentsPerChunk: number
}

export const defaultMiniSearchStoreOptions: MiniSearchStoreOptions = { postingsPerChunk: 30_000, documentsPerChunk: 10_000 }

// What MiniSearch keeps per index, as its loadJS and toJSON read and write it.
type MiniSearchState = Pick<
  MiniSearchInternals,
  | '_documentCount'
  | '_nextId'
  | '_fieldIds'
  | '_avgFieldLength'
  | '_dirtCount'
  | '_documentIds'
  | '_idToShortId'
  | '_fieldLength'
  | '_storedFields'
  | '_index'
>

type Header = {
  version: typeof STORE_VERSION
  documentCount: number
  nextId: number
  fieldIds: Record<string, number>
  avgFieldLength: number[]
  dirtCount: number
  storedFields: Map<number, Record<string, unknown>>
  /** How many chunks of documents follow the header (then come the terms). */
  documentChunks: number
}

// Documents as flat arrays (a Map of 100,000 entries takes long to deserialise in one piece):
// per document its short id, its id, and its length in each field.
type DocumentChunk = { shortIds: number[]; ids: unknown[]; fieldLengths: number[] }

const STORE_VERSION = 2

/**
 * The index as chunks of bytes for {@link loadMiniSearch}: the first holds the document tables,
 * each later one a run of terms with their postings.
 */
export function saveMiniSearch<T>(search: MiniSearch<T>, options: Partial<MiniSearchStoreOptions> = {}): Uint8Array[] {
  const { postingsPerChunk, documentsPerChunk } = { ...defaultMiniSearchStoreOptions, ...options }
  const state = stateOf(search)
  const fieldCount = Object.keys(state._fieldIds).length
  const documents: Uint8Array[] = []
  let chunk: DocumentChunk = { shortIds: [], ids: [], fieldLengths: [] }
  for (const [shortId, id] of state._documentIds) {
    chunk.shortIds.push(shortId)
    chunk.ids.push(id)
    const lengths = state._fieldLength.get(shortId) ?? []
    // -1: the document has no such field (MiniSearch leaves a hole in its array).
    for (let field = 0; field < fieldCount; field++) chunk.fieldLengths.push(lengths[field] ?? -1)
    if (chunk.shortIds.length >= documentsPerChunk) {
      documents.push(serialize(chunk))
      chunk = { shortIds: [], ids: [], fieldLengths: [] }
    }
  }
  if (chunk.shortIds.length > 0) documents.push(serialize(chunk))
  const header: Header = {
    version: STORE_VERSION,
    documentCount: state._documentCount,
    nextId: state._nextId,
    fieldIds: state._fieldIds,
    avgFieldLength: state._avgFieldLength,
    dirtCount: state._dirtCount,
    storedFields: state._storedFields,
    documentChunks: documents.length,
  }
  const chunks: Uint8Array[] = [serialize(header), ...documents]
  let terms: Array<[string, TermData]> = []
  let postings = 0
  for (const [term, data] of state._index) {
    terms.push([term, data])
    for (const postingList of data.values()) postings += postingList.size + 1
    if (postings >= postingsPerChunk) {
      chunks.push(serialize(terms))
      terms = []
      postings = 0
    }
  }
  if (terms.length > 0) chunks.push(serialize(terms))
  return chunks
}

/**
 * Loads an index saved by {@link saveMiniSearch}, with the options it was built with (the
 * tokenizer and term function are code, not data), awaiting `pause` between chunks. Throws when
 * the bytes are not such an index.
 */
export async function loadMiniSearch<T>(chunks: readonly Uint8Array[], options: Options<T>, pause: Pause): Promise<MiniSearch<T>> {
  const [first, ...rest] = chunks
  if (first === undefined) throw new Error('MiniSearch store: no chunks')
  const header = deserialize(first) as Header
  if (header?.version !== STORE_VERSION || !(header.storedFields instanceof Map) || rest.length < header.documentChunks) {
    throw new Error('MiniSearch store: not a saved index of this version')
  }
  const search = new MiniSearch<T>(options)
  const state = stateOf(search)
  state._documentCount = header.documentCount
  state._nextId = header.nextId
  state._fieldIds = header.fieldIds
  state._avgFieldLength = header.avgFieldLength
  state._dirtCount = header.dirtCount
  state._storedFields = header.storedFields
  const fieldCount = Object.keys(header.fieldIds).length
  for (const bytes of rest.slice(0, header.documentChunks)) {
    await pause()
    const chunk = deserialize(bytes) as DocumentChunk
    if (!Array.isArray(chunk?.shortIds) || !Array.isArray(chunk.fieldLengths))
      throw new Error('MiniSearch store: a document chunk is malformed')
    chunk.shortIds.forEach((shortId, i) => {
      const id = chunk.ids[i]
      state._documentIds.set(shortId, id)
      state._idToShortId.set(id, shortId)
      const lengths: number[] = []
      for (let field = 0; field < fieldCount; field++) {
        const length = chunk.fieldLengths[i * fieldCount + field] ?? -1
        if (length >= 0) lengths[field] = length
      }
      state._fieldLength.set(shortId, lengths)
    })
  }
  for (const bytes of rest.slice(header.documentChunks)) {
    await pause()
    const terms = deserialize(bytes) as Array<[string, TermData]>
    if (!Array.isArray(terms)) throw new Error('MiniSearch store: a term chunk is malformed')
    for (const [term, data] of terms) state._index.set(term, data)
  }
  return search
}

// The internal state of `search`, after checking that this MiniSearch keeps it where loadJS does.
function stateOf<T>(search: MiniSearch<T>): MiniSearchState {
  const state = internalsOf(search)
  const isShaped =
    state._documentIds instanceof Map &&
    state._idToShortId instanceof Map &&
    state._fieldLength instanceof Map &&
    state._storedFields instanceof Map &&
    typeof state._index?.set === 'function' &&
    typeof state._documentCount === 'number' &&
    typeof state._nextId === 'number' &&
    Array.isArray(state._avgFieldLength) &&
    typeof state._fieldIds === 'object'
  if (!isShaped) throw new Error('MiniSearch store: this MiniSearch version keeps its index differently')
  return state as MiniSearchState
}
