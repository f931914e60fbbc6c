import { beforeAll, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/ask.js'
import type { Article } from '../../src/corpus/article.js'
import { buildLibrary, type Library } from '../../src/library/library.js'

// Two invented articles, written for these tests: a harbour that reopens and a library that
// moves. Each row is a question a reader could ask, and the answer line that must (or must not)
// come with it: `answer: null` means the line must stay empty — no bold guess.
const ARTICLES: Article[] = [
  {
    id: 'harbour',
    file: 'harbour.md',
    headline: 'Storm-hit harbour reopens to fishing boats',
    byline: null,
    date: '2026-03-02',
    url: null,
    source: null,
    server: null,
    paragraphs: [
      'The harbour at Kellby reopened to fishing boats on March 1, 2026, four months after a winter storm wrecked its outer wall.',
      'Repairs cost about $12 million, most of it paid by the regional council.',
      '“We lost a whole season, but the boats are back,” said Maren Holt, who chairs the fishermen’s cooperative.',
      'Engineers rebuilt 340 metres of the wall with concrete blocks shipped from Rotterdam.',
      'The harbour master said more dredging is planned, and a councillor said the budget was tight.',
      'Officials and fishermen met in the town hall to celebrate.',
    ],
  },
  {
    id: 'library',
    file: 'library.md',
    headline: 'City library moves to the old post office',
    byline: null,
    date: '2026-05-10',
    url: null,
    source: null,
    server: null,
    paragraphs: [
      'The city library will move into the old post office building in September, the mayor announced.',
      'The architect Lena Sorvik designed the new reading rooms, which hold 80,000 books.',
      '“A library should be the easiest door in town to open,” Sorvik said.',
    ],
  },
]

let library: Library

beforeAll(() => {
  library = buildLibrary(ARTICLES)
})

describe('the answer line', () => {
  it.each([
    { question: 'When did the harbour reopen to fishing boats?', answer: 'March 1, 2026', type: 'date' },
    { question: 'How much did the repairs cost?', answer: '$12 million', type: 'number' },
    { question: 'How many metres of the wall were rebuilt?', answer: '340', type: 'number' },
    { question: 'Who said the boats are back?', answer: 'Maren Holt', type: 'person' },
    { question: 'Who said a library should be the easiest door in town to open?', answer: 'Lena Sorvik', type: 'person' },
    { question: 'Who designed the new reading rooms?', answer: 'Lena Sorvik', type: 'person' },
    // Two speakers in the passage, and the question matches neither statement: speaker unclear.
    { question: 'Who said something about the harbour?', answer: null, type: null },
    // "What" asks for no span a name or a number can give.
    { question: 'What happened to the outer wall?', answer: null, type: null },
    { question: 'Why did the harbour close?', answer: null, type: null },
  ])('"$question" → $answer', ({ question, answer, type }) => {
    const result = answerQuestion(library, question)
    expect(result.answer?.text ?? null).toBe(answer)
    expect(result.answer?.type ?? null).toBe(type)
    if (result.answer !== null) {
      expect(result.answer.article).toBe(result.results[0]?.article)
      expect(result.answer.paragraph).toBe(result.results[0]?.paragraph)
    }
  })

  it('gives no answer line when nothing matched', () => {
    expect(answerQuestion(library, 'Who won the chess final?').answer).toBeNull()
  })
})
