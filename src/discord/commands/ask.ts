import { SlashCommandBuilder } from 'discord.js'
import type { Command } from '../command.js'
import { answerAutocomplete, MAX_NAME_CHARS, MAX_QUERY_CHARS, readArticle } from '../options.js'
import { renderPage } from '../pages.js'
import { toReply } from '../replies.js'

/** `/ask question [article] [private]`: the passages that best answer a question, paged. */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the articles: the best passages, and who said them')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, e.g. Who said the bridge would open in May?')
        .setRequired(true)
        .setMinLength(2)
        .setMaxLength(MAX_QUERY_CHARS),
    )
    .addStringOption((option) =>
      option.setName('article').setDescription('Only this article').setAutocomplete(true).setMaxLength(MAX_NAME_CHARS),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Show the answer only to you')),
  async execute(interaction, context) {
    const library = context.library(interaction.guildId)
    const article = await readArticle(interaction, library)
    if (article === undefined) return
    const isPrivate = interaction.options.getBoolean('private') ?? false
    const query = interaction.options.getString('question', true)
    const message = renderPage(library, { command: 'ask', query, offset: 0, article, speaker: null, isPrivate })
    await interaction.reply(toReply(message, isPrivate))
  },
  async autocomplete(interaction, context) {
    await answerAutocomplete(interaction, context.library(interaction.guildId))
  },
} satisfies Command
