import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attributeArticle } from '../../src/attribution/attributeArticle.js'
import type { Article } from '../../src/corpus/article.js'
import { hostileParagraph, hostileText, longText, params } from './arbitraries.js'

function articleOf(paragraphs: readonly string[]): Article {
  return { id: 'fuzz', file: 'fuzz.txt', headline: 'Fuzz', byline: null, date: null, url: null, source: null, server: null, paragraphs }
}

const paragraphs = fc.array(
  fc.oneof({ weight: 6, arbitrary: hostileParagraph() }, { weight: 2, arbitrary: hostileText() }, { weight: 1, arbitrary: longText }),
  {
    minLength: 1,
    maxLength: 6,
  },
)

describe('attributeArticle on random paragraphs', () => {
  it('never throws; every quote slices back to its text, in a real paragraph, with a registered speaker or null', () => {
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const { quotes, speakers } = attributeArticle(articleOf(texts))
        for (const quote of quotes) {
          const paragraph = texts[quote.paragraph - 1]
          if (paragraph === undefined) return false
          if (paragraph.slice(quote.start, quote.end) !== quote.text) return false
          if (quote.start < 0 || quote.end > paragraph.length || quote.end <= quote.start) return false
          if (!['direct', 'partial', 'indirect'].includes(quote.kind)) return false
          if (quote.speaker !== null && !speakers.some((speaker) => speaker.id === quote.speaker?.id)) return false
          if (quote.speaker !== null && quote.speaker.name.trim() === '') return false
        }
        return true
      }),
      params(600),
    )
  })

  it('survives a paragraph that is one long unclosed quotation, and mismatched quote marks', () => {
    const long = `“${'The talks will go on, '.repeat(2_000)}`
    const mixed = ['"He said “no" she said”', '«Yes," he said.', '‘‘‘’’’"""', '”backwards“ said Andrabi.']
    const { quotes } = attributeArticle(articleOf([long, ...mixed, long]))
    for (const quote of quotes) expect([long, ...mixed, long][quote.paragraph - 1]?.slice(quote.start, quote.end)).toBe(quote.text)
  })

  // Found by this property: a sentence-initial "According to X" ending the paragraph used to throw
  // in readAccordingTo (fixed in 7738095).
  it.each([
    { name: 'a whole paragraph', paragraphs: ['According to Reuters'] },
    { name: 'a last sentence', paragraphs: ['It rained. According to the ministry'] },
    { name: 'a paragraph before a bare cue', paragraphs: ['according to Tahir Hussain Andrabi', 'said'] },
  ])('does not throw on "According to X" with nothing after, as $name', ({ paragraphs: texts }) => {
    expect(() => attributeArticle(articleOf(texts))).not.toThrow()
  })
})
