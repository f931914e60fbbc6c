import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js'
import type { Logger } from 'pino'
import type { Library } from '../answer/library.js'

/** What a reload reports: the new library and one line per skipped corpus file. */
export type ReloadReport = { library: Library; problems: readonly string[] }

/** What every handler gets besides the interaction. */
export type BotContext = {
  /** The library in use now; `/reload` swaps it, so read it per interaction. */
  library: () => Library
  /** Reloads the corpus and swaps the library in. */
  reload: () => Promise<ReloadReport>
  logger: Logger
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
