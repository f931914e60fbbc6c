import { once } from 'node:events'
import { readdir, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { APIEmbed } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failOnUnhandledRejection, limitViolations, useTestBot, writeTempCorpus } from './harness.js'
import { autocomplete, chatInput, chatInputWithFile, GUILD_ID, type Invoker, MANAGE_GUILD, messageCommand } from './interactions.js'

failOnUnhandledRejection()

// Stories served by a local HTTP server (reached through FETCH_ALLOW_PRIVATE_HOSTS=127.0.0.1, as
// an operator would allow an intranet site) and uploaded through the emulator, added from one
// server, then asked about from that server and another. No test reaches the internet.

const OTHER_GUILD = '2000000000000000002'
const ADMIN: Invoker = { permissions: MANAGE_GUILD }
const NEWS_PAGE = 'test/fixtures/pages/news-article.html'
const SHARED_STORY =
  'Harbour ferry timetable changes\nBy Lena Moss\nThe harbour ferry will run every twenty minutes from Monday, the port authority said.\n"Queues at the pier should halve," said Tomas Ekberg, the authority\'s operations manager.\n'
const UPLOADED_STORY =
  '---\ntitle: "Orchard growers report record apple harvest"\nauthor: "Ida Brand"\n---\n\nGrowers in the Vale said the apple harvest was the largest in twenty years.\n\n"We ran out of crates in September," said Rosa Hallam, who chairs the growers\' cooperative.\n'
const OTHER_PAGE = `<!doctype html><html lang="en"><head><title>Night buses return to the valley - Valley Courier</title>
<meta property="og:site_name" content="Valley Courier"></head><body><nav><a href="/">Home</a></nav><article>
<h1>Night buses return to the valley</h1><p class="byline">By Owen Pryce</p>
<p>Night buses will return to the valley towns from next month after a two-year gap, the transport board announced on Thursday.</p>
<p>"People who work late shifts have waited long enough," said Carys Lloyd, the board's chair, at a meeting in Aberfen.</p>
<p>The service will run on Fridays and Saturdays at first, with weekday buses to follow if enough passengers use it.</p>
<p>Local councillors welcomed the plan but asked the board to publish its fares before the service starts.</p>
</article><footer>© Valley Courier</footer></body></html>`

type Data = { content?: string; embeds?: APIEmbed[]; choices?: { name: string; value: string }[]; flags?: number }

describe('adding and removing articles from Discord', () => {
  let pages: Server
  let site = ''
  let corpusDir = ''
  beforeAll(async () => {
    const newsPage = await readFile(NEWS_PAGE)
    pages = createServer((request, response) => {
      const routes: Record<string, () => void> = {
        '/story': () => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage),
        '/night-buses': () => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(OTHER_PAGE),
        '/photo.png': () =>
          response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
        '/app': () =>
          response
            .writeHead(200, { 'content-type': 'text/html' })
            .end('<html><body><div id="root"></div><script src="/app.js"></script></body></html>'),
        '/huge': () => {
          response.writeHead(200, { 'content-type': 'text/html' })
          response.end(Buffer.alloc(6_000_000, 'a'))
        },
      }
      const route = routes[request.url ?? '']
      if (route === undefined) response.writeHead(404).end()
      else route()
    })
    pages.listen(0, '127.0.0.1')
    await once(pages, 'listening')
    site = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    pages.closeAllConnections()
    await new Promise((resolve) => pages.close(resolve))
  })

  const running = useTestBot(async () => {
    corpusDir = await writeTempCorpus({ 'ferry.txt': SHARED_STORY })
    return { corpusDir, isWritable: true, env: { FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' } }
  })

  /** Sends an interaction and returns every response's text (content and embeds) once `count` have arrived. */
  async function send(payload: Record<string, unknown>, count = 1): Promise<{ text: string; data: Data[]; isPrivate: boolean }> {
    const record = running.emulator.interact(payload)
    const responses = await running.emulator.waitForResponses(record, count, 15_000)
    const content = responses.filter((response) => response.callbackType !== 5 && response.callbackType !== 6)
    for (const response of content) if (response.callbackType !== 8) expect(limitViolations(response.data)).toEqual([])
    const data = content.map((response) => response.data as Data)
    const text = data
      .map((d) => [d.content ?? '', ...(d.embeds ?? []).map((embed) => JSON.stringify(embed)), JSON.stringify(d.choices ?? [])].join('\n'))
      .join('\n')
    // A deferred reply keeps the visibility chosen when deferring; its edit carries no flags.
    const isDeferredPrivately = responses.some((response) => response.callbackType === 5 && response.isEphemeral)
    return { text, data, isPrivate: isDeferredPrivately || (content.at(-1)?.isEphemeral ?? false) }
  }

  const serverFiles = async (guild: string): Promise<string[]> => readdir(path.join(corpusDir, 'servers', guild)).catch(() => [])

  it('adds a linked page: defers, then replies in public with its brief and id, and saves it in the server folder', async () => {
    const { text, isPrivate } = await send(chatInput('add', { link: `${site}/story` }, ADMIN), 2)
    expect(isPrivate).toBe(false)
    expect(text).toMatch(/Added to this server's articles as `pakistan-says-diplomatic-engagement/)
    expect(text).toContain('Pakistan Says Diplomatic Engagement With Afghanistan Ongoing Despite Terrorism Concerns')
    expect(text).toContain('Naeem Mehboob')
    expect(text).toContain('Andrabi')
    const files = await serverFiles(GUILD_ID)
    expect(files).toHaveLength(1)
    const saved = await readFile(path.join(corpusDir, 'servers', GUILD_ID, files[0] ?? ''), 'utf8')
    expect(saved).toMatch(/^---\ntitle: "Pakistan Says Diplomatic Engagement/)
    expect(saved).toContain('added_by: "4000000000000000001"')
    expect(saved).toContain('source: "The Frontier Ledger"')
  })

  it('answers /ask about the added story in that server, with its speaker, and not in another server', async () => {
    const question = { question: 'Who said Afghanistan could become a regional hub?' }
    const here = await send(chatInput('ask', question))
    expect(here.text).toContain('Tahir Hussain Andrabi')
    const elsewhere = await send(chatInput('ask', question, { guildId: OTHER_GUILD }))
    expect(elsewhere.text).not.toMatch(/Andrabi|Pakistan Says Diplomatic/)
  })

  it('says the same story is already here, privately, and saves nothing more', async () => {
    const { text, isPrivate } = await send(chatInput('add', { link: `${site}/story` }, ADMIN), 2)
    expect(isPrivate).toBe(true)
    expect(text).toMatch(/already here as `pakistan-says-diplomatic-engagement/)
    expect(await serverFiles(GUILD_ID)).toHaveLength(1)
  })

  it('adds an uploaded Markdown file served from Discord’s attachment route', async () => {
    const attachment = running.emulator.upload({
      filename: 'harvest.md',
      contentType: 'text/markdown; charset=utf-8',
      body: UPLOADED_STORY,
    })
    const { text } = await send(chatInputWithFile('add', 'file', attachment, {}, ADMIN), 2)
    expect(text).toContain('Orchard growers report record apple harvest')
    expect(text).toContain('Rosa Hallam')
    expect(await serverFiles(GUILD_ID)).toHaveLength(2)
  })

  it('adds the first link of a message through the “Add article from link” context menu', async () => {
    const { text } = await send(messageCommand('Add article from link', `worth a read (${site}/night-buses), thoughts?`, ADMIN), 2)
    expect(text).toContain('Night buses return to the valley')
    expect(text).toContain('Carys Lloyd')
    expect((await send(chatInput('ask', { question: 'When do the night buses come back?' }))).text).toContain('Night buses')
  })

  it.each([
    { name: 'not a link', payload: () => chatInput('add', { link: 'the story about buses' }, ADMIN), message: /not a link|http/i },
    { name: 'a scheme other than http', payload: () => chatInput('add', { link: 'ftp://127.0.0.1/story' }, ADMIN), message: /http/i },
    { name: 'an address not allowed', payload: () => chatInput('add', { link: 'http://10.1.2.3/story' }, ADMIN), message: /not allowed/i },
    { name: 'too large', payload: () => chatInput('add', { link: `${site}/huge` }, ADMIN), message: /larger than 5 MB/i },
    {
      name: 'not a web page',
      payload: () => chatInput('add', { link: `${site}/photo.png` }, ADMIN),
      message: /not a web page|image\/png/i,
    },
    {
      name: 'no article text',
      payload: () => chatInput('add', { link: `${site}/app` }, ADMIN),
      message: /No article text.*\.txt or \.md file/s,
    },
    { name: 'a missing page', payload: () => chatInput('add', { link: `${site}/gone` }, ADMIN), message: /404/ },
    {
      name: 'an attachment of the wrong type',
      payload: () =>
        chatInputWithFile(
          'add',
          'file',
          running.emulator.upload({ filename: 'story.pdf', contentType: 'application/pdf', body: '%PDF-1.7' }),
          {},
          ADMIN,
        ),
      message: /\.html|\.txt|\.md/,
    },
    {
      name: 'an attachment too big',
      payload: () =>
        chatInputWithFile(
          'add',
          'file',
          running.emulator.upload({ filename: 'story.txt', contentType: 'text/plain', body: 'x' }, { size: 9_000_000 }),
          {},
          ADMIN,
        ),
      message: /5 MB/,
    },
  ])('refuses $name privately with its own message, and saves nothing', async ({ payload, message }) => {
    const before = await serverFiles(GUILD_ID)
    const record = running.emulator.interact(payload())
    const response = await running.emulator.waitFor(
      () => record.responses.find((r) => r.isEphemeral && r.callbackType !== 5),
      'a private answer',
      15_000,
    )
    expect(JSON.stringify(response.data)).toMatch(message)
    expect(await serverFiles(GUILD_ID)).toEqual(before)
  })

  it.each([
    { name: 'a member without Manage Server', payload: () => chatInput('add', { link: `${site}/story` }), message: 'Manage Server' },
    { name: 'a direct message', payload: () => chatInput('add', { link: `${site}/story` }, { isDm: true }), message: 'in a server' },
    { name: 'neither link nor file', payload: () => chatInput('add', {}, ADMIN), message: 'either a link or a file' },
    {
      name: 'a message without a link',
      payload: () => messageCommand('Add article from link', 'no link here', ADMIN),
      message: 'no http or https link',
    },
  ])('refuses $name at once, privately', async ({ payload, message }) => {
    const { text, isPrivate } = await send(payload())
    expect(isPrivate).toBe(true)
    expect(text).toContain(message)
  })

  it('offers only this server’s own articles to /remove, then removes one so it is no longer found', async () => {
    const choices = (await send(autocomplete('remove', { article: '' }, 'article', ADMIN))).data[0]?.choices ?? []
    expect(choices.map((choice) => choice.name).sort()).toEqual([
      'Night buses return to the valley',
      'Orchard growers report record apple harvest',
      'Pakistan Says Diplomatic Engagement With Afghanistan Ongoing Despite Terrorism Concerns',
    ])
    const night = choices.find((choice) => choice.name.startsWith('Night buses'))?.value ?? ''
    const { text, isPrivate } = await send(chatInput('remove', { article: night }, ADMIN), 2)
    expect(isPrivate).toBe(true)
    expect(text).toContain('Removed “Night buses return to the valley”')
    expect(await serverFiles(GUILD_ID)).toHaveLength(2)
    expect((await send(chatInput('articles', {}))).text).not.toContain('Night buses')
  })

  it('refuses to remove a shared article or another server’s', async () => {
    const shared = await send(chatInput('remove', { article: 'ferry' }, ADMIN))
    expect(shared.text).toContain('only the bot’s operator can remove')
    const other = await send(chatInput('remove', { article: 'ferry' }, { ...ADMIN, guildId: OTHER_GUILD }))
    expect(other.isPrivate).toBe(true)
    expect(await readdir(corpusDir)).toContain('ferry.txt')
  })
})
