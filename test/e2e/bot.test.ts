import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import type { InteractionRecord, InteractionResponse } from './emulator.js'
import { failOnUnhandledRejection, limitViolations, useTestBot } from './harness.js'
import { autocomplete, button, chatInput, foreignMessage, MANAGE_GUILD, messageCommand } from './interactions.js'

failOnUnhandledRejection()

const SEED = '000_964c6f0d203bd963'
const HUB_QUESTION = 'Who said Afghanistan could become a regional hub?'

type Data = {
  content?: string
  embeds?: APIEmbed[]
  components?: { components: { custom_id: string; label: string; disabled?: boolean }[] }[]
  choices?: { name: string; value: string }[]
}

describe('byline bot against the emulator (seed corpus)', () => {
  const running = useTestBot()

  /** Dispatches an interaction and returns the bot's first response with content, checked against Discord's limits. */
  async function send(payload: Record<string, unknown>): Promise<{ record: InteractionRecord; response: InteractionResponse; data: Data }> {
    const record = running.emulator.interact(payload)
    const response = await running.emulator.waitForResponse(record)
    if (response.callbackType !== 8) expect(limitViolations(response.data)).toEqual([])
    return { record, response, data: response.data as Data }
  }

  const text = (data: Data) => [data.content ?? '', ...(data.embeds ?? []).map((embed) => JSON.stringify(embed))].join('\n')
  const buttonIds = (data: Data) => (data.components ?? []).flatMap((row) => row.components)

  it('answers /ask with the passage, its speaker and the article', async () => {
    const { response, data } = await send(chatInput('ask', { question: HUB_QUESTION }))
    expect(response).toMatchObject({ kind: 'callback', callbackType: 4, isEphemeral: false })
    const best = data.embeds?.[1]
    expect(best?.description).toContain('**regional** **hub**')
    expect(best?.description).toContain('— Tahir Hussain Andrabi, Foreign Office spokesperson · ¶7 · Pakistan Says Diplomatic Engagement')
    expect(best?.footer?.text).toBe('By Naeem Mehboob')
    expect(data.embeds?.[0]?.author?.name).toBe(`🔎 ${HUB_QUESTION}`)
    expect(data.embeds?.[0]?.description).toMatch(/^\*\*Answer:\*\* Tahir Hussain Andrabi \(¶7\)\n/)
  })

  it.each([
    { name: '/quote keyword', payload: () => chatInput('quote', { keyword: 'terrorism' }), expected: ['Andrabi', '(direct)'] },
    {
      name: '/quote exact phrase by speaker',
      payload: () => chatInput('quote', { keyword: '"hard message"', speaker: 'Chaudhry' }),
      expected: ['Ahmed Sharif Chaudhry', 'hard message'],
    },
    { name: '/speakers', payload: () => chatInput('speakers'), expected: ['Tahir Hussain Andrabi', 'Ahmed Sharif Chaudhry'] },
    {
      name: '/speakers with a name',
      payload: () => chatInput('speakers', { name: 'Andrabi' }),
      expected: ['written, verifiable, and concrete assurances'],
    },
    { name: '/articles', payload: () => chatInput('articles'), expected: ['Pakistan Says Diplomatic Engagement', SEED, 'Naeem Mehboob'] },
    { name: '/help', payload: () => chatInput('help'), expected: ['/ask', 'Find in articles'] },
    {
      name: '/ask in a DM',
      payload: () => chatInput('ask', { question: 'When was the ceasefire announced?' }, { isDm: true }),
      expected: ['October 19'],
    },
  ])('answers $name', async ({ payload, expected }) => {
    const { data } = await send(payload())
    for (const fragment of expected) expect(text(data)).toContain(fragment)
  })

  it('replies to /brief on the seed at once, with the headline, who is who with quotes, and the timeline', async () => {
    const { response, data } = await send(chatInput('brief', { article: SEED, private: true }))
    // A brief of one short article takes milliseconds: no deferral, one private message.
    expect(response).toMatchObject({ kind: 'callback', callbackType: 4, isEphemeral: true })
    const [head, whosWho, timeline] = data.embeds ?? []
    expect(head?.title).toContain('Pakistan Says Diplomatic Engagement')
    expect(whosWho?.description).toMatch(/• Tahir Hussain Andrabi, Foreign Office spokesperson — \d+ statements\n> “/)
    expect(timeline).toMatchObject({ title: 'Timeline', description: expect.stringContaining('**October 19**') })
    expect(buttonIds(data).map((b) => b.label)).toEqual(['Post to channel'])
  })

  it('answers "no such article" for an unknown article id, never reading it as a path', async () => {
    const { response, data } = await send(chatInput('ask', { question: 'passwords', article: '../../etc/passwd' }))
    expect(response.isEphemeral).toBe(true)
    expect(data.content).toContain('No such article')
  })

  it('replies privately when asked to', async () => {
    const { response, data } = await send(chatInput('ask', { question: HUB_QUESTION, private: true }))
    expect(response.isEphemeral).toBe(true)
    expect(buttonIds(data).map((b) => b.label)).toContain('Post to channel')
  })

  it.each([
    {
      name: 'article by headline word',
      payload: () => autocomplete('ask', { article: 'diplomatic' }, 'article'),
      expected: { name: 'Pakistan Says Diplomatic Engagement With Afghanistan Ongoing Despite Terrorism Concerns', value: SEED },
    },
    {
      name: 'speaker by surname prefix',
      payload: () => autocomplete('quote', { keyword: 'x', speaker: 'andr' }, 'speaker'),
      expected: { name: 'Tahir Hussain Andrabi, Foreign Office spokesperson', value: 'Tahir Hussain Andrabi' },
    },
    {
      name: 'speaker name for /speakers',
      payload: () => autocomplete('speakers', { name: 'chaud' }, 'name'),
      expected: { value: 'Ahmed Sharif Chaudhry' },
    },
  ])('autocompletes the $name', async ({ payload, expected }) => {
    const { response, data } = await send(payload())
    expect(response.callbackType).toBe(8)
    expect(data.choices?.length).toBeLessThanOrEqual(25)
    expect(data.choices?.[0]).toMatchObject(expected)
  })

  it('pages /ask results with ▶ and ◀, updating the message in place', async () => {
    const first = await send(chatInput('ask', { question: 'Afghanistan terrorism Pakistan' }))
    const next = buttonIds(first.data).find((b) => b.label.includes('Next'))
    expect(next?.disabled).toBe(false)
    const message = first.record.original
    if (!next || !message) throw new Error('no ▶ button or message')
    const second = await send(button(next.custom_id, message))
    expect(second.response.callbackType).toBe(7)
    expect(second.data.embeds?.[0]?.description).toContain('Results 4–6')
    const previous = buttonIds(second.data).find((b) => b.label.includes('Previous'))
    if (!previous || !second.record.original) throw new Error('no ◀ button')
    const third = await send(button(previous.custom_id, second.record.original))
    expect(third.data.embeds?.[0]?.description).toContain('Results 1–3')
  })

  it("answers someone else's ▶ on a public result with that page privately, leaving the message alone", async () => {
    const first = await send(chatInput('ask', { question: 'Afghanistan terrorism Pakistan' }))
    const next = buttonIds(first.data).find((b) => b.label.includes('Next'))
    const message = first.record.original
    if (!next || !message) throw new Error('no ▶ button or message')
    const other = await send(button(next.custom_id, message, { userId: '4000000000000000002' }))
    expect(other.response).toMatchObject({ callbackType: 4, isEphemeral: true })
    expect(other.data.embeds?.[0]?.description).toContain('Results 4–6')
    expect(first.record.responses).toHaveLength(1)
  })

  it('shows the paragraphs around a passage privately', async () => {
    const { record, data } = await send(chatInput('ask', { question: HUB_QUESTION }))
    const context = buttonIds(data).find((b) => b.label.includes('context of ¶7'))
    if (!context || !record.original) throw new Error('no context button')
    const shown = await send(button(context.custom_id, record.original))
    expect(shown.response.isEphemeral).toBe(true)
    const description = shown.data.embeds?.[0]?.description ?? ''
    expect(description).toMatch(/¶6 [\s\S]*\*\*¶7\*\* ▸ [\s\S]*¶8 /)
  })

  it('posts a private reply to the channel for everyone', async () => {
    const { record, data } = await send(chatInput('quote', { keyword: 'terrorism', private: true }))
    const post = buttonIds(data).find((b) => b.label === 'Post to channel')
    if (!post || !record.original) throw new Error('no post button')
    const posted = await send(button(post.custom_id, record.original))
    expect(posted.response).toMatchObject({ callbackType: 4, isEphemeral: false })
    expect(posted.data.embeds).toEqual(data.embeds)
    expect(posted.data.components).toEqual([])
  })

  it.each([
    { name: 'a foreign custom id', customId: 'someone-elses-button' },
    { name: 'an id from an older format', customId: 'b0|p|ask|3|>||' },
    { name: 'a page button whose message lost its query', customId: 'b1|p|ask|3|>||' },
  ])('answers $name with a polite private note', async ({ customId }) => {
    const { response, data } = await send(button(customId, foreignMessage()))
    expect(response.isEphemeral).toBe(true)
    expect(data.content).toContain('expired')
  })

  it('keeps buttons working after the bot restarts', async () => {
    const { record, data } = await send(chatInput('quote', { keyword: 'Pakistan', private: true }))
    const next = buttonIds(data).find((b) => b.label.includes('Next'))
    if (!next || !record.original) throw new Error('no ▶ button')
    await running.restartBot()
    const after = await send(button(next.custom_id, record.original))
    expect(after.response.callbackType).toBe(7)
    expect(after.data.embeds?.[0]?.description).toContain('Results 6–')
    expect(buttonIds(after.data).map((b) => b.label)).toContain('Post to channel')
  })

  it('finds a message from the context menu, privately', async () => {
    const { response, data } = await send(messageCommand('Find in articles', 'is the Doha Agreement being respected?'))
    expect(response.isEphemeral).toBe(true)
    expect(data.embeds?.[1]?.description).toContain('**Doha** **Agreement**')
  })

  it('looks up a long message by its first 200 characters, cut between words', async () => {
    const long = `${'Pakistan Afghanistan border talks '.repeat(10)}and the Doha Agreement`
    const { data } = await send(messageCommand('Find in articles', long))
    const query = data.embeds?.[0]?.author?.name.replace('🔎 ', '') ?? ''
    expect(query.length).toBeLessThanOrEqual(200)
    expect(long.startsWith(query)).toBe(true)
    expect(long[query.length]).toBe(' ')
  })

  it('reloads the corpus for a member with Manage Server, and refuses others', async () => {
    const refused = await send(chatInput('reload'))
    expect(refused.data.content).toContain('Manage Server')
    const record = running.emulator.interact(chatInput('reload', {}, { permissions: MANAGE_GUILD }))
    const [deferral, edit] = await running.emulator.waitForResponses(record, 2)
    expect(deferral).toMatchObject({ callbackType: 5, isEphemeral: true })
    expect((edit?.data as Data | undefined)?.content).toMatch(/^Reloaded: 1 articles, 15 paragraphs\./)
  })
})
