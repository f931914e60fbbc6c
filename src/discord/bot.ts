import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js'
import type { Logger } from 'pino'
import { listSpeakers } from '../answer/speakers.js'
import type { Config } from '../config.js'
import { collectionsOf, type Library, viewOf } from '../library/library.js'
import type { BotContext, ReloadReport, ServerCollection } from './command.js'
import { handleInteraction } from './handleInteraction.js'
import { createLogger } from './logger.js'
import { createRateLimiter } from './rateLimit.js'
import { NO_MENTIONS } from './replies.js'

/** What `startBot` needs; the composition root has already built the library. */
export type BotOptions = {
  config: Config
  library: Library
  /** One line per corpus file that was skipped at start-up. */
  problems: readonly string[]
  /** `performance.now()` when start-up began, for the start-up log line. */
  startedAt: number
  /** Reloads the corpus (for `/reload`). */
  reload: () => Promise<ReloadReport>
  /**
   * The library in use now, read for every interaction, when something else may swap it (a
   * corpus watch). Without it the bot answers from `library` until a `/reload`.
   */
  current?: () => Library
  /**
   * The view of one server (a guild id; null: direct messages), e.g. `LibraryHolder.viewFor`.
   * Without it, each server sees the shared articles and its own collection of the library in use.
   */
  viewFor?: (server: string | null) => Library
  /** Adding and removing servers' articles (`/add`, `/remove`); without it those commands say they are off. */
  collection?: ServerCollection
  /** Defaults to a pino logger at `config.logLevel`. */
  logger?: Logger
  /** Stop on SIGINT/SIGTERM; tests that start several bots in one process turn it off. */
  isSignalHandled?: boolean
}

/** A running bot. */
export type Bot = {
  client: Client<true>
  /** The library in use now (it changes on `/reload`). */
  library: () => Library
  /** Disconnects from Discord; resolves once the client is destroyed. Safe to call twice. */
  stop: () => Promise<void>
}

/**
 * Logs in with the Guilds intent only (no privileged intents: interactions carry everything the
 * bot reads) and serves interactions until `stop()` or a signal. Resolves once the client is
 * ready. Throws `discord: …` when there is no token or the login fails.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, problems, startedAt } = options
  const logger = options.logger ?? createLogger(config.logLevel, { secrets: config.discordToken === null ? [] : [config.discordToken] })
  if (config.discordToken === null) throw new Error('discord: DISCORD_TOKEN is missing')
  let library = options.library
  const current = options.current ?? (() => library)
  const viewFor =
    options.viewFor ??
    ((server: string | null) => {
      const inUse = current()
      const collections = collectionsOf(inUse)
      return server === null || collections === null ? inUse : viewOf(collections, server)
    })
  const context: BotContext = {
    library: viewFor,
    reload: async () => {
      const report = await options.reload()
      library = report.library
      return report
    },
    logger,
    rateLimiter: createRateLimiter({ maxCommands: config.rateLimitCommands, windowMs: config.rateLimitWindowSeconds * 1_000 }),
    collection: options.collection ?? null,
  }

  const clientOptions: ClientOptions = { intents: [GatewayIntentBits.Guilds], allowedMentions: NO_MENTIONS }
  if (config.discordApiBase !== null) clientOptions.rest = { api: config.discordApiBase }
  const client = new Client(clientOptions)
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, context))
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'))
  client.on(Events.Warn, (message) => logger.warn(message))
  for (const problem of problems) logger.warn({ problem }, 'corpus file skipped')

  // Listen before login: against a fast gateway, ready can fire before login() resolves.
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve))
  try {
    await client.login(config.discordToken)
  } catch (error) {
    await client.destroy()
    throw new Error(`discord: login failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const readyClient = await ready
  logger.info(
    { user: readyClient.user.tag, ...countLibrary(current()), skipped: problems.length, ms: Math.round(performance.now() - startedAt) },
    'byline is online',
  )

  let stopping: Promise<void> | null = null
  // Ctrl+C reaches the bot twice under `npm start` / tsx (the terminal signals the whole process
  // group, and tsx relays it), so the handler stays installed until the client is destroyed:
  // a repeated signal must not kill the process halfway through a clean shutdown.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping === null) logger.info({ signal }, 'shutting down')
    void stop()
  }
  const stop = () => {
    stopping ??= (async () => {
      await client.destroy()
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      logger.info('disconnected from Discord')
    })()
    return stopping
  }
  if (options.isSignalHandled ?? true) {
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  }
  return { client: readyClient, library: current, stop }
}

/** The start-up line's numbers: articles, paragraphs, quotes and speakers. */
function countLibrary(library: Library) {
  let paragraphs = 0
  let quotes = 0
  for (const article of library.articles) {
    paragraphs += article.paragraphs.length
    quotes += library.attributions.get(article.id)?.quotes.length ?? 0
  }
  return { articles: library.articles.length, paragraphs, quotes, speakers: listSpeakers(library).speakers.length }
}
