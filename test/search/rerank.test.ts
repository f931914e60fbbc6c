import { describe, expect, it } from 'vitest'
import { analyzeQuery } from '../../src/search/analyzeQuery.js'
import { profilePassage } from '../../src/search/passageProfile.js'
import { rerankCandidates, type TermStatistics } from '../../src/search/rerank.js'

const PASSAGES = [
  'The port reopened in May. Trade talks stalled. A ceasefire was mentioned by nobody.',
  'Officials said the ceasefire was announced on October 19 after talks.',
  'Talks were held. Later, much later, someone announced a new road, and a ceasefire came up.',
]
const profiles = PASSAGES.map(profilePassage)
const statistics: TermStatistics = {
  documentCount: profiles.length,
  documentFrequency: new Map(
    [...new Set(profiles.flatMap((profile) => profile.terms))].map((term) => [
      term,
      profiles.filter((profile) => profile.terms.includes(term)).length,
    ]),
  ),
}
const rank = (question: string, implicit: string[] = [], leads: number[] = []) =>
  rerankCandidates(
    PASSAGES.map((_, id) => ({ id, score: 1 })),
    analyzeQuery(question),
    statistics,
    (id) => ({
      profile: profiles[id] ?? profilePassage(''),
      speakerMatches: [],
      implicitTerms: new Set(implicit),
      subjectSpeaks: false,
      hasStatement: false,
      isLead: leads.includes(id),
    }),
  )

describe('rerankCandidates', () => {
  it('prefers the passage whose one sentence holds the question words, in order and close together', () => {
    const [best] = rank('When was the ceasefire announced?')
    expect(best?.id).toBe(1)
    const ranked = rank('ceasefire announced')
    expect(ranked[0]?.signals.sentence).toBe(1)
    expect(ranked[0]?.signals.bigrams).toBe(1)
    expect(ranked.find((candidate) => candidate.id === 2)?.signals.bigrams).toBe(0)
  })

  it('gives the answer-type signal to a passage with a date for a when question', () => {
    const ranked = rank('When was the ceasefire announced?')
    expect(ranked.find((candidate) => candidate.id === 1)?.signals.answerType).toBe(1)
    expect(ranked.find((candidate) => candidate.id === 2)?.signals.answerType).toBe(0)
  })

  it('counts implicit terms (the headline) in every sentence, less than a sentence that names them', () => {
    const withHeadline = rank('ceasefire port', ['port'])
    const implied = withHeadline.find((candidate) => candidate.id === 1)?.signals.sentence ?? 0
    expect(implied).toBeGreaterThan(rank('ceasefire port').find((candidate) => candidate.id === 1)?.signals.sentence ?? 1)
    expect(implied).toBeLessThan(1)
    expect(rank('ceasefire announced', ['ceasefire']).find((candidate) => candidate.id === 1)?.signals.sentence).toBe(1)
  })

  it('keeps BM25 order when all signals tie', () => {
    expect(rank('zebra').map((candidate) => candidate.id)).toEqual([0, 1, 2])
  })

  it('returns [] for no candidates', () => {
    expect(
      rerankCandidates([], analyzeQuery('x'), statistics, () => ({
        profile: profilePassage(''),
        speakerMatches: [],
        implicitTerms: new Set(),
        subjectSpeaks: false,
        hasStatement: false,
        isLead: false,
      })),
    ).toEqual([])
  })
})

describe('profilePassage', () => {
  it('marks dates, numbers and places and starts each sentence', () => {
    const profile = profilePassage('In 2020 talks began in Doha. Two days later, on May 3, they ended.')
    expect(profile.terms.length).toBe(profile.shapes.length)
    expect(profile.shapes).toBe('SdwwwPnwwwddww')
    expect(profile.sentenceStarts).toEqual([0, 6])
  })
})

describe('rerankCandidates: the lead', () => {
  const question = 'When was the ceasefire announced?'
  const context = (id: number, isLead: boolean) => ({
    profile: profiles[id] ?? profilePassage(''),
    speakerMatches: [],
    implicitTerms: new Set<string>(),
    subjectSpeaks: false,
    hasStatement: false,
    isLead,
  })

  it('puts a lead paragraph after a later one that matches as well', () => {
    // Candidates 0 and 1 are the same passage; 0 is an article's lead.
    const ranked = rerankCandidates(
      [
        { id: 0, score: 1 },
        { id: 1, score: 1 },
      ],
      analyzeQuery(question),
      statistics,
      (id) => ({ ...context(1, id === 0) }),
    )
    expect(ranked.map((candidate) => candidate.id)).toEqual([1, 0])
  })

  it('keeps a lead that matches far better first', () => {
    const withLead = rank(question, [], [1])
    expect(withLead[0]?.id).toBe(1)
    expect(withLead[0]?.signals.lead).toBe(1)
  })
})
