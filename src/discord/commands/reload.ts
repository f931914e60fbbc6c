import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js'
import { escapeMarkdown } from '../../render/discord.js'
import { CONTENT_LIMIT, truncateText } from '../../render/discordLimits.js'
import type { Command } from '../command.js'
import { privateNotice, toEdit } from '../replies.js'

/** `/reload` (Manage Server): reloads the corpus folder and swaps the library in. */
export const reload = {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Reload the articles from the corpus folder')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, context) {
    // Discord hides the command from others, but a server can override that: check again.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply(privateNotice('Only members with the Manage Server permission can reload the articles.'))
      return
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral })
    const { problems: allProblems, status, error } = await context.reload()
    // What this server sees: the shared articles and its own, and no other server's file names.
    const library = context.library(interaction.guildId)
    const problems = allProblems.filter((problem) => isProblemOf(problem, interaction.guildId))
    const paragraphs = library.articles.reduce((sum, article) => sum + article.paragraphs.length, 0)
    context.logger.info(
      { status, articles: library.articles.length, paragraphs, problems: problems.length, user: interaction.user.id },
      'corpus reloaded',
    )
    const counts = `${library.articles.length} articles, ${paragraphs} paragraphs`
    const headline = {
      reloaded: `Reloaded: ${counts}.`,
      unchanged: `No article changed since the last load: still ${counts}.`,
      failed: `The reload failed (${escapeMarkdown(error ?? 'unknown error')}); still answering from the previous articles (${counts}).`,
    }[status]
    const lines = [headline]
    if (problems.length > 0) lines.push(`Skipped ${problems.length}:`, ...problems.map((problem) => `• ${escapeMarkdown(problem)}`))
    await interaction.editReply(toEdit({ content: truncateText(lines.join('\n'), CONTENT_LIMIT), embeds: [], components: [] }))
  },
} satisfies Command

// A problem line names its file (`corpus: skipped servers/<id>/x.md: …`); another server's stay hidden.
function isProblemOf(problem: string, server: string | null): boolean {
  const folder = /^corpus: skipped servers\/([^/:]+)/.exec(problem)?.[1]
  return folder === undefined || folder === server
}
