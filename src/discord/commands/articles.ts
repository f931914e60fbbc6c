import { SlashCommandBuilder } from 'discord.js'
import { listArticles } from '../../answer/articles.js'
import { renderArticlesMessage } from '../../render/discord.js'
import type { Command } from '../command.js'
import { toReply } from '../replies.js'

/** `/articles`: the corpus, with headlines, bylines, dates and counts. */
export const articles = {
  data: new SlashCommandBuilder().setName('articles').setDescription('The articles the bot knows'),
  async execute(interaction, context) {
    await interaction.reply(toReply(renderArticlesMessage(listArticles(context.library(interaction.guildId))), false))
  },
} satisfies Command
