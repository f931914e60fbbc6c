import { SlashCommandBuilder } from 'discord.js'
import { renderHelpMessage } from '../../render/discord.js'
import type { Command } from '../command.js'
import { toReply } from '../replies.js'

/** `/help`: how to use the bot (privately: it is for the person asking). */
export const help = {
  data: new SlashCommandBuilder().setName('help').setDescription('How to use byline'),
  async execute(interaction) {
    await interaction.reply(toReply(renderHelpMessage(), true))
  },
} satisfies Command
