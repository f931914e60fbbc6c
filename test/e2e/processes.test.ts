import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DiscordEmulator, startEmulator } from './emulator.js'
import { FAKE_TOKEN, failOnUnhandledRejection } from './harness.js'
import { chatInput, GUILD_ID } from './interactions.js'

failOnUnhandledRejection()

const run = promisify(execFile)
const TSX = 'node_modules/.bin/tsx'
const APPLICATION_ID = '1000000000000000001'

/**
 * The child's environment: every byline setting explicit (empty = unset), so a local .env cannot
 * leak in, and no library snapshot written into the working tree.
 */
function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const blank = {
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_BASE: '',
    CORPUS_DIR: '',
    LOG_LEVEL: '',
    SNAPSHOT_DIR: 'off',
  }
  return { ...process.env, ...blank, ...settings }
}

describe('the real entry points as child processes', () => {
  let emulator: DiscordEmulator

  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })

  it('prints the command JSON with --dry-run, without a token', async () => {
    const { stdout } = await run(TSX, ['src/discord/deployCommands.ts', '--dry-run'], { env: childEnv({}) })
    const commands = JSON.parse(stdout) as { name: string; type: number; default_member_permissions?: string }[]
    expect(commands.map((command) => command.name)).toEqual([
      'ask',
      'quote',
      'brief',
      'speakers',
      'articles',
      'help',
      'add',
      'remove',
      'reload',
      'Find in articles',
      'Add article from link',
    ])
    // Manage Server by default: the commands that change the articles.
    for (const name of ['add', 'remove', 'reload', 'Add article from link']) {
      expect(commands.find((command) => command.name === name)?.default_member_permissions).toBe('32')
    }
  })

  it.each<{ name: string; settings: Record<string, string>; path: string; says: string }>([
    {
      name: 'for the guild in DISCORD_GUILD_ID',
      settings: { DISCORD_GUILD_ID: GUILD_ID, DISCORD_APPLICATION_ID: APPLICATION_ID },
      path: `/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
      says: `for server ${GUILD_ID}`,
    },
    {
      name: 'globally, looking the application up from the token',
      settings: {},
      path: `/api/v10/applications/${APPLICATION_ID}/commands`,
      says: 'globally',
    },
  ])('registers every command $name', async ({ settings, path, says }) => {
    const env = childEnv({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: emulator.apiBase, ...settings })
    const { stdout } = await run(TSX, ['src/discord/deployCommands.ts'], { env })
    expect(stdout).toContain(`registered 11 commands ${says}`)
    const put = emulator.requests.findLast((request) => request.method === 'PUT')
    expect(put).toMatchObject({ path, status: 200, hasAuthorization: true })
    expect((put?.body as unknown[] | undefined)?.length).toBe(11)
  })

  describe('npm start with a fake token', () => {
    let child: ChildProcess
    let output = ''

    beforeAll(async () => {
      // Its own process group, so the test can stop npm and everything npm started.
      child = spawn('npm', ['start'], {
        env: childEnv({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: emulator.apiBase, CORPUS_DIR: 'corpus', LOG_LEVEL: 'info' }),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      await emulator.waitFor(() => (output.includes('byline is online') ? true : undefined), 'the start-up log line', 30_000)
    }, 40_000)
    afterAll(() => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    })

    it('logs one start-up line with the corpus counts and never the token', () => {
      const line = JSON.parse(output.split('\n').find((l) => l.includes('byline is online')) ?? '{}') as Record<string, unknown>
      expect(line).toMatchObject({ articles: 1, paragraphs: 15, skipped: 0 })
      expect(line.quotes).toBeGreaterThan(0)
      expect(line.speakers).toBeGreaterThanOrEqual(2)
      expect(typeof line.ms).toBe('number')
      expect(output).not.toContain(FAKE_TOKEN)
      expect(emulator.identifies.at(-1)).toMatchObject({ intents: 1 })
    })

    it('answers /ask about the seed with paragraph 7 and its speaker', async () => {
      const record = emulator.interact(chatInput('ask', { question: 'Who said Afghanistan could become a regional hub?' }))
      const response = await emulator.waitForResponse(record)
      const embeds = (response.data as { embeds: { description: string }[] }).embeds
      expect(embeds[0]?.description).toContain('**Answer:** Tahir Hussain Andrabi (¶7)')
      const best = embeds[1]?.description ?? ''
      expect(best).toContain('potential to **become** a **regional** **hub**')
      expect(best).toContain('— Tahir Hussain Andrabi, Foreign Office spokesperson · ¶7 ·')
    })

    it('shuts down cleanly on SIGTERM, closing the gateway connection', async () => {
      // npm itself dies of the signal; the bot, which shares its stdout, must log its own exit.
      const closed = once(child, 'close')
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
      await closed
      expect(output).toContain('shutting down: disconnected from Discord')
      await expect(emulator.waitForClient(100)).rejects.toThrow(/timed out/)
    }, 15_000)
  })
})

describe('npm start with Discord unreachable at shutdown', () => {
  // "Ended" is the close of npm's output pipes, which the bot shares: they close only once the bot
  // process itself has exited. A generous bound for a loaded machine (the bot's own deadline is
  // 4.5 s), still below the 30 s that ws waits for a close frame, which the bot used to wait out.
  const EXIT_WAIT_MS = 20_000
  it.each<{ signal: NodeJS.Signals }>([{ signal: 'SIGTERM' }, { signal: 'SIGINT' }])(
    'exits on $signal although the gateway never answers the close',
    async ({ signal }) => {
      const emulator = await startEmulator()
      let output = ''
      const child = spawn('npm', ['start'], {
        env: childEnv({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: emulator.apiBase, CORPUS_DIR: 'corpus', LOG_LEVEL: 'info' }),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const closed = once(child, 'close')
      try {
        child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
        await emulator.waitFor(() => (output.includes('byline is online') ? true : undefined), 'the start-up log line', 30_000)
        emulator.stopAnswering()
        if (child.pid !== undefined) process.kill(-child.pid, signal)
        let timer: NodeJS.Timeout | undefined
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the bot was still running ${EXIT_WAIT_MS} ms after ${signal}`)), EXIT_WAIT_MS)
        })
        const [code, exitSignal] = (await Promise.race([closed, deadline]).finally(() => clearTimeout(timer))) as [
          number | null,
          NodeJS.Signals | null,
        ]
        expect(code !== null || exitSignal !== null).toBe(true)
        expect(output).toContain('shutting down: Discord did not confirm the disconnect')
      } finally {
        // npm may be gone while the bot lives on: end the whole group, which may be gone too.
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        } catch {
          // ESRCH: every process of the group has exited.
        }
        await emulator.close()
      }
    },
    55_000,
  )
})
