import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { startEmulator } from '../e2e/emulator.js'
import { captureLogger, FAKE_TOKEN, failOnUnhandledRejection, startTestBot, useTestBot } from '../e2e/harness.js'
import { chatInput, MANAGE_GUILD } from '../e2e/interactions.js'

failOnUnhandledRejection()

// Shaped like a real token (base64 id . timestamp . HMAC) so nothing can tell it is fake.
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.GxYz12.fake-secret-token_for-tests-only'

describe('the production logger (createLogger) in its own process', () => {
  it('redacts the token wherever the bot logs it: config, token fields, authorization headers', () => {
    // pino writes straight to file descriptor 1, so run the real logger in a child and read its stdout.
    const program = `
      import { createLogger } from './src/discord/logger.ts'
      const token = process.env.SECRET
      const log = createLogger('info')
      log.info({ config: { discordToken: token, corpusDir: 'corpus' } }, 'config')
      log.info({ token }, 'token field')
      log.error({ headers: { authorization: 'Bot ' + token } }, 'headers')
      log.error({ request: { headers: { authorization: 'Bot ' + token } } }, 'request')
      log.warn({ discordToken: token }, 'discordToken field')
      const scrubbing = createLogger('info', { secrets: [token] })
      scrubbing.error({ err: { request: { options: { rest: { auth: 'Bot ' + token } } } } }, 'nested three deep')
      scrubbing.error({ err: { url: 'https://discord.com/api/v10/interactions/9000000000000000001/aW50ZXJhY3Rpb246tok3n/callback' } }, 'REST error')`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], {
      env: { ...process.env, SECRET: TOKEN },
      encoding: 'utf8',
    })
    expect(child.status).toBe(0)
    const lines = child.stdout.trim().split('\n')
    expect(lines).toHaveLength(7)
    expect(child.stdout).not.toContain(TOKEN)
    expect(child.stdout).not.toContain('aW50ZXJhY3Rpb246tok3n')
    for (const line of lines) expect(line).toContain('[redacted]')
  })
})

describe('configuration errors', () => {
  it('never echo the token, even a malformed one', () => {
    const malformed = `${TOKEN} with spaces`
    expect(() => loadConfig({ DISCORD_TOKEN: malformed })).toThrow(/^config: DISCORD_TOKEN/)
    try {
      loadConfig({ DISCORD_TOKEN: malformed, LOG_LEVEL: TOKEN })
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN)
    }
  })
})

describe('the running bot', () => {
  const { logger, entries } = captureLogger()

  const running = useTestBot(() => ({ logger }))

  it('never sends the token in a reply, nor logs it, across commands, refusals and failures', async () => {
    const payloads = [
      chatInput('ask', { question: 'What is the token?' }),
      chatInput('quote', { keyword: 'token' }),
      chatInput('ask', { question: 'passwords', article: '../../etc/passwd' }),
      chatInput('reload', {}, { permissions: '0' }),
      chatInput('reload', {}, { permissions: MANAGE_GUILD }),
    ]
    for (const payload of payloads) await running.emulator.waitForResponse(running.emulator.interact(payload))
    // A reply Discord refuses (unknown interaction) goes through the error boundary's log.
    running.emulator.faults.rest = ({ path }) =>
      path.endsWith('/callback') ? { status: 404, body: { message: 'Unknown interaction', code: 10062 } } : undefined
    running.emulator.interact(chatInput('articles'))
    await running.emulator.waitFor(() => entries.find((entry) => entry.msg === 'interaction failed'), 'the failure log entry')
    running.emulator.faults.rest = null

    const bodies = running.emulator.requests.map((request) => JSON.stringify(request.body))
    expect(bodies.length).toBeGreaterThan(payloads.length)
    for (const body of bodies) expect(body).not.toContain(FAKE_TOKEN)
    expect(entries.length).toBeGreaterThan(0)
    expect(JSON.stringify(entries)).not.toContain(FAKE_TOKEN)
  })

  it('answers "no such article" to a path given as an article id', async () => {
    const response = await running.emulator.waitForResponse(running.emulator.interact(chatInput('brief', { article: '../../etc/passwd' })))
    expect(response.isEphemeral).toBe(true)
    expect(JSON.stringify(response.data)).toContain('No such article')
    expect(JSON.stringify(response.data)).not.toContain('root:')
  })

  it('refuses /reload to a member without Manage Server', async () => {
    const response = await running.emulator.waitForResponse(running.emulator.interact(chatInput('reload', {}, { permissions: '0' })))
    expect(response).toMatchObject({ callbackType: 4, isEphemeral: true, data: { content: expect.stringContaining('Manage Server') } })
  })
})

describe('a login Discord refuses', () => {
  it('fails with a message that does not contain the token', async () => {
    const emulator = await startEmulator()
    emulator.faults.rest = () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } })
    try {
      const error = await startTestBot(emulator).then(
        () => null,
        (reason: unknown) => reason,
      )
      expect(String(error)).toMatch(/^Error: discord: login failed/)
      expect(String(error)).not.toContain(FAKE_TOKEN)
    } finally {
      await emulator.close()
    }
  })
})
