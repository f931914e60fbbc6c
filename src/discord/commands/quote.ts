import { SlashCommandBuilder } from 'discord.js'
import type { Command } from '../command.js'
import { answerAutocomplete, MAX_NAME_CHARS, MAX_QUERY_CHARS, readArticle } from '../options.js'
import { renderPage } from '../pages.js'
import { toReply } from '../replies.js'

/** `/quote keyword [speaker] [article] [private]`: matching quotes and who said them, paged. */
export const quote = {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('Find quotes: what was said about a keyword, and by whom')
    .addStringOption((option) =>
      option
        .setName('keyword')
        .setDescription('A word, or an "exact phrase" in double quotes')
        .setRequired(true)
        .setMinLength(1)
        .setMaxLength(MAX_QUERY_CHARS),
    )
    .addStringOption((option) =>
      option.setName('speaker').setDescription('Only quotes by this person').setAutocomplete(true).setMaxLength(MAX_NAME_CHARS),
    )
    .addStringOption((option) =>
      option.setName('article').setDescription('Only this article').setAutocomplete(true).setMaxLength(MAX_NAME_CHARS),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Show the quotes only to you')),
  async execute(interaction, context) {
    const library = context.library(interaction.guildId)
    const article = await readArticle(interaction, library)
    if (article === undefined) return
    const isPrivate = interaction.options.getBoolean('private') ?? false
    const query = interaction.options.getString('keyword', true)
    const speaker = interaction.options.getString('speaker')
    const message = renderPage(library, { command: 'quote', query, offset: 0, article, speaker, isPrivate })
    await interaction.reply(toReply(message, isPrivate))
  },
  async autocomplete(interaction, context) {
    await answerAutocomplete(interaction, context.library(interaction.guildId))
  },
} satisfies Command
