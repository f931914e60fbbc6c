import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js'
import { addToServer } from '../addArticle.js'
import type { Command } from '../command.js'
import { privateNotice } from '../replies.js'

/** The file types `/add file:` accepts (the download checks what actually arrives). */
const FILE_TYPES = ['.html', '.htm', '.txt', '.md']

/** Longest link Discord lets a string option carry that we accept. */
const MAX_LINK_CHARS = 2_000

/**
 * `/add link:<url>` or `/add file:<attachment>` (Manage Server by default): fetches the story,
 * extracts the article, saves it to this server's articles and replies with its brief.
 */
export const add = {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription("Add a news story to this server's articles, from a link or a file")
    .addStringOption((option) =>
      option.setName('link').setDescription('The address of the story (http or https)').setMaxLength(MAX_LINK_CHARS),
    )
    .addAttachmentOption((option) => option.setName('file').setDescription(`The story as a file: ${FILE_TYPES.join(' ')}`))
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, context) {
    const link = interaction.options.getString('link')?.trim() ?? null
    const file = interaction.options.getAttachment('file')
    if ((link === null || link === '') === (file === null)) {
      await interaction.reply(
        privateNotice('Give either a link or a file: `/add link:https://…` or `/add file:` with a .html, .htm, .txt or .md file.'),
      )
      return
    }
    if (file !== null) {
      const attachment = { url: file.url, filename: file.name, size: file.size, contentType: file.contentType }
      await addToServer(interaction, context, { kind: 'attachment', attachment })
      return
    }
    await addToServer(interaction, context, { kind: 'link', url: link ?? '' })
  },
} satisfies Command
