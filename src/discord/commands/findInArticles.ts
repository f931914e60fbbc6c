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
    const query = firstWords(interaction.targetMessage.content.trim(), MAX_QUERY_CHARS)
    if (query === '') {
      await interaction.reply(privateNotice('That message has no text to look up.'))
      return
    }
    const message = renderPage(context.library(interaction.guildId), {
      command: 'ask',
      query,
      offset: 0,
      article: null,
      speaker: null,
      isPrivate: true,
    })
    await interaction.reply(toReply(message, true))
  },
} satisfies Command<MessageContextMenuCommandInteraction>

/** At most `maxChars` of `text`, ending on a word boundary when there is one in the second half. */
function firstWords(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const room = text.slice(0, maxChars + 1)
  const boundary = room.search(/\s\S*$/)
  return (boundary > maxChars / 2 ? room.slice(0, boundary) : room.slice(0, maxChars)).replace(/[\uD800-\uDBFF]$/, '').trimEnd()
}
