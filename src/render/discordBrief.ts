import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10'
import type { Brief, BriefPoint, BriefSpeaker, CorpusBrief } from '../answer/brief.js'
import { articleMeta, EMBED_COLOR, escapeMarkdown, plural, speakerLine } from './discord.js'
import { type DiscordMessage, EMBED_LIMITS, embedLength, fitMessage, listValue, shareBudget, truncateText } from './discordLimits.js'

// `/brief` as Discord embeds: one article (key points, who's who with a representative quote,
// timeline) or the whole corpus (top stories, most-quoted speakers). Each list is cut to whole
// lines inside its share of the message's 6,000 characters, ending "…and N more".

/** A representative quote is a taste of the speaker, not the statement in full. */
const QUOTE_CHARS = 200
/** A key point of the corpus brief shares a 1,024-character field with its story's other point. */
const STORY_POINT_CHARS = 400

/**
 * One article's brief: headline with its key points (and who said them), who's who with each
 * speaker's representative quote, and the dated timeline, in three embeds. With `topic`, a brief
 * that found nothing says so instead of showing three empty sections.
 */
export function renderBriefMessage(brief: Brief, topic: string | null = null): DiscordMessage {
  const { article } = brief
  const head: APIEmbed = { color: EMBED_COLOR, title: escapeMarkdown(article.headline), ...articleMeta(article) }
  const isEmpty = brief.points.length === 0 && brief.speakers.length === 0 && brief.timeline.length === 0
  if (topic !== null && isEmpty) {
    head.description = `Nothing in this article is about “${escapeMarkdown(topic)}”. Try other words, or leave \`topic\` out for the whole article.`
    return fitMessage({ embeds: [head], components: [] })
  }
  const about = topic === null ? '' : ` about “${escapeMarkdown(topic)}”`
  const sections = [
    { embed: head, heading: `**Key points${about}**\n`, lines: brief.points.map(pointLine), empty: 'No key points found.' },
    {
      embed: { color: EMBED_COLOR, title: "Who's who" },
      heading: '',
      lines: brief.speakers.map(speakerEntry),
      empty: 'No attributed speakers.',
    },
    {
      embed: { color: EMBED_COLOR, title: 'Timeline' },
      heading: '',
      lines: brief.timeline.map((entry) => `• **${escapeMarkdown(entry.date)}**: ${escapeMarkdown(entry.text)} (¶${entry.paragraph})`),
      empty: 'No dates found.',
    },
  ]
  const fixed = sections.reduce((sum, section) => sum + embedLength(section.embed) + section.heading.length, 0)
  const wants = sections.map((section) =>
    Math.min(EMBED_LIMITS.description - section.heading.length, joinedLength(section.lines, section.empty)),
  )
  const shares = shareBudget(wants, EMBED_LIMITS.total - fixed)
  const embeds = sections.map((section, i) => ({
    ...section.embed,
    description: section.heading + listValue(section.lines, section.empty, shares[i] ?? 0),
  }))
  return fitMessage({ embeds, components: [] })
}

/**
 * The corpus brief: how many articles it covers, then one field per top story (its id, to ask for
 * the story's own brief, date and byline, then its lead points) and the most-quoted speakers.
 */
export function renderCorpusBriefMessage(brief: CorpusBrief): DiscordMessage {
  const about = brief.topic === null ? '' : ` about “${escapeMarkdown(brief.topic)}”`
  const embed: APIEmbed = { color: EMBED_COLOR, title: truncateText(`Top stories${about}`, EMBED_LIMITS.title) }
  if (brief.stories.length === 0) {
    embed.description =
      brief.topic === null
        ? 'No article has anything to brief yet.'
        : `No article is about “${escapeMarkdown(brief.topic)}”. Try other words, or leave \`topic\` out.`
    return fitMessage({ embeds: [embed], components: [] })
  }
  const shown = brief.stories.length < brief.articles ? `The top ${brief.stories.length} of ` : ''
  embed.description = `${shown}${plural(brief.articles, 'article')}. For one story's full brief, pick it in the \`article\` option.`
  const stories = brief.stories.map(({ article, points }) => {
    const meta = [
      `\`${article.id.replace(/`/g, "'")}\``,
      article.date,
      article.byline === null ? null : `by ${escapeMarkdown(article.byline)}`,
    ]
    // The id line first: when the message is short of room, points go before the way to pick the story.
    return {
      name: escapeMarkdown(article.headline),
      lines: [
        meta.filter((part) => part !== null).join(' · '),
        ...points.map((point) => truncateText(pointLine(point), STORY_POINT_CHARS)),
      ],
    }
  })
  const speakers = brief.speakers.map(
    (speaker) => `• ${speakerLine(speaker)} — ${plural(speaker.quotes, 'statement')} in ${plural(speaker.articles.length, 'article')}`,
  )
  const groups = [...stories, { name: 'Most quoted', lines: speakers }]
  const fixed = embedLength(embed) + groups.reduce((sum, group) => sum + truncateText(group.name, EMBED_LIMITS.fieldName).length, 0)
  const wants = groups.map((group) => Math.min(EMBED_LIMITS.fieldValue, joinedLength(group.lines, '')))
  const shares = shareBudget(wants, EMBED_LIMITS.total - fixed)
  embed.fields = groups.map(
    (group, i): APIEmbedField => ({
      name: truncateText(group.name, EMBED_LIMITS.fieldName),
      value: listValue(group.lines, 'No attributed speakers.', shares[i] ?? 0),
    }),
  )
  return fitMessage({ embeds: [embed], components: [] })
}

/** "• text — Speaker, role (¶n)"; no dash for narration. */
function pointLine(point: BriefPoint): string {
  return `• ${escapeMarkdown(point.text)}${point.speaker === null ? '' : ` — ${speakerLine(point.speaker)}`} (¶${point.paragraph})`
}

/** "• Speaker, role — N statements", then their representative statements as block quotes. */
function speakerEntry(speaker: BriefSpeaker): string {
  const lines = [`• ${speakerLine(speaker)} — ${plural(speaker.quotes, 'statement')}`]
  for (const { text, kind, paragraph } of speaker.statements) {
    // Quotation marks only around words actually quoted; a paraphrase is shown as reported.
    // A quotation cut from its sentence may end in the comma before "said X": drop it.
    const words = truncateText(escapeMarkdown(text.replace(/[\s,;:]+$/, '')), QUOTE_CHARS)
    lines.push(`> ${kind === 'indirect' ? words : `“${words}”`} (¶${paragraph})`)
  }
  return lines.join('\n')
}

/** The length of `lines` joined by newlines (of `empty` when there are none). */
function joinedLength(lines: readonly string[], empty: string): number {
  return lines.length === 0 ? empty.length : lines.reduce((sum, line) => sum + line.length + 1, -1)
}
