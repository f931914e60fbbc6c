import { describe, expect, it } from 'vitest'
import { analyzeQuery } from '../../src/search/analyzeQuery.js'
import { findAnswerSpan } from '../../src/search/answerSpan.js'

const span = (text: string, question: string) => findAnswerSpan(text, analyzeQuery(question))?.text ?? null

describe('findAnswerSpan', () => {
  it.each([
    {
      name: 'a day and month for when',
      text: 'Talks stalled. The ceasefire was announced on October 19 in Doha.',
      question: 'When was the ceasefire announced?',
      expected: 'October 19',
    },
    {
      name: 'a full date over its parts',
      text: 'The ceasefire was announced on October 19, 2025.',
      question: 'When was the ceasefire announced?',
      expected: 'October 19, 2025',
    },
    {
      name: 'a relative date as written',
      text: 'The border crossings were closed on Thursday.',
      question: 'When were the crossings closed?',
      expected: 'Thursday',
    },
    {
      name: 'a count for how many',
      text: 'In 2020 the army destroyed dozens of posts.',
      question: 'How many posts did the army destroy?',
      expected: 'dozens',
    },
    {
      name: 'no year as a count',
      text: 'The army destroyed posts in 2020.',
      question: 'How many posts did the army destroy?',
      expected: null,
    },
    {
      name: 'a place after a preposition',
      text: 'The talks were held in Islamabad.',
      question: 'Where were the talks held?',
      expected: 'Islamabad',
    },
    {
      name: 'no possessive as a place',
      text: 'He warned against meddling in Afghanistan’s affairs.',
      question: 'Where did he warn against meddling?',
      expected: null,
    },
    {
      name: 'nothing the question already holds',
      text: 'The ceasefire of October 19 held.',
      question: 'When did the October 19 ceasefire hold?',
      expected: null,
    },
    {
      name: 'nothing for a what question',
      text: 'The ceasefire was announced on October 19.',
      question: 'What was announced?',
      expected: null,
    },
    {
      name: 'nothing when no sentence holds half the question',
      text: 'Prices rose on Monday.',
      question: 'When was the ceasefire announced in Doha?',
      expected: null,
    },
    {
      name: 'a name for who',
      text: 'The bridge opened in May. The bridge was designed by the engineer Ada Lindqvist.',
      question: 'Who designed the bridge?',
      expected: 'Ada Lindqvist',
    },
    {
      name: 'no capitalised adjective as a name',
      text: 'The bridge was designed by Swedish engineers.',
      question: 'Who designed the bridge?',
      expected: null,
    },
    {
      name: 'nothing when two names are about as close',
      text: 'The bridge was designed by Ada Lindqvist and Omar Haddad.',
      question: 'Who designed the bridge?',
      expected: null,
    },
    {
      name: 'a percent for what percentage',
      text: 'Turnout in the city reached 62% this year.',
      question: 'What percentage was the turnout in the city?',
      expected: '62%',
    },
    {
      name: 'a span of years for when',
      text: 'The Long Strike (1921–1923) closed every mill in the valley.',
      question: 'When was the Long Strike?',
      expected: '1921–1923',
    },
    {
      name: 'a duration for how long',
      text: 'The strike at the mill lasted three weeks.',
      question: 'How long did the strike at the mill last?',
      expected: 'three weeks',
    },
    {
      name: 'a whole name the tagger splits',
      text: 'The prize was won by Zofia Kłodawska in Gdańsk.',
      question: 'Who won the prize?',
      expected: 'Zofia Kłodawska',
    },
    {
      name: 'the name after a title, not the title',
      text: 'The festival found its new patron in Deputy Mayor Ines Varga.',
      question: 'Who is the new patron of the festival?',
      expected: 'Ines Varga',
    },
  ])('finds $name', ({ text, question, expected }) => {
    expect(span(text, question)).toBe(expected)
  })
})
