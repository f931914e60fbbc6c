import { type InteractionEditReplyOptions, type InteractionReplyOptions, MessageFlags } from 'discord.js'
import { renderNotice } from '../render/discord.js'
import type { DiscordMessage } from '../render/discordLimits.js'

/** Every message the bot sends pings no one, whatever the corpus or the user typed. */
export const NO_MENTIONS = { parse: [] }

/** A rendered message as reply options: ephemeral when `isPrivate`, never pinging anyone. */
export function toReply(message: DiscordMessage, isPrivate: boolean): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return { ...message, allowedMentions: NO_MENTIONS, ...(isPrivate ? { flags: MessageFlags.Ephemeral } : {}) }
}

/** A rendered message as edit options (an edit keeps the visibility chosen at defer time). */
export function toEdit(message: DiscordMessage): InteractionEditReplyOptions {
  return { content: message.content ?? '', embeds: message.embeds, components: message.components, allowedMentions: NO_MENTIONS }
}

/** A short private notice: an unknown article, an expired button, an error. */
export function privateNotice(text: string): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { ...renderNotice(text), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral }
}
