import { describe, expect, it } from 'vitest'
import { foldWord, termOf, termsOf, tokenize } from '../../src/text/tokens.js'

describe('tokenize', () => {
  it.each([
    { name: 'keeps curly-apostrophe possessives whole', input: 'Afghanistan’s soil', expected: ['Afghanistan’s', 'soil'] },
    { name: 'splits hyphenated words', input: 'cross-border trade', expected: ['cross', 'border', 'trade'] },
    {
      name: 'keeps numbers with separators',
      input: '10,000 people and 2.5 percent',
      expected: ['10,000', 'people', 'and', '2.5', 'percent'],
    },
    { name: 'reads non-Latin scripts', input: 'پاکستان and Ελλάδα', expected: ['پاکستان', 'and', 'Ελλάδα'] },
    { name: 'drops punctuation and quote marks', input: '“Hello,” he said.', expected: ['Hello', 'he', 'said'] },
  ])('$name', ({ input, expected }) => {
    expect(tokenize(input).map((token) => token.text)).toEqual(expected)
  })

  it('gives offsets that slice back to each word', () => {
    const text = '“Whatever was needed was done,” he said — Afghanistan’s 2025 “new hero”.'
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text)
  })
})

describe('folding and terms', () => {
  it.each([
    { input: 'Afghanistan’s', expected: 'afghanistan' },
    { input: "Jones'", expected: 'jones' },
    { input: 'Café', expected: 'cafe' },
    { input: 'ISLAMABAD', expected: 'islamabad' },
  ])('folds $input to $expected', ({ input, expected }) => {
    expect(foldWord(input)).toBe(expected)
  })

  it.each([
    { input: 'the', expected: null },
    { input: 'announced', expected: 'announc' },
    { input: 'Announcement', expected: 'announc' },
    { input: 'terrorism', expected: 'terror' },
  ])('term of $input is $expected', ({ input, expected }) => {
    expect(termOf(input)).toBe(expected)
  })

  it('removes stop words from a question', () => {
    expect(termsOf('Why was the ceasefire announced?')).toEqual(['why', 'ceasefir', 'announc'])
  })
})
