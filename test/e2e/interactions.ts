/**
 * Builders for INTERACTION_CREATE payloads with every field discord.js needs (a missing
 * `entitlements`, `authorizing_integration_owners`, `member`/`user` or button `message` makes it
 * throw inside its gateway handler). Shapes follow `../shared/discord-protocol.md`.
 */
import { defaultEmulatorOptions, type EmulatedMessage } from './emulator.js'

export const GUILD_ID = '2000000000000000001'
export const CHANNEL_ID = '3000000000000000001'
export const USER_ID = '4000000000000000001'
/** Manage Server (1 << 5), as a permissions bit-set string. */
export const MANAGE_GUILD = '32'

/** Who sends the interaction, and where. */
export type Invoker = {
  isDm?: boolean
  /** The member's permission bit-set in the channel, as Discord sends it. */
  permissions?: string
  userId?: string
  /** The server it comes from (default GUILD_ID); ignored in a DM. */
  guildId?: string
}

/** An option value; numbers that are integers are sent as INTEGER (type 4). */
export type OptionValue = string | number | boolean

let counter = 0
function nextIds() {
  counter += 1
  const n = String(counter).padStart(6, '0')
  return { id: `90000000000${n}00`, token: `tok-${counter}`, commandId: `91000000000${n}00` }
}

const TESTER = { id: USER_ID, username: 'tester', discriminator: '0', avatar: null, global_name: 'Tester' }

function envelope(type: number, invoker: Invoker = {}) {
  const { id, token, commandId } = nextIds()
  const user = { ...TESTER, id: invoker.userId ?? USER_ID }
  const guildId = invoker.guildId ?? GUILD_ID
  const where = invoker.isDm
    ? { channel_id: CHANNEL_ID, channel: { id: CHANNEL_ID, type: 1 }, user, context: 1 }
    : {
        guild_id: guildId,
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'news' },
        member: {
          user,
          roles: [],
          joined_at: '2024-01-01T00:00:00.000Z',
          permissions: invoker.permissions ?? '0',
          deaf: false,
          mute: false,
          flags: 0,
        },
        guild_locale: 'en-US',
        context: 0,
      }
  const payload: Record<string, unknown> & { id: string; token: string } = {
    id,
    token,
    application_id: defaultEmulatorOptions.applicationId,
    type,
    version: 1,
    app_permissions: '0',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    ...where,
  }
  return { payload, commandId }
}

function optionType(value: OptionValue): number {
  if (typeof value === 'boolean') return 5
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10
  return 3
}

function toOptions(options: Record<string, OptionValue>, focused?: string) {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: optionType(value),
    value,
    ...(name === focused ? { focused: true } : {}),
  }))
}

/** A slash command (`type 2`, data `type 1`). */
export function chatInput(name: string, options: Record<string, OptionValue> = {}, invoker?: Invoker) {
  const { payload, commandId } = envelope(2, invoker)
  return { ...payload, data: { id: commandId, name, type: 1, options: toOptions(options) } }
}

/**
 * A slash command with a file option (`type 11`): the option carries only the attachment's id,
 * the attachment itself is in `data.resolved.attachments` (see `emulator.upload`).
 */
export function chatInputWithFile(
  name: string,
  fileOption: string,
  attachment: { id: string } & Record<string, unknown>,
  options: Record<string, OptionValue> = {},
  invoker?: Invoker,
) {
  const { payload, commandId } = envelope(2, invoker)
  const all = [...toOptions(options), { name: fileOption, type: 11, value: attachment.id }]
  return { ...payload, data: { id: commandId, name, type: 1, options: all, resolved: { attachments: { [attachment.id]: attachment } } } }
}

/** An autocomplete request (`type 4`): `focused` names the option being typed. */
export function autocomplete(name: string, options: Record<string, OptionValue>, focused: string, invoker?: Invoker) {
  const { payload, commandId } = envelope(4, invoker)
  return { ...payload, data: { id: commandId, name, type: 1, options: toOptions(options, focused) } }
}

/** A button click (`type 3`) on `message` (a message the emulator recorded, or a stand-in). */
export function button(customId: string, message: EmulatedMessage, invoker?: Invoker) {
  const { payload } = envelope(3, invoker)
  return { ...payload, message, data: { custom_id: customId, component_type: 2 } }
}

/** A message context menu command (`type 2`, data `type 3`) on a message with `content`. */
export function messageCommand(name: string, content: string, invoker?: Invoker) {
  const { payload, commandId } = envelope(2, invoker)
  const targetId = `${payload.id.slice(0, -2)}77`
  const target = {
    id: targetId,
    channel_id: CHANNEL_ID,
    type: 0,
    content,
    author: { ...TESTER, id: '4000000000000000002', username: 'reader' },
    embeds: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: '2024-01-01T00:00:00.000Z',
    edited_timestamp: null,
    flags: 0,
    components: [],
  }
  return {
    ...payload,
    data: { id: commandId, name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } },
  }
}

/** A stand-in message for a button on a message the emulator never saw (e.g. from before a wipe). */
export function foreignMessage(components: unknown[] = [], embeds: unknown[] = []): EmulatedMessage {
  return {
    id: '5999999999999999999',
    channel_id: CHANNEL_ID,
    type: 20,
    content: '',
    embeds,
    components,
    author: { id: defaultEmulatorOptions.botUserId, username: 'bot', discriminator: '0', avatar: null, bot: true },
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: '2024-01-01T00:00:00.000Z',
    edited_timestamp: null,
    flags: 0,
  }
}
