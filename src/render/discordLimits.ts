import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10'

// Discord's size limits as data, and the word-boundary cutting that keeps any message inside
// them. The renderers in `discord.ts` build what they want to say; `fitMessage` makes it legal.

/**
 * Discord's embed limits, in characters:
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * (`total` counts every title, description, field, footer and author name in one message).
 */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  embeds: 10,
} as const

/**
 * Component and autocomplete limits:
 * https://discord.com/developers/docs/components/reference#button (custom id 100, label 80),
 * https://discord.com/developers/docs/components/reference#action-row (5 buttons a row, 5 rows),
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure
 * (25 choices, each name and string value 1–100 characters).
 */
export const COMPONENT_LIMITS = {
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const

/** The message `content` limit: https://discord.com/developers/docs/resources/message#create-message */
export const CONTENT_LIMIT = 2000

/** A message body as Discord's API takes it; the adapter adds flags and allowed mentions. */
export type DiscordMessage = {
  content?: string
  embeds: APIEmbed[]
  components: APIActionRowComponent<APIButtonComponent>[]
}

/** Below this, shortening an embed's text further would leave nothing worth reading. */
const MIN_SHRUNK_CHARS = 100

/**
 * Shortens `text` to at most `maxChars` characters, cutting at the last word boundary and adding
 * "…". A single word longer than the limit is cut mid-word; a cut never leaves a dangling escape
 * backslash or half a surrogate pair.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const room = text.slice(0, Math.max(0, maxChars - 1))
  const boundary = room.search(/\s\S*$/)
  let cut = boundary > maxChars / 2 ? room.slice(0, boundary) : room
  // Trim until the end is clean: an odd run of trailing backslashes would escape the ellipsis, and
  // dropping one may expose a space or half a surrogate pair again (`a \ b`, `a\ b`).
  for (let previous = ''; previous !== cut; ) {
    previous = cut
    cut = cut.trimEnd().replace(/[\uD800-\uDBFF]$/, '')
    if (/(^|[^\\])(\\\\)*\\$/.test(cut)) cut = cut.slice(0, -1)
  }
  return `${cut}…`
}

/**
 * Clamps a message to every embed limit: each text field on its own, at most 25 fields and 10
 * embeds, then the 6,000-character total by capping the longest descriptions and field values at
 * one common length (shorter ones stay whole). Cuts land on word boundaries.
 */
export function fitMessage(message: DiscordMessage): DiscordMessage {
  let embeds = message.embeds.slice(0, EMBED_LIMITS.embeds).map(clampEmbed)
  const fixedLength = (embed: APIEmbed) => embedLength(embed) - shrinkableLengths(embed).reduce((sum, n) => sum + n, 0)
  // Titles, names and footers are not shortened further: drop trailing embeds until they fit.
  while (embeds.length > 1 && embeds.reduce((sum, embed) => sum + fixedLength(embed) + MIN_SHRUNK_CHARS, 0) > EMBED_LIMITS.total)
    embeds = embeds.slice(0, -1)
  const budget = EMBED_LIMITS.total - embeds.reduce((sum, embed) => sum + fixedLength(embed), 0)
  const cap = waterLevel(embeds.flatMap(shrinkableLengths), budget)
  if (cap === null) return { ...message, embeds }
  const shorten = (text: string) => truncateText(text, Math.max(2, cap))
  embeds = embeds.map((embed) => ({
    ...embed,
    ...(embed.description === undefined ? {} : { description: shorten(embed.description) }),
    ...(embed.fields === undefined ? {} : { fields: embed.fields.map((field) => ({ ...field, value: shorten(field.value) })) }),
  }))
  return { ...message, embeds }
}

/** The characters of an embed that count toward the 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  )
}

/** Splits `budget` over items wanting `wants` characters: the smallest get all they want, the rest share equally. */
export function shareBudget(wants: readonly number[], budget: number): number[] {
  const shares = wants.map(() => 0)
  let left = Math.max(0, budget)
  const order = wants.map((want, i) => ({ want, i })).sort((a, b) => a.want - b.want)
  order.forEach(({ want, i }, rank) => {
    const share = Math.min(want, Math.floor(left / (order.length - rank)))
    shares[i] = share
    left -= share
  })
  return shares
}

/**
 * `lines` joined by newlines when they fit in `maxChars`; otherwise whole lines (a single line
 * longer than the room is shortened) and a last line "…and N more". `empty` when there are none.
 */
export function listValue(lines: readonly string[], empty: string, maxChars: number): string {
  if (lines.length === 0) return truncateText(empty, maxChars)
  const all = lines.join('\n')
  if (all.length <= maxChars) return all
  const kept: string[] = []
  let length = 0
  for (const [i, line] of lines.entries()) {
    // Room is kept for the "…and N more" line that may have to follow this one (not after the
    // last), and a lone line may use all of it.
    const more = `…and ${lines.length - i} more`
    const clipped = truncateText(line, lines.length === 1 ? maxChars : Math.max(1, maxChars - more.length - 1))
    const reserve = i === lines.length - 1 ? 0 : more.length + 1
    if (length + clipped.length + reserve > maxChars) {
      kept.push(more)
      break
    }
    kept.push(clipped)
    length += clipped.length + 1
  }
  return kept.join('\n')
}

/** The lengths fitMessage may shorten: the description and every field value. */
function shrinkableLengths(embed: APIEmbed): number[] {
  return [embed.description?.length ?? 0, ...(embed.fields ?? []).map((field) => field.value.length)]
}

/** The largest cap with `sum(min(length, cap)) <= budget`; null when everything already fits. */
function waterLevel(lengths: readonly number[], budget: number): number | null {
  if (lengths.reduce((sum, n) => sum + n, 0) <= budget) return null
  const sorted = [...lengths].sort((a, b) => a - b)
  let left = Math.max(0, budget)
  for (let i = 0; i < sorted.length; i++) {
    const length = sorted[i] ?? 0
    const rest = sorted.length - i
    if (length * rest > left) return Math.floor(left / rest)
    left -= length
  }
  return null
}

function clampEmbed(embed: APIEmbed): APIEmbed {
  const clamped: APIEmbed = { ...embed }
  if (embed.title !== undefined) clamped.title = truncateText(embed.title, EMBED_LIMITS.title)
  if (embed.description !== undefined) clamped.description = truncateText(embed.description, EMBED_LIMITS.description)
  if (embed.footer !== undefined) clamped.footer = { ...embed.footer, text: truncateText(embed.footer.text, EMBED_LIMITS.footer) }
  if (embed.author !== undefined) clamped.author = { ...embed.author, name: truncateText(embed.author.name, EMBED_LIMITS.author) }
  if (embed.fields !== undefined) {
    clamped.fields = embed.fields.slice(0, EMBED_LIMITS.fields).map((field) => ({
      ...field,
      name: truncateText(field.name, EMBED_LIMITS.fieldName),
      value: truncateText(field.value, EMBED_LIMITS.fieldValue),
    }))
  }
  return clamped
}
