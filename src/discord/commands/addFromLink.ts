import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
  PermissionFlagsBits,
} from 'discord.js'
import { addToServer } from '../addArticle.js'
import type { Command } from '../command.js'
import { privateNotice } from '../replies.js'

// The first http(s) address in a message: up to white space or a closing bracket or quote, as a
// reader sees where a link ends; Discord's <…> embed suppression is unwrapped.
const LINK = /<?(https?:\/\/[^\s<>"'()[\]]+)>?/i
// Punctuation that ends a sentence after a link rather than belonging to it.
const TRAILING_PUNCTUATION = /[.,;:!?]+$/

/** The first http(s) link in a message's text, or null. */
export function firstLink(text: string): string | null {
  const match = LINK.exec(text)?.[1]
  return match === undefined ? null : match.replace(TRAILING_PUNCTUATION, '')
}

/** Message context menu "Add article from link" (Manage Server by default): `/add` with the message's first link. */
export const addFromLink = {
  data: new ContextMenuCommandBuilder()
    .setName('Add article from link')
    .setType(ApplicationCommandType.Message)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  async execute(interaction, context) {
    const link = firstLink(interaction.targetMessage.content)
    if (link === null) {
      await interaction.reply(privateNotice('That message has no http or https link to add.'))
      return
    }
    await addToServer(interaction, context, { kind: 'link', url: link })
  },
} satisfies Command<MessageContextMenuCommandInteraction>
