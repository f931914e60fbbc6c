import { MessageFlags, SlashCommandBuilder } from 'discord.js'
import { briefArticle, briefCorpus } from '../../answer/brief.js'
import { chooseBriefScope } from '../../answer/briefScope.js'
import type { Library } from '../../library/library.js'
import { renderNotice, withButtons } from '../../render/discord.js'
import { renderBriefMessage, renderCorpusBriefMessage } from '../../render/discordBrief.js'
import type { DiscordMessage } from '../../render/discordLimits.js'
import { encodeButton } from '../buttonState.js'
import type { Command } from '../command.js'
import { answerAutocomplete, MAX_NAME_CHARS, MAX_QUERY_CHARS, readArticle } from '../options.js'
import { privateNotice, toEdit, toReply } from '../replies.js'

/**
 * Above this many characters of article text, /brief defers before briefing. Measured on the
 * shared 2-core development machine (warm): the seed (15 paragraphs, 3,500 characters) in 5 ms;
 * 35,000 characters in 50–70 ms; 100,000 in 90–190 ms; 310,000 in 370–450 ms, for one article or
 * the corpus brief alike. Up to 100,000 characters (about 30 seed-sized articles) a brief would
 * stay within Discord's 3 s even ten times slower under load, so it replies directly: one message,
 * no "thinking…", and an error reply stays private. Above, it defers first.
 */
export const DEFER_ABOVE_CHARS = 100_000

/**
 * `/brief [article] [topic] [private]`: key points, who's who (with a representative quote each)
 * and timeline of one article; with no `article` and several articles, the corpus brief (top
 * stories and most-quoted speakers). `topic` narrows either to the passages about it.
 */
export const brief = {
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription("A briefing: key points, who's who, timeline (no article: the top stories)")
    .addStringOption((option) =>
      option
        .setName('article')
        .setDescription('The article (start typing its headline); leave out for the top stories')
        .setAutocomplete(true)
        .setMaxLength(MAX_NAME_CHARS),
    )
    .addStringOption((option) => option.setName('topic').setDescription('Only points about these words').setMaxLength(MAX_QUERY_CHARS))
    .addBooleanOption((option) => option.setName('private').setDescription('Show the briefing only to you')),
  async execute(interaction, context) {
    const library = context.library(interaction.guildId)
    const chosen = await readArticle(interaction, library)
    if (chosen === undefined) return
    const scope = chooseBriefScope(library, chosen)
    if (scope.kind === 'empty') {
      await interaction.reply(privateNotice('The corpus is empty: there is nothing to brief yet.'))
      return
    }
    const isPrivate = interaction.options.getBoolean('private') ?? false
    const topic = interaction.options.getString('topic')
    const article = scope.kind === 'article' ? scope.article : null
    const isSlow = textLength(library, article) > DEFER_ABOVE_CHARS
    if (isSlow) await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {})
    const postId = isPrivate ? encodeButton({ kind: 'post' }) : null
    const post = postId === null ? [] : [{ customId: postId, label: 'Post to channel', isEnabled: true }]
    const message = withButtons(renderBrief(library, article, topic), post)
    await (isSlow ? interaction.editReply(toEdit(message)) : interaction.reply(toReply(message, isPrivate)))
  },
  async autocomplete(interaction, context) {
    await answerAutocomplete(interaction, context.library(interaction.guildId))
  },
} satisfies Command

function renderBrief(library: Library, article: string | null, topic: string | null): DiscordMessage {
  if (article === null) return renderCorpusBriefMessage(briefCorpus(library, { topic }))
  const result = briefArticle(library, article, { topic })
  return result === null ? renderNotice('That article is no longer in the corpus.') : renderBriefMessage(result, topic)
}

/** The characters a brief reads: the article's paragraphs, or the whole corpus's for the corpus brief. */
function textLength(library: Library, article: string | null): number {
  const articles = article === null ? library.articles : [library.articleById.get(article)].filter((found) => found !== undefined)
  let length = 0
  for (const { paragraphs } of articles) for (const paragraph of paragraphs) length += paragraph.length
  return length
}
