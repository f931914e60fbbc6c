import { deserialize, serialize } from 'node:v8'
import MiniSearch, { type Options } from 'minisearch'

// A MiniSearch index as snapshot bytes that load in a fraction of `loadJS`'s time and in slices.
// `MiniSearch.loadJS` parses JSON objects and converts every posting list back into a Map; here
// the index's own Maps go through `v8.serialize`, which restores Maps as Maps. The bytes are
// split into chunks of about `postingsPerChunk` postings, so a caller can pause between chunks
// and keep its thread responsive while a large index loads.
//
// This reads MiniSearch's internal fields (the same ones its `loadJS` sets). It is safe because
// a snapshot is keyed by the lockfile (another MiniSearch version never reads these bytes), and
// `loadMiniSearch` checks the fields exist before writing them, so a MiniSearch that renamed them
// makes the load throw ("rebuild"), never return a broken index.

/** How a long load gives its thread back: awaited between chunks (e.g. a `setImmediate` when a time slice is used up). */
export type Pause = () => Promise<void>

/** Options for {@link saveMiniSearch}. */
export type MiniSearchStoreOptions = {
  /** About how many (term, field, document) postings each chunk holds: ~10 ms of loading each on a 2-core server. */
  postingsPerChunk: number
}

export const defaultMiniSearchStoreOptions: MiniSearchStoreOptions = { postingsPerChunk: 100_000 }

type FieldTermData = Map<number, Map<number, number>>

// What MiniSearch 7 keeps per index, as its loadJS and toJSON read and write it.
type MiniSearchState = {
  _documentCount: number
  _nextId: number
  _fieldIds: Record<string, number>
  _avgFieldLength: number[]
  _dirtCount: number
  _documentIds: Map<number, unknown>
  _idToShortId: Map<unknown, number>
  _fieldLength: Map<number, number[]>
  _storedFields: Map<number, Record<string, unknown>>
  _index: { set: (term: string, data: FieldTermData) => unknown; [Symbol.iterator]: () => Iterator<[string, FieldTermData]> }
}

type Header = {
  version: typeof STORE_VERSION
  documentCount: number
  nextId: number
  fieldIds: Record<string, number>
  avgFieldLength: number[]
  dirtCount: number
  documentIds: Map<number, unknown>
  fieldLength: Map<number, number[]>
  storedFields: Map<number, Record<string, unknown>>
}

const STORE_VERSION = 1

/**
 * The index as chunks of bytes for {@link loadMiniSearch}: the first holds the document tables,
 * each later one a run of terms with their postings.
 */
export function saveMiniSearch<T>(search: MiniSearch<T>, options: Partial<MiniSearchStoreOptions> = {}): Uint8Array[] {
  const { postingsPerChunk } = { ...defaultMiniSearchStoreOptions, ...options }
  const state = stateOf(search)
  const header: Header = {
    version: STORE_VERSION,
    documentCount: state._documentCount,
    nextId: state._nextId,
    fieldIds: state._fieldIds,
    avgFieldLength: state._avgFieldLength,
    dirtCount: state._dirtCount,
    documentIds: state._documentIds,
    fieldLength: state._fieldLength,
    storedFields: state._storedFields,
  }
  const chunks: Uint8Array[] = [serialize(header)]
  let terms: Array<[string, FieldTermData]> = []
  let postings = 0
  for (const [term, data] of state._index) {
    terms.push([term, data])
    for (const documents of data.values()) postings += documents.size + 1
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
  if (header?.version !== STORE_VERSION || !(header.documentIds instanceof Map) || !(header.fieldLength instanceof Map)) {
    throw new Error('MiniSearch store: not a saved index of this version')
  }
  const search = new MiniSearch<T>(options)
  const state = stateOf(search)
  state._documentCount = header.documentCount
  state._nextId = header.nextId
  state._fieldIds = header.fieldIds
  state._avgFieldLength = header.avgFieldLength
  state._dirtCount = header.dirtCount
  state._documentIds = header.documentIds
  state._fieldLength = header.fieldLength
  state._storedFields = header.storedFields
  state._idToShortId = new Map()
  for (const [shortId, id] of header.documentIds) state._idToShortId.set(id, shortId)
  for (const chunk of rest) {
    await pause()
    const terms = deserialize(chunk) as Array<[string, FieldTermData]>
    if (!Array.isArray(terms)) throw new Error('MiniSearch store: a term chunk is malformed')
    for (const [term, data] of terms) state._index.set(term, data)
  }
  return search
}

// The internal state of `search`, after checking that this MiniSearch keeps it where loadJS does.
function stateOf<T>(search: MiniSearch<T>): MiniSearchState {
  const state = search as unknown as Partial<MiniSearchState>
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
