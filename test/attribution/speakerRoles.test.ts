import { describe, expect, it } from 'vitest'
import { attributeArticle } from '../../src/attribution/attributeArticle.js'
import { chooseRoles, chooseTitle, readAppositiveRole, readPreNameRole, speakerDisplay } from '../../src/attribution/speakerRoles.js'
import type { Article } from '../../src/corpus/article.js'

function article(paragraphs: string[]): Article {
  return { id: 'a', file: 'a.txt', headline: 'Test', byline: null, date: null, url: null, source: null, server: null, paragraphs }
}

// The display of the speaker the article attributes `quoted` to.
function displayOf(paragraphs: string[], quoted: string): string | null {
  const { quotes } = attributeArticle(article(paragraphs))
  const speaker = quotes.find((quote) => quote.text.includes(quoted))?.speaker ?? null
  return speaker === null ? null : speakerDisplay(speaker)
}

describe('the speaker display, from sentences', () => {
  it.each([
    {
      name: 'a rank goes before the name, the office after it',
      paragraphs: ['Coast Authority (CGA) Director-General Rear Admiral Ines Varga said the harbour would reopen on Monday.'],
      quoted: 'harbour would reopen',
      display: 'Rear Admiral Ines Varga, Director-General of CGA',
    },
    {
      name: 'a lowercase office stays after the name',
      paragraphs: ['Water Board spokesperson Dalia Morcos said the pipes were replaced last year.'],
      quoted: 'pipes were replaced',
      display: 'Dalia Morcos, Water Board spokesperson',
    },
    {
      name: 'a capitalised office title stays before the name',
      paragraphs: ['Dutch Prime Minister Joost Aalders said the talks would resume in spring.'],
      quoted: 'talks would resume',
      display: 'Dutch Prime Minister Joost Aalders',
    },
    {
      name: 'a courtesy title is left out',
      paragraphs: ['Mr. Tobias Renn said the shop would stay open.'],
      quoted: 'shop would stay open',
      display: 'Tobias Renn',
    },
    {
      name: 'an appositive is the office',
      paragraphs: ['Marta Quill, a historian at the city museum, said the bridge was older than thought.'],
      quoted: 'bridge was older',
      display: 'Marta Quill, a historian at the city museum',
    },
    {
      name: 'the most specific title is kept, in the form the article uses most, not every form joined',
      paragraphs: [
        'Lieutenant General Omar Haddad said the convoy had left the base.',
        'Lt Gen Haddad said the roads were clear.',
        'Gen Haddad said the troops would return by Friday.',
        'Lt Gen Haddad said no one was hurt.',
      ],
      quoted: 'convoy had left',
      display: 'Lt Gen Omar Haddad',
    },
    {
      name: 'the longest office wins over a shorter one, with no concatenation',
      paragraphs: [
        'Port spokesperson Leila Brandt said the cranes were idle.',
        'Brandt, the port authority’s chief spokesperson for shipping, said the strike had ended.',
      ],
      quoted: 'cranes were idle',
      display: 'Leila Brandt, the port authority’s chief spokesperson for shipping',
    },
    {
      name: 'a rank qualified by its service keeps the service, the office goes after',
      paragraphs: ['Harbour spokesman Navy Capt. Piet Mol said the ship had docked.'],
      quoted: 'ship had docked',
      display: 'Navy Capt. Piet Mol, Harbour spokesman',
    },
  ])('$name', ({ paragraphs, quoted, display }) => {
    expect(displayOf(paragraphs, quoted)).toBe(display)
  })

  it('gives one speaker one display for every quote of theirs', () => {
    const { quotes } = attributeArticle(
      article([
        'Education Ministry spokesperson Farida Noor said the schools would reopen.',
        '“We are ready,” Noor said.',
        'Dr. Noor, the spokesperson, said the exams would go ahead.',
      ]),
    )
    const displays = new Set(quotes.flatMap((quote) => (quote.speaker === null ? [] : [speakerDisplay(quote.speaker)])))
    expect([...displays]).toEqual(['Dr. Farida Noor, Education Ministry spokesperson'])
  })
})

describe('readPreNameRole', () => {
  it.each([
    { phrase: 'Lieutenant General', title: 'Lieutenant General', office: null },
    { phrase: 'Water Board spokesperson', title: null, office: 'Water Board spokesperson' },
    { phrase: 'Water Board (WB) Director', title: null, office: 'Director of WB' },
    { phrase: 'Harbour Authority (HA) Director-General Major General', title: 'Major General', office: 'Director-General of HA' },
    // "General" after an office is no rank: the office reads after the name.
    { phrase: 'Attorney General', title: null, office: 'Attorney General' },
    { phrase: 'Former Ohio Gov.', title: 'former Ohio Gov.', office: null },
    { phrase: 'Democratic presidential candidate Sen.', title: 'Sen.', office: 'Democratic presidential candidate' },
    { phrase: 'city university professor', title: null, office: 'city university professor' },
    { phrase: 'Mrs.', title: null, office: null },
    { phrase: 'Lopez and', title: null, office: null },
    { phrase: 'Turkish government', title: null, office: null },
  ])('"$phrase" → title $title, office $office', ({ phrase, title, office }) => {
    expect(readPreNameRole(phrase)).toEqual({ title, office })
  })
})

describe('choosing one title and one office', () => {
  it.each([
    { name: 'an abbreviation and its full form are one title', titles: ['Lieutenant General', 'Lt Gen', 'Lt Gen'], expected: 'Lt Gen' },
    { name: 'a shorter form counts for the longer title', titles: ['Gen', 'Gen', 'Lt Gen'], expected: 'Lt Gen' },
    { name: 'the title used most wins', titles: ['Sen.', 'Senator', 'Gov.'], expected: 'Sen.' },
    { name: 'none gives null', titles: [], expected: null },
  ])('$name', ({ titles, expected }) => {
    expect(chooseTitle(titles)).toBe(expected)
  })

  it('drops an office that repeats the title', () => {
    expect(chooseRoles(['Ohio Gov.'], ['former Ohio governor'])).toEqual({ title: 'Ohio Gov.', office: null })
  })

  it('keeps the longest office of at most twelve words', () => {
    const long = 'a former official who worked at the agency for twenty years before leaving it in anger'
    expect(chooseRoles([], ['spokesperson', 'the agency spokesperson', long])).toEqual({ title: null, office: 'the agency spokesperson' })
  })
})

describe('readAppositiveRole', () => {
  it.each([
    { phrase: 'a lawyer in Lyon', expected: 'a lawyer in Lyon' },
    { phrase: 'the campaign manager for Mr', expected: 'the campaign manager' },
    { phrase: 'a professor of physics at M', expected: 'a professor of physics' },
    { phrase: ' the mayor, ', expected: 'the mayor' },
  ])('"$phrase" → "$expected"', ({ phrase, expected }) => {
    expect(readAppositiveRole(phrase)).toBe(expected)
  })
})

describe('speakerDisplay', () => {
  it.each([
    { speaker: { name: 'Ana Ruiz', title: 'Mayor', role: null }, expected: 'Mayor Ana Ruiz' },
    { speaker: { name: 'Ana Ruiz', title: null, role: 'the city’s mayor' }, expected: 'Ana Ruiz, the city’s mayor' },
    { speaker: { name: 'Ana Ruiz', title: 'Dr', role: 'city health officer' }, expected: 'Dr Ana Ruiz, city health officer' },
    { speaker: { name: 'Ana Ruiz', role: null }, expected: 'Ana Ruiz' },
  ])('$expected', ({ speaker, expected }) => {
    expect(speakerDisplay(speaker)).toBe(expected)
  })
})
