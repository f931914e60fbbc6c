import { describe, expect, it } from 'vitest'
import { analyzeQuery } from '../../src/search/analyzeQuery.js'
import { creditsOf, expandQuery, withNearestWords } from '../../src/search/expandQuery.js'
import type { Lexicon } from '../../src/search/lexicon.js'
import { describeMatch } from '../../src/search/matchNotice.js'
import { quantiseVectors, rowOf } from '../../src/search/wordVectors.js'
import { termOf } from '../../src/text/tokens.js'

// Made-up vectors: "truce" ~ "ceasefire"; "police" ~ "cops"; "bank" far from "riverside".
const vectors = quantiseVectors(
  ['the', 'police', 'announced', 'declared', 'truce', 'ceasefire', 'cops', 'bank', 'riverside', 'date'],
  [
    [1, 0, 0, 0],
    [0, 1, 0.1, 0],
    [0, 0, 1, 0.2],
    [0, 0.1, 1, 0.25],
    [0, 0, 0.1, 1],
    [0, 0, 0.15, 1],
    [0, 1, 0.15, 0],
    [1, 0.1, 0, -0.2],
    [-1, 0, 0, 1],
    [0.5, 0.5, 0.5, 0.5],
  ],
  4,
)
const t = (word: string) => termOf(word) ?? ''
const lexicon: Lexicon = {
  related: new Map([
    [t('truce'), [{ term: t('ceasefire'), relation: 'synonym' as const }]],
    [t('declared'), [{ term: t('announced'), relation: 'synonym' as const }]],
    [t('bank'), [{ term: t('riverside'), relation: 'synonym' as const }]],
  ]),
  vectors,
}
// The corpus: which terms some paragraph holds, and how each is written.
const corpusWords = ['ceasefire', 'announced', 'riverside', 'police', 'cease', 'fire', 'date']
const documentFrequency = new Map(corpusWords.map((word) => [t(word), 1]))
const surfaceForms = new Map(corpusWords.map((word) => [t(word), word]))
const expand = (question: string, given: Lexicon | null = lexicon) =>
  expandQuery(analyzeQuery(question), given, documentFrequency, surfaceForms)

describe('expandQuery', () => {
  it.each([
    { name: 'a WordNet synonym the corpus holds stands in, below the word', question: 'truce', standIn: 'ceasefire', via: 'synonym' },
    { name: 'a synonym far from the word in meaning is dropped', question: 'bank', standIn: null, via: null },
    { name: 'words written apart meet the compound', question: 'cease fire', standIn: 'ceasefire', via: 'compound' },
    { name: 'a compound the corpus writes apart meets its halves', question: 'ceasefire', standIn: null, via: null },
  ])('$name', ({ question, standIn, via }) => {
    const [first] = expand(question).standIns
    if (standIn === null) expect(first?.filter((entry) => entry.via !== 'compound') ?? []).toEqual([])
    else {
      expect(first).toContainEqual(expect.objectContaining({ term: t(standIn), via }))
      for (const entry of first ?? []) expect(entry.weight).toBeLessThan(1)
    }
  })

  it('finds only compounds without a lexicon', () => {
    expect(expand('truce', null).standIns[0]).toEqual([])
    expect(expand('cease fire', null).standIns[0]).toContainEqual(expect.objectContaining({ term: t('ceasefire'), via: 'compound' }))
  })

  it('credits a passage word by its vector similarity, and a stop word or unrelated word not at all', () => {
    const expanded = expand('cops')
    expect(creditsOf(expanded, rowOf(vectors, 'police'), t('police'))?.[0]).toBeGreaterThan(0.3)
    expect(creditsOf(expanded, rowOf(vectors, 'bank'), t('bank'))).toBeNull()
    expect(creditsOf(expanded, rowOf(vectors, 'police'), '')).toBeNull()
  })

  it('weighs a word common in English below one it does not know, and a name fully', () => {
    expect(expand('police xyzzy').importance).toEqual([0.3, 1])
    const named = expandQuery(analyzeQuery('police xyzzy'), lexicon, documentFrequency, new Map([[t('police'), 'Police']]))
    expect(named.importance).toEqual([1, 1])
  })

  it('looks for the nearest corpus words of a word nothing matched', () => {
    const nearest = withNearestWords(expand('cops'), surfaceForms, vectors)
    // The test vocabulary is tiny, so every row counts as frequent: nothing may stand in.
    expect(nearest.standIns[0]).toEqual([])
  })
})

describe('describeMatch', () => {
  const notice = (question: string, shown: string[][], searched = analyzeQuery(question)) =>
    describeMatch(analyzeQuery(question), searched, expand(question), shown, documentFrequency, surfaceForms)

  it.each([
    {
      name: 'says which missing words were shown as what',
      question: 'When was the truce declared?',
      shown: [[t('ceasefire'), t('announced')]],
      expected: 'no passage says “truce” or “declared”; showing “ceasefire” and “announced”',
    },
    {
      name: 'says nothing when the words were found',
      question: 'When was the ceasefire announced?',
      shown: [[t('ceasefire')]],
      expected: null,
    },
    { name: 'says nothing of stand-ins no result shows', question: 'When was the truce declared?', shown: [[t('date')]], expected: null },
    {
      name: 'treats words the corpus writes as one as one',
      question: 'When did the cease fire begin?',
      shown: [[t('ceasefire')]],
      expected: null,
    },
  ])('$name', ({ question, shown, expected }) => {
    expect(notice(question, shown)).toBe(expected)
  })

  it('says what a misspelt question was searched as', () => {
    const asked = analyzeQuery('When was the ceasfire anounced?')
    const searched = { ...asked, terms: [t('ceasefire'), t('announced')], words: ['ceasefire', 'announced'] }
    expect(
      describeMatch(asked, searched, expand('ceasefire announced'), [[t('ceasefire'), t('announced')]], documentFrequency, surfaceForms),
    ).toBe('showing results for “When was the ceasefire announced?”')
  })

  it('tells only the corrections a shown result holds (the vocabulary spans other servers’ articles)', () => {
    const asked = analyzeQuery('When was the ceasfire anounced?')
    const searched = { ...asked, terms: [t('ceasefire'), t('announced')], words: ['ceasefire', 'announced'] }
    expect(describeMatch(asked, searched, expand('ceasefire announced'), [[t('ceasefire')]], documentFrequency, surfaceForms)).toBe(
      'showing results for “When was the ceasefire anounced?”',
    )
    expect(describeMatch(asked, searched, expand('ceasefire announced'), [], documentFrequency, surfaceForms)).toBeNull()
  })
})
