import { describe, expect, it } from 'vitest'
import { findDates, parseIsoDate, resolveDates } from '../../src/text/dates.js'

/** Finds and resolves the dates of one passage, the passage being the whole article. */
function datesOf(text: string, articleDate: string | null = null): Array<[string, string | null]> {
  const mentions = findDates(text)
  return resolveDates(mentions, { paragraph: mentions, article: mentions, articleDate }).map((date) => [date.text, date.when])
}

describe('findDates and resolveDates', () => {
  it.each([
    {
      name: 'a full date with an abbreviated month',
      text: 'It opened on Oct. 19, 2025, in the capital.',
      date: null,
      expected: [['Oct. 19, 2025', '2025-10-19']],
    },
    { name: 'day before month', text: 'Talks resumed on 5 March 2024 in Doha.', date: null, expected: [['5 March 2024', '2024-03-05']] },
    { name: 'an ordinal day', text: 'The vote is on March 3rd.', date: '2024-02-01', expected: [['March 3rd', '2024-03-03']] },
    {
      name: 'a month-day takes its year from the same month written with a year nearby',
      text: 'In October 2025, the border closed. A truce was announced on October 19.',
      date: null,
      expected: [
        ['October 2025', '2025-10'],
        ['October 19', '2025-10-19'],
      ],
    },
    {
      name: 'a month-day with no year anywhere stays null',
      text: 'A truce was announced on October 19.',
      date: null,
      expected: [['October 19', null]],
    },
    {
      name: 'a month-day takes the article year',
      text: 'The fair opens on June 2.',
      date: '2024-05-20',
      expected: [['June 2', '2024-06-02']],
    },
    {
      name: 'a month-day far after the article date is last year',
      text: 'It began on December 30.',
      date: '2025-01-04',
      expected: [['December 30', '2024-12-30']],
    },
    { name: 'a bare year', text: 'the 2020 Doha Agreement', date: null, expected: [['2020', '2020']] },
    { name: 'a year after a preposition', text: 'links were exposed in 2025, posing a threat', date: null, expected: [['2025', '2025']] },
    { name: 'a count is not a year', text: 'About 2000 people marched; it cost $1999 and 1,950 more.', date: null, expected: [] },
    { name: 'a decade and a range are not years', text: 'the late 1970s and 1980’s, and the 2001-2002 season', date: null, expected: [] },
    { name: 'a year with a possessive', text: 'fame in 2012’s series', date: null, expected: [['2012', '2012']] },
    { name: 'a season range is not a year', text: 'the 2025-26 season', date: null, expected: [] },
    {
      name: 'a bare month only after a preposition',
      text: 'Sales rose in May, and they may rise again.',
      date: '2023-09-01',
      expected: [['in May', '2023-05']],
    },
    { name: 'a month after "mid-"', text: 'Talks stalled in mid-October.', date: '2025-12-01', expected: [['mid-October', '2025-10']] },
    {
      name: 'a weekday without an article date stays null',
      text: 'The ministry said on Thursday that talks continue.',
      date: null,
      expected: [['on Thursday', null]],
    },
    {
      name: 'a weekday resolves to the latest such day',
      text: 'The ministry said on Thursday that talks continue.',
      date: '2025-11-15',
      expected: [['on Thursday', '2025-11-13']],
    },
    {
      name: 'a weekday on the article date is that day',
      text: 'Officials met on Monday night.',
      date: '2025-11-10',
      expected: [['on Monday night', '2025-11-10']],
    },
    {
      name: 'a vague relative date is kept as written',
      text: 'He said earlier this week that the fight goes on.',
      date: '2025-11-15',
      expected: [['earlier this week', null]],
    },
    {
      name: 'relative days, months and years against the article date',
      text: 'Yesterday it rained; last month it snowed; two days ago it hailed; next year it will be dry.',
      date: '2025-03-01',
      expected: [
        ['Yesterday', '2025-02-28'],
        ['last month', '2025-02'],
        ['two days ago', '2025-02-27'],
        ['next year', '2026'],
      ],
    },
    { name: 'no date at all', text: 'Nothing here is a date.', date: null, expected: [] },
  ])('$name', ({ text, date, expected }) => {
    expect(datesOf(text, date)).toEqual(expected)
  })

  it('gives offsets that slice back to the text', () => {
    const text = 'On Oct. 19, 2025 and again in 2026, yesterday.'
    for (const mention of findDates(text)) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })
})

describe('parseIsoDate', () => {
  it.each([
    { value: '2025-11-13', expected: '2025-11-13' },
    { value: '2025-11-13T08:00:00Z', expected: '2025-11-13' },
    { value: '2025-02-30', expected: null },
    { value: 'November 13', expected: null },
    { value: null, expected: null },
  ])('parses $value', ({ value, expected }) => {
    expect(parseIsoDate(value)?.toISOString().slice(0, 10) ?? null).toBe(expected)
  })
})
