import { describe, expect, it } from 'vitest'
import { compareWithJsonLd, jsonLdParagraphs, refineWithJsonLd } from '../../src/ingest/jsonLdBody.js'

const STORY = [
  'The council closed every school in the northern district on Tuesday as the storm brought down trees and power lines.',
  'Officials said the schools would stay closed until engineers had checked each building for damage.',
  'Parents were told to expect an update by Thursday evening at the latest.',
]
const PROMO = 'Our newsroom has covered the region for thirty years and we need your support to keep going.'

describe('compareWithJsonLd', () => {
  it('finds the markup paragraphs the JSON-LD body lacks, and how much of it the markup covers', () => {
    expect(compareWithJsonLd([...STORY, PROMO], STORY.join(' '))).toEqual({ coverage: 1, unsupported: [3] })
  })

  it('judges lines too short for shingles by their words', () => {
    expect(compareWithJsonLd([...STORY, 'Storm damage', 'Share this'], `${STORY.join(' ')} Storm damage`).unsupported).toEqual([4])
  })
})

describe('refineWithJsonLd', () => {
  it.each([
    {
      name: 'drops what the JSON-LD body lacks when they agree',
      paragraphs: [STORY[0], PROMO, STORY[1], STORY[2]],
      body: STORY.join('\n'),
      expected: STORY,
    },
    {
      name: 'changes nothing when the JSON-LD body is a teaser',
      paragraphs: [...STORY, PROMO],
      body: STORY[0],
      expected: [...STORY, PROMO],
    },
    { name: 'changes nothing without a JSON-LD body', paragraphs: [...STORY, PROMO], body: null, expected: [...STORY, PROMO] },
    {
      name: 'changes nothing when the JSON-LD body would leave less than half the text',
      paragraphs: [STORY[0], PROMO, PROMO, PROMO, PROMO],
      body: STORY[0],
      expected: [STORY[0], PROMO, PROMO, PROMO, PROMO],
    },
  ])('$name', ({ paragraphs, body, expected }) => {
    expect(refineWithJsonLd(paragraphs as string[], body ?? null)).toEqual(expected)
  })
})

describe('jsonLdParagraphs', () => {
  it.each([
    { name: 'lines', body: 'First line.\nSecond line.\n\nThird.', expected: ['First line.', 'Second line.', 'Third.'] },
    { name: 'HTML paragraphs', body: '<p>First &amp; only.</p><p>Second<br>third</p>', expected: ['First & only.', 'Second', 'third'] },
    { name: 'one flat line', body: '  One   flat line.  ', expected: ['One flat line.'] },
  ])('$name', ({ body, expected }) => {
    expect(jsonLdParagraphs(body)).toEqual(expected)
  })
})
