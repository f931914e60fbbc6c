import { MessageFlags, SlashCommandBuilder } from 'discord.js'
import { briefArticle } from '../../answer/brief.js'
import { renderBriefMessage, withButtons } from '../../render/discord.js'
import { encodeButton } from '../buttonState.js'
import type { Command } from '../command.js'
import { answerAutocomplete, MAX_NAME_CHARS, MAX_QUERY_CHARS, readArticle } from '../options.js'
import { privateNotice, toEdit } from '../replies.js'

/** `/brief [article] [topic] [private]`: key points, who's who and timeline of one article. */
export const brief = {
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription("A briefing on an article: key points, who's who, timeline")
    .addStringOption((option) => option.setName('article').setDescription('The article (start typing its headline)').setAutocomplete(true).setMaxLength(MAX_NAME_CHARS))
    .addStringOption((option) => option.setName('topic').setDescription('Only points about these words').setMaxLength(MAX_QUERY_CHARS))
    .addBooleanOption((option) => option.setName('private').setDescription('Show the briefing only to you')),
  async execute(interaction, context) {
    const library = context.library()
    const chosen = await readArticle(interaction, library)
    if (chosen === undefined) return
    const only = library.articles.length === 1 ? library.articles[0]?.id : undefined
    const article = chosen ?? only
    if (article === undefined) {
      const hint = library.articles.length === 0 ? 'The corpus is empty.' : `There are ${library.articles.length} articles: pick one with the \`article\` option.`
      await interaction.reply(privateNotice(hint))
      return
    }
    // Summarising may take a while on a long article: acknowledge first.
    const isPrivate = interaction.options.getBoolean('private') ?? false
    await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {})
    const result = briefArticle(library, article, { topic: interaction.options.getString('topic') })
    if (result === null) {
      await interaction.editReply(toEdit({ content: 'That article is no longer in the corpus.', embeds: [], components: [] }))
      return
    }
    const postId = isPrivate ? encodeButton({ kind: 'post' }) : null
    const post = postId === null ? [] : [{ customId: postId, label: 'Post to channel', isEnabled: true }]
    await interaction.editReply(toEdit(withButtons(renderBriefMessage(result), post)))
  },
  async autocomplete(interaction, context) {
    await answerAutocomplete(interaction, context.library())
  },
} satisfies Command
