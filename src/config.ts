import { z } from 'zod'
import { isAllowEntry } from './ingest/addressPolicy.js'

/** The bot's settings, read from the environment (and `.env` through dotenv by the roots). */
export type Config = {
  /** null: no token, so `npm start` opens the local console instead of connecting. */
  discordToken: string | null
  discordApplicationId: string | null
  /** Set: commands are registered for this guild only (instant); unset: globally. */
  discordGuildId: string | null
  corpusDir: string
  logLevel: LogLevel
  /** Tests only: another base URL for Discord's REST API (the local emulator). */
  discordApiBase: string | null
  /** Where the built library is saved for fast restarts; null: never saved (SNAPSHOT_DIR=off). */
  snapshotDir: string | null
  /** Shard processes for `npm run start:shards` (TOTAL_SHARDS): a number, or 'auto' (Discord's recommendation). */
  shards: number | 'auto'
  /** Commands one user may run per window (0: no limit), and the window, against abuse. */
  rateLimitCommands: number
  rateLimitWindowSeconds: number
  /** FETCH_ALLOW_PRIVATE_HOSTS: host names, IP addresses or CIDR ranges that fetched links may reach although private or loopback (an intranet news site; tests: 127.0.0.1). Empty: none. */
  fetchAllowPrivateHosts: readonly string[]
  /** At most this many articles in one server's collection (MAX_ARTICLES_PER_SERVER); `/add` refuses more. */
  maxArticlesPerServer: number
  /** At most this many articles added in one server per hour (MAX_ADDITIONS_PER_HOUR). */
  maxAdditionsPerHour: number
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const defaultConfig = {
  corpusDir: 'corpus',
  logLevel: 'info',
  rateLimitCommands: 5,
  rateLimitWindowSeconds: 10,
  snapshotDir: '.cache',
  shards: 'auto',
  maxArticlesPerServer: 1_000,
  maxAdditionsPerHour: 20,
} as const satisfies Partial<Config>

const SNOWFLAKE = /^\d{17,20}$/
// An empty setting (`DISCORD_TOKEN=` in .env) counts as unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

const wholeNumber = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int(message).min(min, message).max(max, message)

const ENV_SCHEMA = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.-]{20,}$/, 'does not look like a bot token (copy it from the Developer Portal, Bot tab)'),
  ),
  DISCORD_APPLICATION_ID: optional(z.string().trim().regex(SNOWFLAKE, 'must be the application id, a number of 17–20 digits')),
  DISCORD_GUILD_ID: optional(z.string().trim().regex(SNOWFLAKE, 'must be a server id, a number of 17–20 digits')),
  CORPUS_DIR: optional(z.string().trim().min(1)),
  LOG_LEVEL: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`)),
  ),
  DISCORD_API_BASE: optional(z.string().trim().url('must be a URL such as http://127.0.0.1:3000/api')),
  SNAPSHOT_DIR: optional(z.string().trim().min(1)),
  // Not SHARDS or SHARD_COUNT: discord.js's Client reads those itself (and crashes on "auto").
  TOTAL_SHARDS: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(auto|[1-9]\d{0,3})$/, 'must be auto or a number of shards (1–9999)'),
  ),
  RATE_LIMIT_COMMANDS: optional(wholeNumber(0, 1_000_000, 'must be a whole number of commands per window (0 turns the limit off)')),
  RATE_LIMIT_WINDOW_SECONDS: optional(wholeNumber(1, 86_400, 'must be a whole number of seconds from 1 to 86400')),
  FETCH_ALLOW_PRIVATE_HOSTS: optional(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter((entry) => entry !== ''),
      )
      .refine(
        (entries) => entries.every(isAllowEntry),
        'must be host names, IP addresses or CIDR ranges separated by commas, such as intranet.example,10.0.0.0/8',
      ),
  ),
  MAX_ARTICLES_PER_SERVER: optional(wholeNumber(0, 1_000_000, 'must be a whole number of articles (0: no articles can be added)')),
  MAX_ADDITIONS_PER_HOUR: optional(wholeNumber(0, 1_000_000, 'must be a whole number of additions per hour (0: none)')),
})

/**
 * Reads and validates the settings. Throws one `Error` whose message starts with `config:` and
 * names every bad setting; never includes a setting's value, so a token cannot leak into logs.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = ENV_SCHEMA.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
    throw new Error(`config: ${lines.join('; ')}`)
  }
  const settings = parsed.data
  return {
    discordToken: settings.DISCORD_TOKEN ?? null,
    discordApplicationId: settings.DISCORD_APPLICATION_ID ?? null,
    discordGuildId: settings.DISCORD_GUILD_ID ?? null,
    corpusDir: settings.CORPUS_DIR ?? defaultConfig.corpusDir,
    logLevel: settings.LOG_LEVEL ?? defaultConfig.logLevel,
    discordApiBase: settings.DISCORD_API_BASE ?? null,
    rateLimitCommands: settings.RATE_LIMIT_COMMANDS ?? defaultConfig.rateLimitCommands,
    rateLimitWindowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS ?? defaultConfig.rateLimitWindowSeconds,
    maxArticlesPerServer: settings.MAX_ARTICLES_PER_SERVER ?? defaultConfig.maxArticlesPerServer,
    maxAdditionsPerHour: settings.MAX_ADDITIONS_PER_HOUR ?? defaultConfig.maxAdditionsPerHour,
    snapshotDir: settings.SNAPSHOT_DIR === 'off' ? null : (settings.SNAPSHOT_DIR ?? defaultConfig.snapshotDir),
    fetchAllowPrivateHosts: settings.FETCH_ALLOW_PRIVATE_HOSTS ?? [],
    shards: settings.TOTAL_SHARDS === undefined || settings.TOTAL_SHARDS === 'auto' ? defaultConfig.shards : Number(settings.TOTAL_SHARDS),
  }
}
