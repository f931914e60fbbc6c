import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js'
import { matchArticles } from '../../answer/articles.js'
import { escapeMarkdown } from '../../render/discord.js'
import { COMPONENT_LIMITS, truncateText } from '../../render/discordLimits.js'
import type { Command } from '../command.js'
import { MAX_NAME_CHARS } from '../options.js'
import { privateNotice } from '../replies.js'

/** `/remove article:<autocomplete>` (Manage Server by default): removes one of this server's own articles. */
export const remove = {
  data: new SlashCommandBuilder()
    .setName('remove')
    .setDescription('Remove an article this server added')
    .addStringOption((option) =>
      option
        .setName('article')
        .setDescription("The article (start typing its headline); only this server's own")
        .setAutocomplete(true)
        .setRequired(true)
        .setMaxLength(MAX_NAME_CHARS),
    )
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, context) {
    const server = interaction.guildId
    if (server === null) {
      await interaction.reply(privateNotice('Articles are removed from a server: use this in a server.'))
      return
    }
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply(privateNotice('Only members with the Manage Server permission can remove articles.'))
      return
    }
    if (context.collection === null) {
      await interaction.reply(privateNotice('Removing articles is turned off on this bot: it has no corpus folder it can write to.'))
      return
    }
    const typed = interaction.options.getString('article', true)
    // Only the server's own articles: the shared ones belong to the bot's operator.
    const article = context.library(server).articleById.get(typed)
    if (article === undefined || article.server !== server) {
      const shared = article !== undefined ? ' It is one of the shared articles, which only the bot’s operator can remove.' : ''
      await interaction.reply(privateNotice(`No such article of this server: “${escapeMarkdown(typed)}”.${shared}`))
      return
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral })
    const outcome = await context.collection.remove(server, article.id)
    context.logger.info({ server, user: interaction.user.id, article: article.id, status: outcome.status }, 'article removal')
    const text = {
      removed: `Removed “${escapeMarkdown(article.headline)}” (\`${escapeMarkdown(article.id)}\`) from this server's articles.`,
      'not-found': `“${escapeMarkdown(article.headline)}” was already gone.`,
      refused: 'message' in outcome ? escapeMarkdown(outcome.message) : 'The article could not be removed.',
    }[outcome.status]
    await interaction.editReply({ content: text, allowedMentions: { parse: [] } })
  },
  async autocomplete(interaction, context) {
    const server = interaction.guildId
    const typed = String(interaction.options.getFocused())
    const library = context.library(server)
    const own = matchArticles(
      library,
      typed,
      COMPONENT_LIMITS.choices,
      (article) => article.server === server && server !== null && article.id.length <= COMPONENT_LIMITS.choiceValue,
    )
    await interaction.respond(
      own.map((article) => ({ name: truncateText(article.headline, COMPONENT_LIMITS.choiceName), value: article.id })),
    )
  },
} satisfies Command
