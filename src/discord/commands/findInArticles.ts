import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js'
import type { Command } from '../command.js'
import { MAX_QUERY_CHARS } from '../options.js'
import { renderPage } from '../pages.js'
import { privateNotice, toReply } from '../replies.js'

/** Message context menu "Find in articles": `/ask` with the message's text, privately. */
export const findInArticles = {
  data: new ContextMenuCommandBuilder().setName('Find in articles').setType(ApplicationCommandType.Message),
  async execute(interaction, context) {
    // Context menu interactions carry the message text without the Message Content intent.
    const query = interaction.targetMessage.content.trim().slice(0, MAX_QUERY_CHARS)
    if (query === '') {
      await interaction.reply(privateNotice('That message has no text to look up.'))
      return
    }
    const message = renderPage(context.library(), { command: 'ask', query, offset: 0, article: null, speaker: null, isPrivate: true })
    await interaction.reply(toReply(message, true))
  },
} satisfies Command<MessageContextMenuCommandInteraction>
