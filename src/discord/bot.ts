import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js'
import type { Logger } from 'pino'
import { listSpeakers } from '../answer/speakers.js'
import type { Config } from '../config.js'
import { errorMessage } from '../errors/errorMessage.js'
import { collectionsOf, type Library, viewOf } from '../library/library.js'
import type { ReloadOutcome } from '../library/libraryHolder.js'
import type { BotContext, ServerCollection } from './command.js'
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
  reload: () => Promise<ReloadOutcome>
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
  /** How long `stop()` waits for Discord to confirm the disconnect; defaults to {@link DISCONNECT_DEADLINE_MS}. */
  disconnectDeadlineMs?: number
}

/**
 * How long a clean disconnect may take. discord.js's `client.destroy()` waits for the gateway to
 * answer the close frame (ws gives up after 30 s) and for a reconnect in progress, so with Discord
 * unreachable it can take minutes; the root must still exit promptly on SIGTERM.
 */
export const DISCONNECT_DEADLINE_MS = 3_000

/** A running bot. */
export type Bot = {
  client: Client<true>
  /** The library in use now (it changes on `/reload`). */
  library: () => Library
  /**
   * Disconnects from Discord and resolves once the client is destroyed or the disconnect deadline
   * has passed, whichever comes first; `isDisconnected` is false when Discord did not confirm in
   * time (the caller should then exit, as sockets may stay open). Safe to call twice.
   */
  stop: () => Promise<{ isDisconnected: boolean }>
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
    throw new Error(`discord: login failed: ${errorMessage(error)}`, { cause: error })
  }
  const readyClient = await ready
  logger.info(
    { user: readyClient.user.tag, ...countLibrary(current()), skipped: problems.length, ms: Math.round(performance.now() - startedAt) },
    'byline is online',
  )

  let stopping: Promise<{ isDisconnected: boolean }> | null = null
  const stop = () => {
    stopping ??= withDeadline(client.destroy(), options.disconnectDeadlineMs ?? DISCONNECT_DEADLINE_MS).then((isDone) => ({
      isDisconnected: isDone,
    }))
    return stopping
  }
  return { client: readyClient, library: current, stop }
}

/** True once `work` settles (a rejection counts: the client is gone either way), false if `ms` pass first. */
function withDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    void work.then(
      () => {
        clearTimeout(timer)
        resolve(true)
      },
      () => {
        clearTimeout(timer)
        resolve(true)
      },
    )
  })
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
