import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/text/sentences.js'
import { foldWord, termOf, termsOf, tokenize } from '../../src/text/tokens.js'
import { hostileParagraph, hostileText, longText, params } from './arbitraries.js'

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
