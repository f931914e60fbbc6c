import { describe, expect, it } from 'vitest'
import { analyzeQuery } from '../../src/search/analyzeQuery.js'
import { correctQuery, createVocabulary } from '../../src/search/correctQuery.js'
import { termOf } from '../../src/text/tokens.js'

const WORDS = ['terrorism', 'Afghanistan', 'negotiations', 'Kabul', 'ceasefire', 'loyalty', 'bake']
const vocabulary = createVocabulary(new Map(WORDS.map((word, i) => [termOf(word) ?? word, i + 1])))
const surfaceForms = new Map(WORDS.map((word) => [termOf(word) ?? word, word]))
const corrected = (question: string) => correctQuery(analyzeQuery(question), vocabulary, surfaceForms)

describe('correctQuery', () => {
  it.each([
    { name: 'one edit in a short word', question: 'ceasfire', words: ['ceasefire'] },
    { name: 'two edits in a long word', question: 'Afganistaan', words: ['afghanistan'] },
    { name: 'a misspelt word among known ones', question: 'terorism in Kabul', words: ['terrorism', 'kabul'] },
  ])('corrects $name to the corpus word', ({ question, words }) => {
    expect(corrected(question).words).toEqual(words)
    expect(corrected(question).terms).toEqual(words.map((word) => termOf(word)))
  })

  it.each([
    { name: 'a word the corpus holds', question: 'terrorism' },
    { name: 'a short word (too many neighbours)', question: 'bike' },
    { name: 'a word with a digit', question: 'AS-258' },
    { name: 'a neighbour that starts with another letter', question: 'royalty' },
    { name: 'a word with no near neighbour', question: 'xylophone' },
  ])('leaves $name as written', ({ question }) => {
    const analysis = analyzeQuery(question)
    expect(correctQuery(analysis, vocabulary, surfaceForms)).toBe(analysis)
  })
})
