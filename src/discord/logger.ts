import { pino, type Logger } from 'pino'
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

/** The bot's structured logger (JSON lines on stdout). */
export function createLogger(level: LogLevel): Logger {
  return pino({ name: 'byline', level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } })
}
