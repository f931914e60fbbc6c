import { type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction, PermissionFlagsBits } from 'discord.js'
import { briefArticle } from '../answer/brief.js'
import type { StorySource } from '../library/addStory.js'
import { escapeMarkdown, renderNotice } from '../render/discord.js'
import { renderBriefMessage } from '../render/discordBrief.js'
import type { BotContext } from './command.js'
import { NO_MENTIONS, privateNotice, toEdit } from './replies.js'

// The work shared by `/add` and the "Add article from link" context menu: check who may add and
// where, acknowledge at once (a fetch may take up to 10 s), add the story to this server's
// collection, and answer with its brief, or privately with what went wrong.

type AddInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction

/**
 * Adds `source` to the collection of the interaction's server and replies: publicly with the new
 * article's brief and id, or, when it is refused or already there, privately with one sentence.
 */
export async function addToServer(interaction: AddInteraction, context: BotContext, source: StorySource): Promise<void> {
  const server = interaction.guildId
  if (server === null) {
    await interaction.reply(privateNotice('Articles are added to a server: use this in a server, not in a direct message.'))
    return
  }
  // Discord hides the command from others, but a server can change that: check again.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.reply(privateNotice('Only members with the Manage Server permission can add articles.'))
    return
  }
  if (context.collection === null) {
    await interaction.reply(privateNotice('Adding articles is turned off on this bot: it has no corpus folder it can write to.'))
    return
  }
  await interaction.deferReply()
  const outcome = await context.collection.add(server, source, interaction.user.id)
  context.logger.info(
    {
      server,
      user: interaction.user.id,
      source: source.kind,
      status: outcome.status,
      ...('reason' in outcome ? { reason: outcome.reason } : {}),
    },
    'article addition',
  )
  if (outcome.status === 'added') {
    const brief = briefArticle(context.library(server), outcome.id)
    const message = brief === null ? renderNotice('The article was added.') : renderBriefMessage(brief)
    const added = `Added to this server's articles as \`${escapeMarkdown(outcome.id)}\`: ask about it with /ask, or see it in /articles.`
    await interaction.editReply(toEdit({ ...message, content: added }))
    return
  }
  const text =
    outcome.status === 'duplicate' ? `That story is already here as \`${escapeMarkdown(outcome.id)}\`.` : escapeMarkdown(outcome.message)
  await replacePrivately(interaction, text)
}

// A deferred public reply cannot become private: delete the "thinking…" and follow up privately,
// so a refused link does not leave a message in the channel.
async function replacePrivately(interaction: AddInteraction, text: string): Promise<void> {
  try {
    await interaction.deleteReply()
  } catch {
    // Could not delete it: say it in the reply itself rather than leave "thinking…" forever.
    await interaction.editReply({ ...renderNotice(text), allowedMentions: NO_MENTIONS })
    return
  }
  await interaction.followUp(privateNotice(text))
}
