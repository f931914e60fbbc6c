import { describe, expect, it } from 'vitest'
import { countWords, mainClauseEnd } from '../../src/answer/summarizeClauses.js'

// What mainClauseEnd keeps of a sentence: the prefix up to the returned offset.
const kept = (sentence: string, options = {}) => sentence.slice(0, mainClauseEnd(sentence, options))

describe('mainClauseEnd', () => {
  it.each([
    {
      name: 'drops a participial tail',
      sentence:
        'Relations between the two capitals have deteriorated badly in recent months, with each side accusing the other of harbouring armed militants on its soil.',
      expected: 'Relations between the two capitals have deteriorated badly in recent months',
    },
    {
      name: 'drops a second coordinated predicate',
      sentence:
        'The teacher was first arrested on March 19 for having an inappropriate relationship with a student, and was released on bail.',
      expected: 'The teacher was first arrested on March 19 for having an inappropriate relationship with a student',
    },
    {
      name: 'drops a reporting tail',
      sentence:
        'Eight border guards have been killed in clashes with militants near the frontier with the neighbouring country on Monday, state media reported.',
      expected: 'Eight border guards have been killed in clashes with militants near the frontier with the neighbouring country on Monday',
    },
    {
      name: 'drops only the last of several trailing clauses',
      sentence:
        'The bridge reopened to traffic on Thursday morning after six months of repairs, according to the council, following complaints from drivers.',
      expected: 'The bridge reopened to traffic on Thursday morning after six months of repairs, according to the council',
    },
  ])('$name', ({ sentence, expected }) => {
    expect(kept(sentence)).toBe(expected)
  })

  it.each([
    {
      name: 'keeps a clause that qualifies what came before ("but")',
      sentence:
        'The striker scored twice in the first half of the match against his former club, but was sent off after the break for a second booking.',
    },
    {
      name: 'keeps a concession ("despite")',
      sentence:
        'Diplomatic channels between the two neighbouring countries remain open and active, despite rising tensions over cross-border attacks.',
    },
    {
      name: 'never cuts a subject from its verb ("X, who …, will …")',
      sentence:
        'The four-time Olympic champion and former Tour winner, who is 35 later this month, will attempt the hour record at the velodrome.',
    },
    {
      name: 'keeps relative clauses, which in news carry facts about the participant',
      sentence:
        'The current owner of the famous stadium signage is the baseball great Reggie Jackson, who bought the letters when the stadium closed.',
    },
    {
      name: 'keeps a short sentence whole',
      sentence: 'The minister resigned on Friday, according to aides.',
    },
    {
      name: 'does not cut inside an open quotation',
      sentence:
        '“We will rebuild every house on the coast road before the winter comes, and we will do it together,” the mayor told a crowd of residents.',
    },
    {
      name: 'does not cut inside an open single-quoted quotation',
      sentence:
        "'In the valley we were living it well, bought our first house and started to build our homestead, and then the news came, ' she says.",
    },
    {
      name: 'keeps a main clause that would be too short on its own',
      sentence:
        'Police said on Monday, according to local reports from the scene and several witnesses who saw the crash on the motorway bridge.',
    },
  ])('$name', ({ sentence }) => {
    expect(kept(sentence)).toBe(sentence)
  })

  it('keeps a reporting tail when the caller cannot show the speaker', () => {
    const sentence =
      'Eight border guards have been killed in clashes with militants near the frontier with the neighbouring country on Monday, state media reported.'
    expect(kept(sentence, { isAttributionDroppable: false })).toBe(sentence)
  })

  it('trims only sentences longer than trimAfterWords', () => {
    const sentence = 'The bridge reopened to traffic on Thursday after six months of repairs, following complaints.'
    expect(kept(sentence)).toBe(sentence)
    expect(kept(sentence, { trimAfterWords: 10 })).toBe('The bridge reopened to traffic on Thursday after six months of repairs')
  })
})

describe('countWords', () => {
  it.each([
    { text: '', expected: 0 },
    { text: '  two   words ', expected: 2 },
    { text: 'Lt Gen. Chaudhry said: “done.”', expected: 5 },
  ])('counts $expected in "$text"', ({ text, expected }) => {
    expect(countWords(text)).toBe(expected)
  })
})
