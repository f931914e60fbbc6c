import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findDates, resolveDates } from '../../src/text/dates.js'
import { splitSentences } from '../../src/text/sentences.js'
import { foldWord, termOf, termsOf, tokenize } from '../../src/text/tokens.js'
import { hostileParagraph, hostileText, longText, params } from './arbitraries.js'

// Date words among the hostile fragments, so mentions are actually found.
const DATE_WORDS = [
  'October 19',
  'Oct. 19, 2025',
  '19 October',
  'on Thursday',
  'last week',
  'earlier this month',
  '2025',
  'mid-October',
  'May',
  '31st',
  'Feb 30',
  'December 2025',
  'three days ago',
]
const datedText = fc.array(fc.oneof(fc.constantFrom(...DATE_WORDS), hostileText(4)), { maxLength: 20 }).map((parts) => parts.join(' '))

const anyText = fc.oneof(hostileText(), hostileParagraph(), fc.string({ unit: 'binary' }), longText)

describe('tokenize on hostile text', () => {
  it('never throws, and every token slices back out of the text, in order, without overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        // Plain checks in the loop: expect() per token would dominate the run time.
        let at = 0
        for (const token of tokenize(text)) {
          if (text.slice(token.start, token.end) !== token.text) return false
          if (token.start < at || token.end <= token.start || typeof token.folded !== 'string') return false
          at = token.end
        }
        return true
      }),
      params(3_000),
    )
  })
})

describe('termOf and termsOf on hostile words', () => {
  it('never throw and give null or a non-empty term', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenize(text)) {
          const term = termOf(token.text)
          if (term !== null && term.length === 0) return false
        }
        const direct = termOf(text)
        if (direct !== null && typeof direct !== 'string') return false
        return termsOf(text).every((term) => term.length > 0) && typeof foldWord(text) === 'string'
      }),
      params(3_000),
    )
  })

  it('is deterministic, so the index and a query always agree', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        expect(termsOf(text)).toEqual(termsOf(text))
      }),
      params(500),
    )
  })
})

describe('splitSentences on hostile paragraphs', () => {
  it('never throws; sentences slice back, are ordered, trimmed and non-empty, and only white space is left between them', () => {
    fc.assert(
      fc.property(anyText, (paragraph) => {
        let at = 0
        for (const sentence of splitSentences(paragraph)) {
          if (paragraph.slice(sentence.start, sentence.end) !== sentence.text || sentence.start < at) return false
          if (sentence.text.length === 0 || sentence.text !== sentence.text.trim()) return false
          if (paragraph.slice(at, sentence.start).trim() !== '') return false
          at = sentence.end
        }
        return paragraph.slice(at).trim() === ''
      }),
      params(3_000),
    )
  })
})

describe('findDates and resolveDates on hostile text', () => {
  it('never throw; mentions slice back, do not overlap, and resolve to a real ISO date or null', () => {
    const articleDate = fc.oneof(fc.constant(null), fc.constantFrom('2025-10-19', '2025-02-29', '1999-12-31T23:59:59Z', 'not a date', ''))
    fc.assert(
      fc.property(fc.oneof(datedText, hostileText(), longText), articleDate, (text, date) => {
        const mentions = findDates(text)
        let at = 0
        for (const mention of mentions) {
          if (text.slice(mention.start, mention.end) !== mention.text || mention.start < at) return false
          at = mention.end
        }
        const resolved = resolveDates(mentions, { paragraph: mentions, article: mentions, articleDate: date })
        // A full date must exist in the calendar (no February 30).
        const isRealDay = (when: string) => when.length < 10 || new Date(`${when}T00:00:00Z`).toISOString().startsWith(when)
        return resolved.every((entry) => entry.when === null || (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(entry.when) && isRealDay(entry.when)))
      }),
      params(2_000),
    )
  })
})
