import { describe, expect, it } from 'vitest'
import { isBoilerplateLine } from '../../src/ingest/boilerplateLines.js'

const context = {
  headline: 'Storm closes schools across the north',
  byline: 'Jane Roe',
  url: 'https://news.example/storm',
  site: 'News Example',
}

describe('isBoilerplateLine', () => {
  it.each([
    { line: 'Storm closes schools across the north', why: 'the headline again' },
    { line: 'STORM CLOSES SCHOOLS ACROSS THE NORTH', why: 'the headline in capitals' },
    { line: 'By Jane Roe', why: 'a byline' },
    { line: 'Jane Roe', why: 'the byline alone' },
    { line: 'By JANE ROE and JOHN DOE, Associated Press', why: 'a byline with an agency' },
    { line: 'https://news.example/storm', why: 'the page address' },
    { line: 'Published 4:00 am CST, Wednesday, November 20, 2019', why: 'a publication-time line' },
    { line: 'Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM', why: 'an update line' },
    { line: 'November 20, 2019', why: 'a date alone' },
    { line: 'Tue 19 Nov 2019 10.48 GMT', why: 'a date with weekday and time' },
    { line: 'Advertisement', why: 'an ad label' },
    { line: 'Continue Reading Below', why: 'an ad gap' },
    { line: 'Image 1 of 9', why: 'a gallery control' },
    { line: 'Image copyright Getty Images', why: 'an image credit' },
    { line: 'Photo: Jane Roe / Example Agency', why: 'a photo credit' },
    { line: 'Rescuers search the rubble on Monday. (AP Photo/Jane Roe)', why: 'a caption ending in a credit' },
    { line: 'A voter leaves the polling station. Credit: Getty - Contributor', why: 'a caption with Credit:' },
    { line: 'Natalie Roe | Bloomberg | Getty Images', why: 'a credit line' },
    { line: 'READ MORE: Schools to reopen on Monday', why: 'a read-more teaser' },
    { line: 'Related: The ten worst storms on record', why: 'a related teaser' },
    { line: "DON'T MISS", why: 'a teaser heading' },
    { line: 'You may also like', why: 'a recommendation heading' },
    { line: 'Sign up for our morning newsletter', why: 'a newsletter call' },
    { line: 'Follow Jane Roe on Twitter', why: 'a follow call' },
    { line: 'CLICK HERE TO GET THE NEWS APP', why: 'a shouted call to action' },
    { line: 'Additional reporting by John Doe', why: 'a reporting credit' },
    { line: 'John Doe contributed to this report.', why: 'a contribution credit' },
    { line: '12 Comments', why: 'a comment count' },
    { line: 'jane.roe@news.example', why: 'an email address' },
    { line: 'twitter.com/janeroe', why: 'a social profile' },
    { line: 'Join the conversation...', why: 'a comments call' },
    { line: 'news example', why: 'the site name' },
    { line: 'SOURCE: News agencies', why: 'a source credit' },
    { line: 'Via Example Wire', why: 'a syndication credit' },
    { line: '05/10/2018 - Publicado por: Clara Souza - Categoria: Saúde', why: 'a date leading labelled fields' },
  ])('"$line" is furniture ($why)', ({ line }) => {
    expect(isBoilerplateLine(line, context)).toBe(true)
  })

  it.each([
    { line: 'Schools will stay closed until Monday, the council said.', why: 'a sentence' },
    { line: 'By the end of the week, the council said, schools could reopen.', why: 'a sentence starting with By' },
    { line: 'More than 200 schools were closed on Tuesday.', why: 'a sentence starting with More' },
    { line: 'Read the statement here: https://council.example/statement', why: 'a sentence with a link, no teaser prefix' },
    { line: 'Photos shared online showed flooded classrooms across the region.', why: 'a sentence starting with Photos' },
    { line: 'Storm damage', why: 'a short subheading' },
    { line: 'Updated guidance from the health service tells parents to keep children indoors.', why: 'a sentence starting with Updated' },
    {
      line: 'Published reports suggest the damage could exceed $1 billion, according to insurers who have surveyed the area this week.',
      why: 'a long sentence starting with Published',
    },
    { line: 'https://council.example/statement', why: 'a cited source address' },
    { line: '___', why: 'a section separator' },
    { line: 'Sources said the talks would resume on Monday.', why: 'a sentence starting with Sources' },
    { line: 'Via the new bridge, the trip takes ten minutes.', why: 'a sentence starting with Via' },
    {
      line: 'November 19, 2019 - the day the council finally voted: a turning point for the city.',
      why: 'a sentence starting with a date',
    },
    { line: '“We are doing everything we can,” she said.', why: 'a quote' },
  ])('"$line" is text ($why)', ({ line }) => {
    expect(isBoilerplateLine(line, context)).toBe(false)
  })
})
