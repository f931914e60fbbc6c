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
      expected: 'on Thursday',
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
      text: 'The spokesperson spoke to reporters in Islamabad.',
      question: 'Where did the spokesperson speak?',
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
  ])('finds $name', ({ text, question, expected }) => {
    expect(span(text, question)).toBe(expected)
  })
})
