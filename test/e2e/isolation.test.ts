import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { encodeButton } from '../../src/discord/buttonState.js'
import { failOnUnhandledRejection, limitViolations, useTestBot, writeTempCorpus } from './harness.js'
import { autocomplete, button, chatInput, foreignMessage, GUILD_ID, type Invoker, messageCommand } from './interactions.js'

failOnUnhandledRejection()

// Server A (the emulator's default guild) has an article of its own; server B has another, and
// direct messages see the shared seed only. The same interactions are sent from each.
const OTHER_GUILD = '2000000000000000002'
const SECRET = {
  file: `servers/${GUILD_ID}/keepers-return.md`,
  text: '---\ntitle: "Lighthouse keepers return to Skerryvore"\n---\n\nThe Northern Lighthouse Board said on Monday that keepers would return to the Skerryvore rock in May.\n\n"The lamp will never go dark again," said Ondine Farrow, the board\'s chief keeper.\n',
}
const OTHER = {
  file: `servers/${OTHER_GUILD}/school-budget.md`,
  text: '---\ntitle: "Brackenfold school budget approved"\n---\n\nThe Brackenfold school board approved its budget for the new year.\n\n"Every classroom gets new books," said Petra Lindqvist, the board chair.\n',
}
const SECRET_WORDS = /skerryvore|ondine|farrow|keepers-return/i

type Data = { content?: string; embeds?: APIEmbed[]; choices?: { name: string; value: string }[] }

describe('per-server collections across two servers and direct messages', () => {
  const running = useTestBot(async () => {
    const dir = await writeTempCorpus({})
    await copyFile('corpus/000_964c6f0d203bd963.txt', path.join(dir, 'seed.txt'))
    for (const { file, text } of [SECRET, OTHER]) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
      await writeFile(path.join(dir, file), text)
    }
    return { corpusDir: dir }
  })

  async function send(payload: Record<string, unknown>): Promise<string> {
    const record = running.emulator.interact(payload)
    const response = await running.emulator.waitForResponse(record)
    if (response.callbackType !== 8) expect(limitViolations(response.data)).toEqual([])
    const data = response.data as Data
    return [data.content ?? '', ...(data.embeds ?? []).map((embed) => JSON.stringify(embed)), JSON.stringify(data.choices ?? [])].join('\n')
  }

  const WHERE: Array<{ where: string; invoker: Invoker }> = [
    { where: 'server A', invoker: {} },
    { where: 'server B', invoker: { guildId: OTHER_GUILD } },
    { where: 'a direct message', invoker: { isDm: true } },
  ]
  const contextButton = encodeButton({ kind: 'context', article: 'keepers-return', paragraph: 2 }) ?? ''
  // `typed`: what a reply may echo back ("No such article: “keepers-return”"); the rest is what the bot told.
  const ASKED: Array<{ name: string; payload: (invoker: Invoker) => Record<string, unknown>; typed?: string }> = [
    { name: '/ask', payload: (invoker) => chatInput('ask', { question: 'When will the lighthouse keepers return?' }, invoker) },
    { name: '/quote', payload: (invoker) => chatInput('quote', { keyword: 'lamp' }, invoker) },
    {
      name: '/brief of the article',
      payload: (invoker) => chatInput('brief', { article: 'keepers-return' }, invoker),
      typed: 'keepers-return',
    },
    { name: '/speakers', payload: (invoker) => chatInput('speakers', {}, invoker) },
    { name: '/speakers by name', payload: (invoker) => chatInput('speakers', { name: 'Ondine Farrow' }, invoker), typed: 'Ondine Farrow' },
    { name: '/articles', payload: (invoker) => chatInput('articles', {}, invoker) },
    { name: 'article autocomplete', payload: (invoker) => autocomplete('ask', { article: 'lighthouse' }, 'article', invoker) },
    { name: 'speaker autocomplete', payload: (invoker) => autocomplete('quote', { keyword: 'x', speaker: 'ond' }, 'speaker', invoker) },
    { name: 'a context button naming the article', payload: (invoker) => button(contextButton, foreignMessage(), invoker) },
    { name: 'Find in articles', payload: (invoker) => messageCommand('Find in articles', 'lighthouse keepers lamp', invoker) },
  ]

  it.each(ASKED.flatMap((asked) => WHERE.map((where) => ({ ...asked, ...where }))))(
    '$name from $where shows server A’s article only in server A',
    async ({ payload, where, invoker, typed }) => {
      const text = await send(payload(invoker))
      if (where === 'server A') expect(text).toMatch(SECRET_WORDS)
      else expect(typed === undefined ? text : text.replaceAll(typed, '')).not.toMatch(SECRET_WORDS)
    },
  )

  it('answers a crafted button naming another server’s article with “no such article”', async () => {
    expect(await send(button(contextButton, foreignMessage(), { guildId: OTHER_GUILD }))).toContain('No such article here')
  })

  it('answers the same shared question alike everywhere, and each server with its own article', async () => {
    for (const { invoker } of WHERE)
      expect(await send(chatInput('ask', { question: 'Who said Afghanistan could become a regional hub?' }, invoker))).toContain(
        'Tahir Hussain Andrabi',
      )
    expect(await send(chatInput('ask', { question: 'What did the school board approve?' }, { guildId: OTHER_GUILD }))).toContain(
      'Brackenfold',
    )
    expect(await send(chatInput('ask', { question: 'What did the school board approve?' }))).not.toContain('Brackenfold')
  })
})
