/**
 * Network faults through the emulator: gateway drops (4000, 1006), a refused resume, REST 500 and
 * 429 on a reply, a slow API, and interactions during a corpus reload. The 3-s acknowledgement is
 * the emulator's rule (a late one gets 404 10062), so "in time" is asserted by status, not clocks.
 */
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { type Bot, startBot } from '../../src/discord/bot.js'
import type { ReloadOutcome } from '../../src/library/libraryHolder.js'
import { recordReliability } from '../fuzz/report.js'
import { type DiscordEmulator, type InteractionRecord, startEmulator } from './emulator.js'
import { FAKE_TOKEN, failOnUnhandledRejection, loadTestLibrary, useTestBot } from './harness.js'
import { chatInput, MANAGE_GUILD } from './interactions.js'

failOnUnhandledRejection()

const QUESTION = 'Who said Afghanistan could become a regional hub?'

/** The interaction's responses, once it has one with content; fails if the acknowledgement was refused. */
async function answered(emulator: DiscordEmulator, record: InteractionRecord, timeoutMs = 8_000) {
  const response = await emulator.waitForResponse(record, timeoutMs)
  const acknowledgement = record.responses.find((r) => r.kind === 'callback')
  // 204: the emulator accepted it within 3 s; a late one would be 404 (10062).
  expect(acknowledgement?.status).toBe(204)
  return response
}

/** Each test of the calling suite is one injected fault; the reliability report counts those that passed. */
function recordFaults(): void {
  afterEach((context) => {
    recordReliability({ kind: 'fault', name: context.task.name, survived: context.task.result?.state !== 'fail' })
  })
}

const callbacksOf = (emulator: DiscordEmulator, record: InteractionRecord) =>
  emulator.requests.filter((request) => request.interactionToken === record.token && request.path.endsWith('/callback'))

describe('gateway faults', () => {
  recordFaults()
  const running = useTestBot()
  afterEach(() => {
    running.emulator.faults.refuseResume = false
  })

  it.each([
    { code: 4000, name: 'closed with 4000 (unknown error)' },
    { code: 1006, name: 'dropped without a close frame (1006)' },
  ])('resumes the session when the gateway is $name, and keeps answering', async ({ code }) => {
    const identified = running.emulator.identifies.length
    running.emulator.closeGateway(code)
    // Dispatched while the client is away: the running.emulator replays it on resume, as Discord does.
    const missed = running.emulator.interact(chatInput('ask', { question: QUESTION }))
    await answered(running.emulator, missed)
    expect(running.emulator.identifies.length).toBe(identified)
    await answered(running.emulator, running.emulator.interact(chatInput('articles')))
  })

  it('identifies again when the resume is refused (invalid session), and keeps answering', async () => {
    const identified = running.emulator.identifies.length
    running.emulator.faults.refuseResume = true
    running.emulator.closeGateway(4000)
    await running.emulator.waitFor(() => (running.emulator.identifies.length > identified ? true : undefined), 'a fresh IDENTIFY', 15_000)
    await running.emulator.waitForClient()
    await answered(running.emulator, running.emulator.interact(chatInput('ask', { question: QUESTION })))
  })
})

describe('REST faults', () => {
  recordFaults()
  const running = useTestBot()
  afterEach(() => {
    running.emulator.faults.rest = null
  })

  /** Injects `fault` into the first `times` callback requests only. */
  function failCallbacks(times: number, fault: { status: number; body: unknown; headers?: Record<string, string> }) {
    let left = times
    running.emulator.faults.rest = ({ path }) => {
      if (!path.endsWith('/callback') || left === 0) return undefined
      left -= 1
      return fault
    }
  }

  it('retries a reply that got a 500, and the retry is accepted', async () => {
    failCallbacks(1, { status: 500, body: { message: 'Internal Server Error', code: 0 } })
    const record = running.emulator.interact(chatInput('ask', { question: QUESTION }))
    const response = await answered(running.emulator, record)
    expect(response.callbackType).toBe(4)
    expect(callbacksOf(running.emulator, record).map((request) => request.status)).toEqual([500, 204])
  })

  it('waits out a 429 with retry_after, then succeeds', async () => {
    failCallbacks(1, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      headers: { 'retry-after': '0.3', 'x-ratelimit-scope': 'shared' },
    })
    const record = running.emulator.interact(chatInput('quote', { keyword: 'terrorism' }))
    await answered(running.emulator, record)
    expect(callbacksOf(running.emulator, record).map((request) => request.status)).toEqual([429, 204])
  })

  it('meets the 3-s deadline when every API response is slow: deferred commands defer, then edit', async () => {
    running.emulator.faults.rest = () => ({ responseDelayMs: 1_500 })
    const records = [
      running.emulator.interact(chatInput('reload', {}, { permissions: MANAGE_GUILD })),
      running.emulator.interact(chatInput('brief', { article: '000_964c6f0d203bd963' })),
      running.emulator.interact(chatInput('ask', { question: QUESTION })),
      running.emulator.interact(chatInput('quote', { keyword: 'terrorism' })),
      running.emulator.interact(chatInput('speakers')),
    ]
    for (const record of records) await answered(running.emulator, record, 12_000)
    // /reload always defers; /brief defers only over a long text (the seed's brief replies at once).
    const reload = records[0] as InteractionRecord
    expect(reload.responses.map((r) => r.callbackType ?? r.kind)).toEqual([5, 'edit'])
  })
})

describe('a corpus reload in progress', () => {
  recordFaults()
  let emulator: DiscordEmulator
  let bot: Bot
  let finishReload: (report: ReloadOutcome) => void = () => undefined

  beforeAll(async () => {
    emulator = await startEmulator()
    const { library } = await loadTestLibrary()
    bot = await startBot({
      config: {
        ...loadConfig({ DISCORD_TOKEN: FAKE_TOKEN, LOG_LEVEL: 'silent', RATE_LIMIT_COMMANDS: '0' }),
        discordApiBase: emulator.apiBase,
      },
      library,
      problems: [],
      startedAt: performance.now(),
      // A reload that finishes only when the test says so.
      reload: () => new Promise<ReloadOutcome>((resolve) => (finishReload = resolve)),
      logger: pino({ level: 'silent' }),
    })
  })
  afterAll(async () => {
    await bot.stop()
    await emulator.close()
  })

  it('answers every interaction that arrives while the library is being rebuilt, then reports the reload', async () => {
    const reload = emulator.interact(chatInput('reload', {}, { permissions: MANAGE_GUILD }))
    await emulator.waitForResponses(reload, 1)
    const during = Array.from({ length: 10 }, (_, i) =>
      emulator.interact(i % 2 === 0 ? chatInput('ask', { question: QUESTION }) : chatInput('articles')),
    )
    for (const record of during) await answered(emulator, record)
    finishReload(await loadTestLibrary())
    const [, edit] = await emulator.waitForResponses(reload, 2)
    expect(edit?.data).toMatchObject({ content: expect.stringContaining('Reloaded: 1 articles') })
    await answered(emulator, emulator.interact(chatInput('ask', { question: QUESTION })))
  })
})

describe('the per-user rate limit', () => {
  const running = useTestBot(() => ({ env: { RATE_LIMIT_COMMANDS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' } }))

  it('answers a friendly private notice past the limit, counts each user apart, and leaves autocomplete alone', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await answered(
        running.emulator,
        running.emulator.interact(chatInput('articles', {}, { userId: '4000000000000000009' })),
      )
      expect(response.data).toMatchObject({ embeds: [{ title: 'Articles' }] })
    }
    const limited = await answered(
      running.emulator,
      running.emulator.interact(chatInput('articles', {}, { userId: '4000000000000000009' })),
    )
    expect(limited).toMatchObject({
      callbackType: 4,
      isEphemeral: true,
      data: { content: expect.stringMatching(/try again in \d+ s/), allowed_mentions: { parse: [] } },
    })
    const other = await answered(running.emulator, running.emulator.interact(chatInput('articles', {}, { userId: '4000000000000000010' })))
    expect(other.data).toMatchObject({ embeds: [{ title: 'Articles' }] })
  })
})
