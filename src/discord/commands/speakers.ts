import { SlashCommandBuilder } from 'discord.js'
import { listSpeakers } from '../../answer/speakers.js'
import { renderSpeakersMessage } from '../../render/discord.js'
import type { Command } from '../command.js'
import { answerAutocomplete, MAX_NAME_CHARS, readArticle } from '../options.js'
import { toReply } from '../replies.js'

/** `/speakers [name] [article]`: who's who; for one name, everything that person said. */
export const speakers = {
  data: new SlashCommandBuilder()
    .setName('speakers')
    .setDescription("Who's who in the articles; with a name, everything that person said")
    .addStringOption((option) =>
      option.setName('name').setDescription('A speaker (start typing a name)').setAutocomplete(true).setMaxLength(MAX_NAME_CHARS),
    )
    .addStringOption((option) =>
      option.setName('article').setDescription('Only this article').setAutocomplete(true).setMaxLength(MAX_NAME_CHARS),
    ),
  async execute(interaction, context) {
    const library = context.library(interaction.guildId)
    const article = await readArticle(interaction, library)
    if (article === undefined) return
    const name = interaction.options.getString('name')
    const result = listSpeakers(library, { name, article })
    await interaction.reply(toReply(renderSpeakersMessage(result, library.articleById, name), false))
  },
  async autocomplete(interaction, context) {
    await answerAutocomplete(interaction, context.library(interaction.guildId))
  },
} satisfies Command
