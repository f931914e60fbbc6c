import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { DEFER_ABOVE_CHARS } from '../../src/discord/commands/brief.js'
import type { InteractionResponse } from './emulator.js'
import { failOnUnhandledRejection, limitViolations, useTestBot, writeTempCorpus } from './harness.js'
import { autocomplete, chatInput } from './interactions.js'

failOnUnhandledRejection()

// Small synthetic articles (written for these tests): two dated stories and one undated, named
// speakers with roles, a paraphrase, and a quotation nobody is credited with.
const COUNCIL = `---
title: Council Approves Budget for the New River Bridge
author: Jane Writer
date: 2026-03-02
url: https://example.test/council-bridge
---
The city council approved a budget of 40 million for the new river bridge on Monday, ending months of debate.

“This bridge will connect the two halves of our city for the next hundred years,” said Maria Lopez, the mayor.

Tom Reed, a council member, said the cost of the bridge was too high and that the money should go to schools.

“We listened to every neighbourhood before we voted,” Lopez said.

Construction is due to start on April 15, 2026, and the bridge should open in 2028.
`
const HARBOUR = `---
title: Harbour Dredging Delayed by Storm Damage
author: Sam Reporter
date: 2026-02-20
---
Dredging of the harbour was delayed after storms damaged two of the port's cranes in February.

“The cranes will be repaired within six weeks, and the dredging will resume after that,” said Ana Silva, the port director.

Silva said the delay would not raise the cost of the harbour project.

“Nobody told us anything about the delay.”
`
const ORCHARD = `Orchard Festival Returns to the Valley
By Lee Columnist
The orchard festival returns to the valley this weekend with music, cider and a parade.
“We expect twice as many visitors as last year,” said Omar Haddad, the festival organiser.
`

type Data = {
  content?: string
  embeds?: APIEmbed[]
  components?: { components: { custom_id: string; label: string }[] }[]
  choices?: { name: string; value: string }[]
}

/** Starts the bot on `files` and returns a sender that checks every reply against Discord's limits. */
function botOn(files: () => Record<string, string>) {
  const running = useTestBot(async () => ({ corpusDir: await writeTempCorpus(files()) }))
  /** Every response to the interaction once it has content: a reply, or a deferral and its edit. */
  return async (payload: Record<string, unknown>): Promise<{ responses: InteractionResponse[]; data: Data }> => {
    const { emulator } = running
    const record = emulator.interact(payload)
    const final = await emulator.waitForResponse(record)
    if (final.callbackType !== 8) expect(limitViolations(final.data)).toEqual([])
    return { responses: [...record.responses], data: final.data as Data }
  }
}

const kinds = (responses: readonly InteractionResponse[]) => responses.map((response) => response.callbackType ?? response.kind)
const text = (data: Data) => [data.content ?? '', ...(data.embeds ?? []).map((embed) => JSON.stringify(embed))].join('\n')

describe('/brief and the answers people trip on, over several small articles', () => {
  const send = botOn(() => ({ 'council.md': COUNCIL, 'harbour.md': HARBOUR, 'orchard.txt': ORCHARD }))

  it('briefs the corpus when no article is given: top stories, newest first, and the most quoted, replying at once', async () => {
    const { responses, data } = await send(chatInput('brief'))
    expect(kinds(responses)).toEqual([4])
    expect(responses[0]?.isEphemeral).toBe(false)
    const [embed] = data.embeds ?? []
    expect(embed?.title).toBe('Top stories')
    expect(embed?.description).toMatch(/^3 articles\. /)
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      'Council Approves Budget for the New River Bridge',
      'Harbour Dredging Delayed by Storm Damage',
      'Orchard Festival Returns to the Valley',
      'Most quoted',
    ])
    expect(embed?.fields?.[0]?.value).toContain('— Maria Lopez, the mayor (¶2)')
    expect(embed?.fields?.[0]?.value).toMatch(/^`council` · 2026-03-02 · by Jane Writer\n• The city council approved/)
    expect(embed?.fields?.[3]?.value).toMatch(/^• Ana Silva, the port director — 2 statements in 1 article\n/)
  })

  it('passes the topic to the corpus brief, and says when no article is about it', async () => {
    const about = await send(chatInput('brief', { topic: 'cranes' }))
    expect(about.data.embeds?.[0]?.title).toBe('Top stories about “cranes”')
    expect(about.data.embeds?.[0]?.fields?.map((field) => field.name)).toEqual(['Harbour Dredging Delayed by Storm Damage', 'Most quoted'])
    const none = await send(chatInput('brief', { topic: 'volcano' }))
    expect(none.data.embeds?.[0]?.description).toContain('No article is about “volcano”')
  })

  it("briefs one article with each speaker's representative quote, a paraphrase without quotation marks", async () => {
    const { responses, data } = await send(chatInput('brief', { article: 'council' }))
    expect(kinds(responses)).toEqual([4])
    const [head, whosWho, timeline] = data.embeds ?? []
    expect(head).toMatchObject({
      title: 'Council Approves Budget for the New River Bridge',
      url: 'https://example.test/council-bridge',
      footer: { text: 'By Jane Writer · 2026-03-02' },
    })
    expect(whosWho?.title).toBe("Who's who")
    expect(whosWho?.description).toContain(
      '• Maria Lopez, the mayor — 2 statements\n> “This bridge will connect the two halves of our city for the next hundred years” (¶2)',
    )
    expect(whosWho?.description).toContain(
      '• Tom Reed, a council member — 1 statement\n> the cost of the bridge was too high and that the money should go to schools (¶3)',
    )
    expect(timeline?.description).toContain('**April 15, 2026**')
  })

  it('says when nothing in the article is about the topic', async () => {
    const { data } = await send(chatInput('brief', { article: 'council', topic: 'volcano' }))
    expect(data.embeds).toHaveLength(1)
    expect(data.embeds?.[0]?.description).toContain('Nothing in this article is about “volcano”')
  })

  it('takes headline words typed without picking a suggestion, and lists the candidates when several match', async () => {
    const one = await send(chatInput('brief', { article: 'harbour dredging' }))
    expect(one.data.embeds?.[0]?.title).toBe('Harbour Dredging Delayed by Storm Damage')
    const several = await send(chatInput('brief', { article: 'the' }))
    expect(several.responses[0]?.isEphemeral).toBe(true)
    expect(several.data.content).toMatch(/^No such article: “the”\. Several articles match: “Council Approves/)
  })

  it('gives a private corpus brief a "Post to channel" button', async () => {
    const { responses, data } = await send(chatInput('brief', { private: true }))
    expect(responses[0]).toMatchObject({ callbackType: 4, isEphemeral: true })
    expect((data.components ?? []).flatMap((row) => row.components).map((button) => button.label)).toEqual(['Post to channel'])
  })

  it.each([
    {
      name: 'a quote nobody is credited with says "speaker unclear"',
      payload: () => chatInput('quote', { keyword: 'nobody told' }),
      expected: ['— speaker unclear (direct) · ¶4 · Harbour Dredging'],
    },
    {
      name: 'a speaker filter that empties /quote suggests who did say it',
      payload: () => chatInput('quote', { keyword: 'cranes', speaker: 'Lopez' }),
      expected: ['No quote by “Lopez” matches “cranes”. Did you mean: Ana Silva? Leave `speaker` out to search more widely.'],
    },
    {
      name: 'an /ask in one article with no match names the article and how to search them all',
      payload: () => chatInput('ask', { question: 'cranes', article: 'orchard' }),
      expected: ['Nothing in “Orchard Festival Returns to the Valley” matches “cranes”. Leave `article` out to search more widely.'],
    },
    {
      name: 'an /ask with no match suggests what to try',
      payload: () => chatInput('ask', { question: 'xyzzy plugh' }),
      expected: ['Nothing in the articles matches “xyzzy plugh”. Try other or fewer words'],
    },
    {
      name: 'an unknown speaker name says so and how to see everyone',
      payload: () => chatInput('speakers', { name: 'Zed Nobody' }),
      expected: ['No speaker matches “Zed Nobody”.', 'leave `name` out'],
    },
    {
      name: 'the direct answer names its article when there are several',
      payload: () => chatInput('ask', { question: 'When will construction start?' }),
      expected: ['**Answer:** April 15, 2026 (¶5 · Council Approves Budget for the New River Bridge)'],
    },
  ])('$name', async ({ payload, expected }) => {
    const { data } = await send(payload())
    for (const fragment of expected) expect(text(data).replace(/\\n/g, '\n')).toContain(fragment)
  })

  it('autocompletes at most 25 articles, names and values within 100 characters', async () => {
    const { data } = await send(autocomplete('brief', { article: '' }, 'article'))
    expect(data.choices?.map((choice) => choice.value)).toEqual(['council', 'harbour', 'orchard'])
  })
})

describe('/brief over a large corpus', () => {
  // One article longer than DEFER_ABOVE_CHARS: briefing it may take a while, so the bot defers.
  const paragraph = (i: number) =>
    `Paragraph ${i} of the long council report lists the budget lines for roads, schools and parks in the northern district.`
  const send = botOn(() => {
    const count = Math.ceil(DEFER_ABOVE_CHARS / paragraph(0).length) + 10
    return {
      'report.txt': ['Long Council Report', 'By Test Writer', ...Array.from({ length: count }, (_, i) => paragraph(i))].join('\n'),
      'orchard.txt': ORCHARD,
    }
  })

  it.each<{ name: string; options: Record<string, string>; expected: (number | string)[]; title: string }>([
    {
      name: 'defers a brief of the long article, then edits it in',
      options: { article: 'report' },
      expected: [5, 'edit'],
      title: 'Long Council Report',
    },
    { name: 'defers the corpus brief', options: {}, expected: [5, 'edit'], title: 'Top stories' },
    {
      name: 'still replies at once for a short article',
      options: { article: 'orchard' },
      expected: [4],
      title: 'Orchard Festival Returns to the Valley',
    },
  ])('$name', async ({ options, expected, title }) => {
    const { responses, data } = await send(chatInput('brief', options))
    expect(kinds(responses)).toEqual(expected)
    expect(data.embeds?.[0]?.title).toBe(title)
  })
})
