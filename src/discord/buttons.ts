import { type ButtonInteraction, MessageFlags } from 'discord.js'
import { readQuery, renderContextMessage } from '../render/discord.js'
import { decodeButton } from './buttonState.js'
import type { BotContext } from './command.js'
import { renderPage } from './pages.js'
import { NO_MENTIONS, privateNotice, toReply } from './replies.js'

const EXPIRED = 'This button has expired (the bot was updated since). Run the command again for fresh results.'

/**
 * Handles a button press from its custom id and the message it sits on: ◀ ▶ re-run the search
 * for another page and update the message (or, on someone else's public result, reply with the
 * page privately); "context" privately shows the paragraphs around a
 * passage; "Post to channel" reposts a private reply publicly. Unknown ids get a polite note.
 */
export async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const state = decodeButton(interaction.customId)
  const library = context.library(interaction.guildId)
  if (state === null) {
    await interaction.reply(privateNotice(EXPIRED))
    return
  }
  if (state.kind === 'page') {
    const query = readQuery(interaction.message.embeds.map((embed) => embed.toJSON()))
    if (query === null) {
      await interaction.reply(privateNotice(EXPIRED))
      return
    }
    const isPrivate = interaction.message.flags.has(MessageFlags.Ephemeral)
    // A public result belongs to whoever asked: anyone else paging it gets that page privately,
    // rather than turning the shared message under the asker's eyes.
    const asker = interaction.message.interactionMetadata?.user.id
    if (!isPrivate && asker !== undefined && asker !== interaction.user.id) {
      await interaction.reply(toReply(renderPage(library, { ...state, query, isPrivate: true }), true))
      return
    }
    const message = renderPage(library, { ...state, query, isPrivate })
    await interaction.update({ ...message, content: message.content ?? null, allowedMentions: NO_MENTIONS })
    return
  }
  if (state.kind === 'context') {
    const article = library.articleById.get(state.article)
    if (article === undefined || state.paragraph > article.paragraphs.length) {
      await interaction.reply(privateNotice("No such article here: it is not among this server's articles (it may have been removed)."))
      return
    }
    await interaction.reply(toReply(renderContextMessage(article, state.paragraph), true))
    return
  }
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON())
  if (embeds.length === 0) {
    await interaction.reply(privateNotice('There is nothing to post from that message.'))
    return
  }
  // The mention names who shared it; allowed mentions keep it from pinging them.
  await interaction.reply(toReply({ content: `Shared by <@${interaction.user.id}>`, embeds, components: [] }, false))
}
