/**
 * Word vectors in a compact form: one int8 vector per word (each scaled so its largest component
 * is ±127) and its length, so cosine similarity costs one integer dot product. Made once from
 * GloVe-style float vectors (see `src/library/lexiconStore.ts`); plain typed arrays, read as a
 * Buffer in milliseconds instead of parsing hundreds of megabytes of JSON.
 */
export type WordVectors = {
  dimensions: number
  /** Folded word → its row. */
  rows: ReadonlyMap<string, number>
  /** `rows.size × dimensions` components, row after row. */
  values: Int8Array
  /** The Euclidean length of each row's int8 vector. */
  norms: Float32Array
}

/** Quantises float vectors (one per word, all of `dimensions` components) into {@link WordVectors}. */
export function quantiseVectors(words: readonly string[], floats: readonly (readonly number[])[], dimensions: number): WordVectors {
  const values = new Int8Array(words.length * dimensions)
  const norms = new Float32Array(words.length)
  const rows = new Map<string, number>()
  words.forEach((word, row) => {
    const vector = floats[row] ?? []
    let largest = 0
    for (let i = 0; i < dimensions; i++) largest = Math.max(largest, Math.abs(vector[i] ?? 0))
    let squares = 0
    for (let i = 0; i < dimensions; i++) {
      const value = largest === 0 ? 0 : Math.round(((vector[i] ?? 0) / largest) * 127)
      values[row * dimensions + i] = value
      squares += value * value
    }
    norms[row] = Math.sqrt(squares)
    rows.set(word, row)
  })
  return { dimensions, rows, values, norms }
}

/** The row of a folded word, or -1 when the vectors do not know it. */
export function rowOf(vectors: WordVectors, word: string): number {
  return vectors.rows.get(word) ?? -1
}

// Rows are in order of frequency; misspellings are rare among the most frequent words.
const COMMON_ROWS = 50_000

/** Whether a folded word is among the 50,000 most frequent words of the vectors: a word, not a typo. */
export function isCommonWord(vectors: WordVectors, word: string): boolean {
  const row = rowOf(vectors, word)
  return row >= 0 && row < COMMON_ROWS
}

/** Cosine similarity of two rows (see {@link rowOf}); 0 when either is -1 or a zero vector. */
export function rowSimilarity(vectors: WordVectors, a: number, b: number): number {
  if (a < 0 || b < 0) return 0
  const { dimensions, values, norms } = vectors
  const length = (norms[a] ?? 0) * (norms[b] ?? 0)
  if (length === 0) return 0
  let dot = 0
  const fromA = a * dimensions
  const fromB = b * dimensions
  for (let i = 0; i < dimensions; i++) dot += (values[fromA + i] as number) * (values[fromB + i] as number)
  return dot / length
}

/** Cosine similarity of two folded words; 0 when either is unknown. */
export function wordSimilarity(vectors: WordVectors, a: string, b: string): number {
  return a === b ? 1 : rowSimilarity(vectors, rowOf(vectors, a), rowOf(vectors, b))
}

/** The vectors as bytes: a little header, the words (one a line), the int8 values, the norms. */
export function encodeWordVectors(vectors: WordVectors): Uint8Array[] {
  const words = Buffer.from([...vectors.rows.keys()].join('\n'), 'utf8')
  const header = Buffer.alloc(12)
  header.writeUInt32LE(vectors.dimensions, 0)
  header.writeUInt32LE(vectors.rows.size, 4)
  header.writeUInt32LE(words.length, 8)
  const norms = Buffer.from(vectors.norms.buffer, vectors.norms.byteOffset, vectors.norms.byteLength)
  const values = Buffer.from(vectors.values.buffer, vectors.values.byteOffset, vectors.values.byteLength)
  return [header, words, norms, values]
}

/** Reads bytes written by {@link encodeWordVectors}; throws when they are not such vectors. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.length < 12) throw new Error('word vectors: the file is truncated')
  const dimensions = buffer.readUInt32LE(0)
  const count = buffer.readUInt32LE(4)
  const wordBytes = buffer.readUInt32LE(8)
  const wordsEnd = 12 + wordBytes
  const normsEnd = wordsEnd + count * 4
  if (buffer.length !== normsEnd + count * dimensions) throw new Error('word vectors: the file is truncated')
  const words = buffer.toString('utf8', 12, wordsEnd).split('\n')
  if (words.length !== count) throw new Error(`word vectors: ${words.length} words for ${count} vectors`)
  // Copies, so the typed arrays are aligned whatever the Buffer's offset.
  const norms = new Float32Array(count)
  Buffer.from(norms.buffer).set(buffer.subarray(wordsEnd, normsEnd))
  const values = new Int8Array(count * dimensions)
  Buffer.from(values.buffer).set(buffer.subarray(normsEnd))
  return { dimensions, rows: new Map(words.map((word, row) => [word, row])), values, norms }
}
