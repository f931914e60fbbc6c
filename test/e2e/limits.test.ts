import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { COMPONENT_LIMITS, EMBED_LIMITS, embedLength } from '../../src/render/discordLimits.js'
import { failOnUnhandledRejection, limitViolations, useTestBot, writeTempCorpus } from './harness.js'
import { autocomplete, chatInput } from './interactions.js'

failOnUnhandledRejection()

const SURNAMES =
  'Adams Baker Clarke Dawson Evans Fisher Graham Hughes Irving Jensen Keller Larsen Morgan Nolan Owens Parker Quincy Reyes Santos Turner Upton Vargas Walsh Xavier Young Zimmer Abbott Bishop Carver Dalton'.split(
    ' ',
  )

/** A corpus built to overflow every limit: a 400-character headline, a 120-character id, paragraphs of 3,000 to 6,000 characters, 35 articles, 30 speakers in one article, 30 statements by one person. */
function hostileCorpus(): Record<string, string> {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `the regional hub sentence ${i} keeps going with words`).join(' ')
  const files: Record<string, string> = {
    'long.txt': [
      `${'Regional hub headline that never ends '.repeat(11)}`,
      'By Long Writer',
      `${filler(120)} zebra`,
      filler(70),
      filler(70),
      filler(70),
    ].join('\n'),
    'voices.txt': [
      'Thirty voices on the regional hub',
      'By Test Writer',
      ...SURNAMES.map(
        (surname, i) =>
          `“The regional hub plan number ${i + 1} needs more money and more time than anyone admits,” said ${surname}, the deputy minister for planning and regional development.`,
      ),
    ].join('\n'),
    'jane.txt': [
      'Jane Doe on everything',
      'By Test Writer',
      ...Array.from(
        { length: 30 },
        (_, i) => `“Hub item ${i + 1} is ready and the regional partners agree with the timetable we set,” said Jane Doe.`,
      ),
    ].join('\n'),
    [`${'overlong-id-'.repeat(10)}.txt`]:
      'Overlong id story\nBy Test Writer\nAn article whose id is longer than an autocomplete value may be.\n',
    'mentions.txt': [
      'Ping test',
      'By Test Writer',
      '“@everyone should read this <@123> and <@&456> about the hub,” said Mallory Mentions, a spokesperson.',
    ].join('\n'),
  }
  for (let i = 1; i <= 30; i++)
    files[`a${String(i).padStart(2, '0')}.txt`] = `Short article ${i} about a hub\nBy Writer ${i}\nA paragraph about hub ${i}.\n`
  return files
}

describe("Discord's limits and mentions, on a hostile corpus", () => {
  const running = useTestBot(async () => ({ corpusDir: await writeTempCorpus(hostileCorpus()) }))

  async function reply(payload: Record<string, unknown>): Promise<{ embeds: APIEmbed[]; content?: string; allowed_mentions?: unknown }> {
    const record = running.emulator.interact(payload)
    const responses = await running.emulator.waitForResponses(record, 1)
    // /brief defers, then edits.
    const final = responses[0]?.callbackType === 5 ? (await running.emulator.waitForResponses(record, 2))[1] : responses[0]
    const data = final?.data ?? {}
    expect(limitViolations(data)).toEqual([])
    return data as { embeds: APIEmbed[]; content?: string }
  }

  it.each([
    {
      name: 'a 6,000-character passage is cut on a word boundary inside 4,096 characters',
      payload: () => chatInput('ask', { question: 'zebra' }),
      check: (embeds: APIEmbed[]) => {
        const passage = embeds[1]?.description ?? ''
        expect(passage.length).toBeGreaterThan(EMBED_LIMITS.description - 200)
        expect(passage).toMatch(/\w…\n— narration · ¶1 · /)
      },
    },
    {
      name: 'three long passages share the 6,000 characters of one message',
      payload: () => chatInput('ask', { question: 'regional hub sentence keeps going', article: 'long' }),
      check: (embeds: APIEmbed[]) => {
        expect(embeds).toHaveLength(4)
        expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeGreaterThan(EMBED_LIMITS.total - 300)
        for (const embed of embeds.slice(1)) expect(embed.description).toMatch(/\S…\n— narration · ¶\d · /)
      },
    },
    {
      name: 'a 400-character headline is cut to a 256-character title',
      payload: () => chatInput('brief', { article: 'long' }),
      check: (embeds: APIEmbed[]) => {
        expect(embeds[0]?.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title)
        expect(embeds[0]?.title).toMatch(/\w…$/)
      },
    },
    {
      name: "30 speakers and their quotes overflow the who's who, which ends in whole lines and a count",
      payload: () => chatInput('brief', { article: 'voices' }),
      check: (embeds: APIEmbed[]) => {
        const whosWho = embeds.find((embed) => embed.title === "Who's who")
        expect(whosWho?.description).toMatch(/\(¶\d+\)\n…and \d+ more$/)
        expect(whosWho?.description?.length).toBeGreaterThan(EMBED_LIMITS.description - 300)
      },
    },
    {
      name: '30 articles in a corpus brief stay within one message',
      payload: () => chatInput('brief', {}),
      check: (embeds: APIEmbed[]) => {
        expect(embeds[0]?.title).toBe('Top stories')
        expect(embeds[0]?.description).toMatch(/^The top 5 of \d+ articles/)
      },
    },
    {
      name: '35 articles are listed in at most 25 fields',
      payload: () => chatInput('articles'),
      check: (embeds: APIEmbed[]) => {
        expect(embeds[0]?.fields).toHaveLength(EMBED_LIMITS.fields)
        expect(embeds[0]?.description).toContain('showing 25')
      },
    },
    {
      name: '30 statements by one speaker are capped at 25 fields',
      payload: () => chatInput('speakers', { name: 'Jane Doe' }),
      check: (embeds: APIEmbed[]) => expect(embeds[0]?.fields).toHaveLength(EMBED_LIMITS.fields),
    },
  ])('$name', async ({ payload, check }) => {
    check((await reply(payload())).embeds)
  })

  it.each([
    { name: 'articles, none typed', payload: () => autocomplete('ask', { article: '' }, 'article'), count: 25 },
    {
      name: 'the article with a 400-character headline',
      payload: () => autocomplete('brief', { article: 'never ends' }, 'article'),
      count: 1,
    },
    {
      name: 'the article whose id is too long to be a value (left out)',
      payload: () => autocomplete('brief', { article: 'overlong' }, 'article'),
      count: 0,
    },
    { name: '30 speakers, none typed', payload: () => autocomplete('quote', { keyword: 'hub', speaker: '' }, 'speaker'), count: 25 },
  ])('autocompletes $name with at most 25 choices, names and values of 1 to 100 characters', async ({ payload, count }) => {
    const record = running.emulator.interact(payload())
    const response = await running.emulator.waitForResponse(record)
    const choices = (response.data as { choices: { name: string; value: string }[] }).choices
    expect(response.callbackType).toBe(8)
    expect(choices).toHaveLength(count)
    for (const { name, value } of choices) {
      expect(name.length).toBeGreaterThanOrEqual(1)
      expect(name.length).toBeLessThanOrEqual(COMPONENT_LIMITS.choiceName)
      expect(value.length).toBeGreaterThanOrEqual(1)
      expect(value.length).toBeLessThanOrEqual(COMPONENT_LIMITS.choiceValue)
    }
  })

  it('still finds the article whose id is too long for autocomplete by its headline words', async () => {
    const data = await reply(chatInput('brief', { article: 'overlong id story' }))
    expect(data.embeds[0]?.title).toBe('Overlong id story')
  })

  it('quotes @everyone and <@123> from the corpus without pinging anyone', async () => {
    const data = await reply(chatInput('quote', { keyword: 'everyone' }))
    expect(data.allowed_mentions).toEqual({ parse: [] })
    const quote = data.embeds[1]?.description ?? ''
    expect(quote).toContain('\\@everyone should read this \\<\\@123\\> and \\<\\@&456\\>')
    expect(quote).not.toMatch(/(^|[^\\])<@/)
  })

  it('escapes markdown and mentions echoed from the user', async () => {
    const data = await reply(chatInput('ask', { question: '**qqqq** @wwww <@987654> `vvvv`' }))
    expect(data.embeds[0]?.description).toContain('“\\*\\*qqqq\\*\\* \\@wwww \\<\\@987654\\> \\`vvvv\\`”')
  })
})
