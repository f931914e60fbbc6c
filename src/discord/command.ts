import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js'
import type { Logger } from 'pino'
import type { Library } from '../library/library.js'
import type { ReloadOutcome } from '../library/libraryHolder.js'
import type { RateLimiter } from './rateLimit.js'

/** What every handler gets besides the interaction. */
export type BotContext = {
  /** The library in use now; `/reload` swaps it, so read it per interaction. */
  library: () => Library
  /** Reloads the corpus and swaps the library in. */
  reload: () => Promise<ReloadOutcome>
  logger: Logger
  /** Per-user abuse limit on commands and buttons (not autocomplete); absent: no limit. */
  rateLimiter?: RateLimiter
}

/**
 * One application command: its registration `data` (a discord.js builder) and its handler.
 * `I` is the interaction it answers: chat input for slash commands, a context menu interaction
 * for "Find in articles".
 */
export type Command<I = ChatInputCommandInteraction> = {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody }
  execute(interaction: I, context: BotContext): Promise<void>
  /** Answers autocomplete for the command's options; absent when none autocomplete. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>
}
