import { readFile, rm } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { DEFER_ABOVE_CHARS } from '../../src/discord/commands/brief.js'
import type { Library } from '../../src/library/library.js'
import { captureLogger, FAKE_TOKEN, failOnUnhandledRejection, loadTestLibrary, useTestBot, writeTempCorpus } from './harness.js'
import { chatInput, MANAGE_GUILD } from './interactions.js'

failOnUnhandledRejection()

/** The seed library with a search index that throws: a bug inside a handler, reached the real way. */
async function brokenLibrary(): Promise<Library> {
  const { library } = await loadTestLibrary()
  const failing = () => {
    throw new Error('index exploded')
  }
  // Every way a question reads the index: its postings (scored by byline), MiniSearch's own search and suggestions.
  const broken = new Set<string | symbol>(['search', 'autoSuggest'])
  const search = new Proxy(library.paragraphs.search, {
    get: (target, key) => {
      if (key === '_index') failing()
      return broken.has(key) ? failing : Reflect.get(target, key)
    },
  })
  return { ...library, paragraphs: { ...library.paragraphs, search } }
}

describe('the error boundary', () => {
  const { logger, entries } = captureLogger()

  const running = useTestBot(async () => ({ library: await brokenLibrary(), logger }))

  it('replies privately, logs the command and options, and keeps serving', async () => {
    const record = running.emulator.interact(chatInput('ask', { question: 'Who said it?', private: false }))
    const response = await running.emulator.waitForResponse(record)
    expect(response).toMatchObject({ callbackType: 4, isEphemeral: true })
    expect(response.data).toMatchObject({ content: expect.stringContaining('Something went wrong'), allowed_mentions: { parse: [] } })
    const logged = await running.emulator.waitFor(() => entries.find((entry) => entry.msg === 'interaction failed'), 'the error log entry')
    expect(logged).toMatchObject({
      level: 50,
      command: 'ask',
      options: [
        { name: 'question', value: 'Who said it?' },
        { name: 'private', value: false },
      ],
    })
    expect(logged.err).toMatchObject({ message: 'index exploded' })

    const next = running.emulator.interact(chatInput('articles'))
    expect((await running.emulator.waitForResponse(next)).data).toMatchObject({ embeds: [{ title: 'Articles' }] })
  })

  it('edits a deferred reply into the apology when the failure comes after deferring', async () => {
    const dir = await writeTempCorpus({ 'seed.txt': await readFile('corpus/000_964c6f0d203bd963.txt', 'utf8') })
    await running.restartBot({ corpusDir: dir, logger })
    // /reload now fails inside its handler, after it has deferred.
    await rm(dir, { recursive: true })
    const record = running.emulator.interact(chatInput('reload', {}, { permissions: MANAGE_GUILD }))
    const [deferral, edit] = await running.emulator.waitForResponses(record, 2)
    expect(deferral).toMatchObject({ callbackType: 5, isEphemeral: true })
    expect(edit).toMatchObject({ kind: 'edit', data: { content: expect.stringContaining('Something went wrong') } })
    expect(
      entries.some(
        (entry) => entry.command === 'reload' && String((entry.err as { message?: string }).message).startsWith('corpus: cannot read'),
      ),
    ).toBe(true)
  })

  it('after a public deferral, deletes the "thinking…" and apologises privately', async () => {
    // A corpus long enough for /brief to defer, whose attributions throw when the brief reads them.
    const paragraph = (i: number) => `Paragraph ${i} of the long council report lists the budget lines for roads, schools and parks.`
    const count = Math.ceil(DEFER_ABOVE_CHARS / paragraph(0).length) + 10
    const dir = await writeTempCorpus({
      'report.txt': ['Long Council Report', 'By Test Writer', ...Array.from({ length: count }, (_, i) => paragraph(i))].join('\n'),
    })
    const { library } = await loadTestLibrary(dir)
    let isArmed = false // the start-up log line reads the attributions too
    const explode = (id: string) => {
      if (isArmed) throw new Error('brief exploded')
      return library.attributions.get(id)
    }
    const attributions = new Proxy(library.attributions, {
      get: (target, key) => (key === 'get' ? explode : Reflect.get(target, key, target)),
    })
    await running.restartBot({ library: { ...library, attributions }, logger })
    isArmed = true
    const record = running.emulator.interact(chatInput('brief', { article: 'report' }))
    const [deferral, apology] = await running.emulator.waitForResponses(record, 2)
    expect(deferral).toMatchObject({ callbackType: 5, isEphemeral: false })
    expect(apology).toMatchObject({
      kind: 'followup',
      isEphemeral: true,
      data: { content: expect.stringContaining('Something went wrong'), allowed_mentions: { parse: [] } },
    })
    const deleted = running.emulator.requests.find((request) => request.method === 'DELETE' && request.interactionToken === record.token)
    expect(deleted?.path).toMatch(/\/messages\/@original$/)
    expect(running.emulator.requests.indexOf(deleted as never)).toBeLessThan(
      running.emulator.requests.findIndex(
        (request) => request.method === 'POST' && request.interactionToken === record.token && request.path.includes('/webhooks/'),
      ),
    )
  })

  it('never logs the token', () => {
    expect(JSON.stringify(entries)).not.toContain(FAKE_TOKEN)
  })
})
