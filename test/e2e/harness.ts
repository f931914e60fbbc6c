/**
 * Shared set-up for end-to-end tests: fail fast on unhandled rejections (discord.js reports a
 * malformed gateway payload only that way), a plain discord.js client or the byline bot bound to
 * an emulator, temporary corpora, and a checker for Discord's message limits.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type APIEmbed, Client, GatewayIntentBits } from 'discord.js'
import { type Logger, pino } from 'pino'
import { afterAll, beforeAll } from 'vitest'
import { type Config, loadConfig } from '../../src/config.js'
import { formatProblem, loadCorpus } from '../../src/corpus/loadCorpus.js'
import { type Bot, startBot } from '../../src/discord/bot.js'
import { REDACTED_PATHS } from '../../src/discord/logger.js'
import { addStory, storyOptions } from '../../src/library/addStory.js'
import { buildLibrary, type Library } from '../../src/library/library.js'
import { createLibraryHolder, type ReloadOutcome } from '../../src/library/libraryHolder.js'
import { COMPONENT_LIMITS, CONTENT_LIMIT, EMBED_LIMITS, embedLength } from '../../src/render/discordLimits.js'
import { type DiscordEmulator, startEmulator } from './emulator.js'

const failures: unknown[] = []
let isInstalled = false

/**
 * Make the test process fail loudly on the first unhandled rejection instead of letting a test
 * wait for a reply that will never come. Call once per test file (idempotent).
 */
export function failOnUnhandledRejection(): void {
  if (isInstalled) return
  isInstalled = true
  process.on('unhandledRejection', (reason) => {
    failures.push(reason)
    // Rethrowing on the next tick turns it into an uncaught exception, which vitest reports
    // against the running test at once.
    setImmediate(() => {
      throw reason instanceof Error ? reason : new Error(`unhandled rejection: ${String(reason)}`)
    })
  })
}

/** Unhandled rejections seen so far (expected to stay empty). */
export function unhandledRejections(): readonly unknown[] {
  return failures
}

/** REST options that make a silent emulator fail in 2 s instead of stalling for a minute. */
export function restOptions(emulator: DiscordEmulator) {
  return { api: emulator.apiBase, timeout: 2_000, retries: 0 }
}

/** Log in a bare client (Guilds intent) and resolve once it is ready. */
export async function loginBareClient(emulator: DiscordEmulator): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: restOptions(emulator) })
  // Listen before login: against a local emulator, ready can fire before login() resolves.
  const ready = new Promise<Client<true>>((resolve) => client.once('clientReady', resolve))
  await client.login('fake-token')
  return ready
}

// ── The byline bot, started in-process against an emulator ───────────────────────────────────

/** A fake token that passes config validation; never a real one. */
export const FAKE_TOKEN = 'fake-token-for-the-local-emulator.0000'

/** Loads a corpus folder into a library, as `main.ts` does. */
export async function loadTestLibrary(corpusDir = 'corpus'): Promise<ReloadOutcome> {
  const corpus = await loadCorpus(corpusDir)
  return { status: 'reloaded', library: buildLibrary(corpus.articles), problems: corpus.problems.map(formatProblem), error: null }
}

/** A pino logger that keeps every entry in memory, for asserting on what was logged. */
export function captureLogger(): { logger: Logger; entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = []
  const logger = pino(
    { level: 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    {
      write: (line: string) => {
        entries.push(JSON.parse(line) as Record<string, unknown>)
      },
    },
  )
  return { logger, entries }
}

/** Starts the real bot against `emulator` with the given corpus folder (default: the repo's). */
export async function startTestBot(
  emulator: DiscordEmulator,
  options: {
    corpusDir?: string
    library?: Library
    logger?: Logger
    env?: Record<string, string>
    /** Hold the library in a holder that writes to `corpusDir`, as `npm start` does, so `/add` and `/remove` work. */
    isWritable?: boolean
  } = {},
): Promise<Bot> {
  const corpusDir = options.corpusDir ?? 'corpus'
  const config: Config = {
    // Tests send bursts from one user: no rate limit unless a test asks for one.
    ...loadConfig({ DISCORD_TOKEN: FAKE_TOKEN, CORPUS_DIR: corpusDir, LOG_LEVEL: 'silent', RATE_LIMIT_COMMANDS: '0', ...options.env }),
    discordApiBase: emulator.apiBase,
  }
  const loaded = options.library === undefined ? await loadTestLibrary(corpusDir) : { library: options.library, problems: [] }
  if (options.isWritable === true) {
    const holder = createLibraryHolder(
      { ...loaded, problems: [...loaded.problems], key: null },
      async () => {
        const reloaded = await loadTestLibrary(corpusDir)
        return { library: reloaded.library, problems: [...reloaded.problems], key: null }
      },
      {
        corpusDir,
        maxArticlesPerServer: config.maxArticlesPerServer,
        maxAdditionsPerHour: config.maxAdditionsPerHour,
      },
    )
    return startBot({
      config,
      library: holder.current(),
      current: holder.current,
      viewFor: holder.viewFor,
      problems: loaded.problems,
      startedAt: performance.now(),
      reload: holder.reload,
      collection: {
        add: (server, source, addedBy) => addStory(holder, server, source, storyOptions(config, addedBy)),
        remove: (server, id) => holder.removeArticle(server, id),
      },
      logger: options.logger ?? pino({ level: 'silent' }),
    })
  }
  return startBot({
    config,
    library: loaded.library,
    problems: loaded.problems,
    startedAt: performance.now(),
    reload: () => loadTestLibrary(corpusDir),
    logger: options.logger ?? pino({ level: 'silent' }),
  })
}

/** Options of {@link startTestBot}. */
export type TestBotOptions = NonNullable<Parameters<typeof startTestBot>[1]>

/** The emulator and bot of {@link useTestBot}; read them inside tests, once `beforeAll` has run. */
export type TestBotContext = {
  readonly emulator: DiscordEmulator
  readonly bot: Bot
  /** Stops the bot and starts a new one on the same emulator, as a process restart would (with other options if given). */
  restartBot: (options?: TestBotOptions) => Promise<void>
}

/**
 * A fresh emulator and the bot bound to it for the tests of the enclosing `describe`: started in
 * `beforeAll` (with the options `options()` gives then), stopped in `afterAll`.
 */
export function useTestBot(options: () => TestBotOptions | Promise<TestBotOptions> = () => ({})): TestBotContext {
  let emulator: DiscordEmulator | undefined
  let bot: Bot | undefined
  let resolved: TestBotOptions = {}
  beforeAll(async () => {
    emulator = await startEmulator()
    resolved = await options()
    bot = await startTestBot(emulator, resolved)
  })
  afterAll(async () => {
    await bot?.stop()
    await emulator?.close()
  })
  const context: TestBotContext = {
    get emulator() {
      if (emulator === undefined) throw new Error('useTestBot: the emulator starts in beforeAll; read it inside a test')
      return emulator
    },
    get bot() {
      if (bot === undefined) throw new Error('useTestBot: the bot starts in beforeAll; read it inside a test')
      return bot
    },
    restartBot: async (options = resolved) => {
      await context.bot.stop()
      bot = await startTestBot(context.emulator, options)
    },
  }
  return context
}

/** Writes a temporary corpus folder under the OS temp dir; returns its path. */
export async function writeTempCorpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'byline-e2e-'))
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
  return dir
}

type MessageData = {
  content?: string
  embeds?: APIEmbed[]
  components?: { components: { custom_id?: string; label?: string }[] }[]
  allowed_mentions?: unknown
}

/**
 * The limit violations of a message body the bot sent (empty when it is within every limit and
 * pings no one). A list rather than an assertion, so a failure shows every problem at once.
 */
export function limitViolations(raw: Record<string, unknown>): string[] {
  const data = raw as MessageData
  const problems: string[] = []
  const check = (isOk: boolean, what: string) => {
    if (!isOk) problems.push(what)
  }
  const embeds = data.embeds ?? []
  check(
    JSON.stringify(data.allowed_mentions) === JSON.stringify({ parse: [] }),
    `allowed_mentions is ${JSON.stringify(data.allowed_mentions)}`,
  )
  check((data.content ?? '').length <= CONTENT_LIMIT, 'content over 2000')
  check(embeds.length <= EMBED_LIMITS.embeds, `${embeds.length} embeds`)
  check(embeds.reduce((sum, embed) => sum + embedLength(embed), 0) <= EMBED_LIMITS.total, 'over 6000 characters in total')
  for (const embed of embeds) {
    check((embed.title?.length ?? 0) <= EMBED_LIMITS.title, 'title over 256')
    check((embed.description?.length ?? 0) <= EMBED_LIMITS.description, 'description over 4096')
    check((embed.fields?.length ?? 0) <= EMBED_LIMITS.fields, 'over 25 fields')
    check((embed.footer?.text.length ?? 0) <= EMBED_LIMITS.footer, 'footer over 2048')
    check((embed.author?.name.length ?? 0) <= EMBED_LIMITS.author, 'author over 256')
    for (const field of embed.fields ?? []) {
      check(field.name.length <= EMBED_LIMITS.fieldName, 'field name over 256')
      check(field.value.length <= EMBED_LIMITS.fieldValue, 'field value over 1024')
    }
  }
  const ids = (data.components ?? []).flatMap((row) => row.components.map((component) => component.custom_id ?? ''))
  check(
    ids.every((id) => id.length <= COMPONENT_LIMITS.customId),
    'custom id over 100',
  )
  check(new Set(ids).size === ids.length, 'duplicate custom ids')
  check((data.components ?? []).length <= COMPONENT_LIMITS.rows, 'over 5 rows')
  return problems
}
