import { describe, expect, it } from 'vitest'
import { createInterner } from '../../src/search/interner.js'

describe('createInterner', () => {
  it('numbers distinct values in order of first sight and repeats a number for a value seen again', () => {
    const { values, positionOf } = createInterner<string>()
    expect(['say', 'tell', 'say', 'ask', 'tell'].map(positionOf)).toEqual([0, 1, 0, 2, 1])
    expect(values).toEqual(['say', 'tell', 'ask'])
  })

  it('interns objects by identity, so shared objects come back shared', () => {
    const a = { name: 'A' }
    const twin = { name: 'A' }
    const { values, positionOf } = createInterner<{ name: string }>()
    expect([positionOf(a), positionOf(twin), positionOf(a)]).toEqual([0, 1, 0])
    expect(values[0]).toBe(a)
  })
})
