import { describe, expect, it } from 'vitest'
import { attributeArticle } from '../../src/attribution/attributeArticle.js'
import { statementPhrase } from '../../src/attribution/statementPhrase.js'

function phrasesOf(paragraph: string): string[] {
  const { quotes } = attributeArticle({
    id: 'a',
    file: 'a.txt',
    headline: 'Test',
    byline: null,
    date: null,
    url: null,
    source: null,
    server: null,
    paragraphs: [paragraph],
  })
  return quotes.map((quote) => statementPhrase(quote, paragraph))
}

describe('statementPhrase', () => {
  it.each([
    {
      name: 'a report on an object keeps its cue',
      paragraph: 'Governor Lena Park urged the city to reopen the depot before winter.',
      phrase: 'urged the city to reopen the depot before winter',
    },
    {
      name: 'an accusation keeps its cue',
      paragraph: 'Relations soured, with the mayor accusing the council of hiding the audit.',
      phrase: 'accusing the council of hiding the audit',
    },
    {
      name: 'a particle between cue and report stays',
      paragraph: 'Senator Ilse Brand called for an inquiry into the contracts.',
      phrase: 'called for an inquiry into the contracts',
    },
    {
      name: 'a that-clause is a phrase already',
      paragraph: 'Mayor Ana Ruiz said on Friday that the budget was balanced.',
      phrase: 'the budget was balanced',
    },
    {
      name: 'a direct quote is its words',
      paragraph: '“The budget is balanced,” Mayor Ana Ruiz said.',
      phrase: 'The budget is balanced,',
    },
  ])('$name', ({ paragraph, phrase }) => {
    expect(phrasesOf(paragraph)).toContain(phrase)
  })

  it('is always a piece of the paragraph ending where the quote ends', () => {
    const paragraph = 'The mayor urged residents to conserve water. “We are not there yet,” she said, adding that rain was due.'
    const { quotes } = attributeArticle({
      id: 'a',
      file: 'a.txt',
      server: null,
      headline: 'T',
      byline: null,
      date: null,
      url: null,
      source: null,
      paragraphs: [paragraph],
    })
    expect(quotes.length).toBeGreaterThan(0)
    for (const quote of quotes) {
      const phrase = statementPhrase(quote, paragraph)
      expect(paragraph).toContain(phrase)
      expect(phrase.endsWith(quote.text)).toBe(true)
    }
  })
})
