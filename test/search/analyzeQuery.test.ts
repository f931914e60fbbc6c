import { describe, expect, it } from 'vitest'
import type { Speaker } from '../../src/attribution/speaker.js'
import { analyzeQuery, prepareSpeakers } from '../../src/search/analyzeQuery.js'

const spokesperson: Speaker = {
  id: 'jane roe',
  name: 'Jane Roe',
  kind: 'person',
  role: 'Health Ministry spokesperson',
  aliases: ['Roe', 'the spokesperson'],
}
const mayor: Speaker = { id: 'sam poe', name: 'Sam Poe', kind: 'person', role: 'mayor', aliases: ['Poe'] }
const registry = prepareSpeakers([
  { article: 'a', speaker: spokesperson },
  { article: 'a', speaker: mayor },
])
const names = (question: string) => analyzeQuery(question, registry).speakers.map(({ speaker }) => speaker.name)

describe('analyzeQuery', () => {
  it.each([
    { question: 'Who said the clinic would close?', type: 'who' },
    { question: 'When did the strike start?', type: 'when' },
    { question: 'In what year was the bridge built?', type: 'when' },
    { question: 'Where is the plant?', type: 'where' },
    { question: 'How many people were hurt?', type: 'how-many' },
    { question: 'How much did it cost?', type: 'how-many' },
    { question: 'Why were the roads closed?', type: 'why' },
    { question: 'What did the mayor promise?', type: 'what' },
    { question: 'Did the council approve the plan?', type: 'yes-no' },
    { question: 'so, who won?', type: 'who' },
    { question: 'Approximately how many people were hurt?', type: 'how-many' },
    { question: 'In which county is the plant?', type: 'where' },
    { question: 'According to the mayor, who paid for the bridge?', type: 'who' },
    { question: 'The strike ended when?', type: 'when' },
    { question: 'Did the mayor say what the bridge cost?', type: 'yes-no' },
    { question: 'budget cuts', type: 'other' },
  ])('reads "$question" as $type', ({ question, type }) => {
    expect(analyzeQuery(question).type).toBe(type)
  })

  it.each([
    { question: 'When did the strike start?', terms: ['strike', 'start'] },
    { question: 'Why does the council meet?', terms: ['council', 'meet'] },
    { question: 'Whose plan did the mayor back?', terms: ['plan', 'mayor', 'back'] },
  ])('leaves question words out of the terms of "$question"', ({ question, terms }) => {
    expect(analyzeQuery(question).terms).toEqual(terms)
  })

  it('keeps quoted phrases as term sequences', () => {
    expect(analyzeQuery('who said "written assurances"?').phrases).toEqual([['written', 'assur']])
  })

  it.each([
    {
      name: 'a role in other words (spokesman → spokesperson)',
      question: 'What did the health ministry spokesman say?',
      expected: ['Jane Roe'],
    },
    { name: 'an alias holding a role word', question: 'What did the spokesperson add?', expected: ['Jane Roe'] },
    { name: 'a one-word role', question: 'What did the mayor say about taxes?', expected: ['Sam Poe'] },
    { name: 'a surname in a question about speech', question: 'What did Roe say about vaccines?', expected: ['Jane Roe'] },
    { name: 'no one for a surname that is only the subject', question: 'Where was Roe born?', expected: [] },
    { name: 'no one when only part of a longer role matches', question: 'What did the ministry build?', expected: [] },
    {
      name: 'the rest of a role in a question about speech',
      question: 'What did the health ministry say about vaccines?',
      expected: ['Jane Roe'],
    },
    { name: 'no one for the rest of a role in another question', question: 'What did the health ministry build?', expected: [] },
  ])('matches $name', ({ question, expected }) => {
    expect(names(question)).toEqual(expected)
  })

  it('lists the question words that describe the matched speaker', () => {
    expect(analyzeQuery('What did the health ministry spokesman say?', registry).speakerTerms).toEqual(['health', 'ministri', 'spokesman'])
  })
})

describe('analyzeQuery: who a question about speech asks for', () => {
  it.each([
    { question: 'What did the mayor say about the bridge?', subject: ['mayor'], speakers: ['Sam Poe'] },
    { question: 'Did Roe say anything about vaccines?', subject: ['roe'], speakers: ['Jane Roe'] },
    {
      question: 'What has the health ministry spokesperson said about masks?',
      subject: ['health', 'ministri', 'spokesperson'],
      speakers: ['Jane Roe'],
    },
    { question: 'What do the experts think about the plan?', subject: ['expert'], speakers: [] },
    { question: 'What did they say about the mayor?', subject: [], speakers: [] },
    { question: 'When did the bridge close?', subject: null, speakers: [] },
    // "states" here compares, and what comes before it is no subject.
    { question: 'How much are nurses paid compared to other states?', subject: null, speakers: [] },
  ])('"$question" → $subject', ({ question, subject, speakers }) => {
    const analysis = analyzeQuery(question, registry)
    expect(analysis.speechSubject).toEqual(subject)
    expect(analysis.subjectSpeakers.map((entry) => entry.speaker.name)).toEqual(speakers)
  })

  it('finds the same speakers in a registry large enough to be looked up by word as when read whole', () => {
    // 400 speakers of 200 articles: above the size at which a question reads only the speakers
    // sharing a word with it; each chunk of 100 is read whole.
    const large = prepareSpeakers(
      Array.from({ length: 200 }, (_, i) => [
        { article: `a${i}`, speaker: { ...spokesperson, id: `roe ${i}`, name: i % 7 === 0 ? 'Jane Roe' : `Jane Doe${i}` } },
        { article: `a${i}`, speaker: { ...mayor, id: `poe ${i}`, role: i % 3 === 0 ? 'mayor' : 'city treasurer' } },
      ]).flat(),
    )
    const chunks = [0, 100, 200, 300].map((from) => large.slice(from, from + 100))
    for (const question of [
      'What did Roe say about the clinic?',
      'What did the mayor say about taxes?',
      'What did the health ministry spokesman say?',
      'What did the city treasurer warn?',
      'Who is the spokesperson?',
    ]) {
      const whole = analyzeQuery(question, large)
      const read = chunks.map((chunk) => analyzeQuery(question, chunk))
      expect(whole.speakers).toEqual(read.flatMap((analysis) => analysis.speakers))
      expect(whole.subjectSpeakers).toEqual(read.flatMap((analysis) => analysis.subjectSpeakers))
      expect(whole.speakers.length).toBeGreaterThan(0)
    }
  })
})
