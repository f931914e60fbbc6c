import type { MessageContextMenuCommandInteraction } from 'discord.js'
import type { Command } from './command.js'
import { add } from './commands/add.js'
import { addFromLink } from './commands/addFromLink.js'
import { articles } from './commands/articles.js'
import { ask } from './commands/ask.js'
import { brief } from './commands/brief.js'
import { findInArticles } from './commands/findInArticles.js'
import { help } from './commands/help.js'
import { quote } from './commands/quote.js'
import { reload } from './commands/reload.js'
import { remove } from './commands/remove.js'
import { speakers } from './commands/speakers.js'

/** Every slash command, in the order `/help` and the command picker list them. */
export const SLASH_COMMANDS: readonly Command[] = [ask, quote, brief, speakers, articles, help, add, remove, reload]

/** Every message context menu command. */
export const MESSAGE_COMMANDS: readonly Command<MessageContextMenuCommandInteraction>[] = [findInArticles, addFromLink]

/** The registration JSON of every command, for `deploy-commands`. */
export function commandDefinitions() {
  return [...SLASH_COMMANDS, ...MESSAGE_COMMANDS].map((command) => command.data.toJSON())
}
