import { describe, expect, it } from 'vitest'
import { decodeWordVectors, encodeWordVectors, isCommonWord, quantiseVectors, rowOf, wordSimilarity } from '../../src/search/wordVectors.js'

// A tiny vector space: "truce" and "ceasefire" point the same way, "banana" elsewhere.
const WORDS = ['truce', 'ceasefire', 'banana', 'zero']
const FLOATS = [
  [0.9, 0.1, 0.0],
  [1.8, 0.25, 0.05],
  [0.0, -0.2, 1.1],
  [0, 0, 0],
]
const vectors = quantiseVectors(WORDS, FLOATS, 3)

describe('word vectors', () => {
  it.each([
    { name: 'near words are near', a: 'truce', b: 'ceasefire', min: 0.99, max: 1 },
    { name: 'unrelated words are not', a: 'truce', b: 'banana', min: -0.2, max: 0.2 },
    { name: 'an unknown word is similar to nothing', a: 'truce', b: 'xyzzy', min: 0, max: 0 },
    { name: 'a zero vector is similar to nothing', a: 'zero', b: 'truce', min: 0, max: 0 },
    { name: 'a word is itself', a: 'xyzzy', b: 'xyzzy', min: 1, max: 1 },
  ])('$name', ({ a, b, min, max }) => {
    const similarity = wordSimilarity(vectors, a, b)
    expect(similarity).toBeGreaterThanOrEqual(min)
    expect(similarity).toBeLessThanOrEqual(max)
  })

  it('reads back what it writes, row for row', () => {
    const bytes = Buffer.concat(encodeWordVectors(vectors))
    // At an odd offset, as a slice of a larger buffer may be.
    const shifted = Buffer.concat([Buffer.from([7]), bytes]).subarray(1)
    const read = decodeWordVectors(shifted)
    expect([...read.rows]).toEqual([...vectors.rows])
    expect([...read.values]).toEqual([...vectors.values])
    expect([...read.norms]).toEqual([...vectors.norms])
    expect(wordSimilarity(read, 'truce', 'ceasefire')).toBe(wordSimilarity(vectors, 'truce', 'ceasefire'))
  })

  it('refuses a truncated file', () => {
    const bytes = Buffer.concat(encodeWordVectors(vectors))
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/)
    expect(() => decodeWordVectors(bytes.subarray(0, 5))).toThrow(/truncated/)
  })

  it('knows rows by frequency order: the first words are common, unknown ones are not', () => {
    expect(rowOf(vectors, 'ceasefire')).toBe(1)
    expect(rowOf(vectors, 'xyzzy')).toBe(-1)
    expect(isCommonWord(vectors, 'truce')).toBe(true)
    expect(isCommonWord(vectors, 'xyzzy')).toBe(false)
  })
})
