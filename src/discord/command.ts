import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js'
import type { Logger } from 'pino'
import type { AddStoryOutcome, StorySource } from '../library/addStory.js'
import type { Library } from '../library/library.js'
import type { ReloadOutcome, RemoveOutcome } from '../library/libraryHolder.js'
import type { RateLimiter } from './rateLimit.js'

/**
 * Adding and removing a server's own articles (`/add`, `/remove`, "Add article from link"). The
 * composition root wires it to the library holder, with the fetch settings.
 */
export type ServerCollection = {
  add: (server: string, source: StorySource, addedBy: string) => Promise<AddStoryOutcome>
  remove: (server: string, id: string) => Promise<RemoveOutcome>
}

/** What every handler gets besides the interaction. */
export type BotContext = {
  /**
   * The library the interaction's server sees (its guild id; null in direct messages): the shared
   * articles and that server's own, never another server's. `/reload` and additions change it,
   * so read it per interaction.
   */
  library: (guildId: string | null) => Library
  /** Reloads the corpus and swaps the library in. */
  reload: () => Promise<ReloadOutcome>
  logger: Logger
  /** Per-user abuse limit on commands and buttons (not autocomplete); absent: no limit. */
  rateLimiter?: RateLimiter
  /** Adds and removes servers' articles; null when this bot cannot write to its corpus (then `/add` says so). */
  collection: ServerCollection | null
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
