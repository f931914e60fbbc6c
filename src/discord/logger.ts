import { type Logger, pino } from 'pino'
import type { LogLevel } from '../config.js'

/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log entry, so the bot token
 * cannot reach the logs even inside a logged config or request.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'config.discordToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
]

// Interaction and webhook tokens sit in REST paths (`/interactions/{id}/{token}/callback`,
// `/webhooks/{app}/{token}/…`), which discord.js errors carry in `url` and in their message.
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]+/g

/** Options for {@link createLogger}. */
export type LoggerOptions = {
  /** Values never to write, wherever they appear in an entry (the bot token): censored by value. */
  secrets: readonly string[]
}

export const defaultLoggerOptions: LoggerOptions = { secrets: [] }

/**
 * The bot's structured logger (JSON lines on stdout). Besides the redacted paths, every written
 * line is scrubbed of the given secrets and of interaction/webhook tokens in URLs, so a secret
 * nested at any depth (an error's request, a URL) cannot leak.
 */
export function createLogger(level: LogLevel, options: Partial<LoggerOptions> = {}): Logger {
  const secrets = [...new Set({ ...defaultLoggerOptions, ...options }.secrets)].filter((secret) => secret.length >= 8)
  return pino({
    name: 'byline',
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
  })
}

/** `text` with every secret and every interaction/webhook token in a REST path replaced. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text.replace(URL_TOKEN, '$1[redacted]')
  for (const secret of secrets) scrubbed = scrubbed.split(secret).join('[redacted]')
  return scrubbed
}
