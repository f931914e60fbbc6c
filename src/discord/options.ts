import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js'
import { matchArticles } from '../answer/articles.js'
import type { Library } from '../library/library.js'
import { escapeMarkdown } from '../render/discord.js'
import { truncateText } from '../render/discordLimits.js'
import { articleChoices, speakerChoices } from './autocomplete.js'
import { privateNotice } from './replies.js'

/** Option length limits, shared by the command definitions (Discord enforces them client-side). */
export const MAX_QUERY_CHARS = 200
export const MAX_NAME_CHARS = 100

/**
 * The `article` option as a known article id: null when not given; `undefined` after replying
 * "no such article" (the option is only ever used as an id to look up, never as a path). Discord
 * lets people send what they typed without picking a suggestion, so words that match exactly one
 * article's id or headline (as autocomplete matches them) name that article.
 */
export async function readArticle(interaction: ChatInputCommandInteraction, library: Library): Promise<string | null | undefined> {
  const article = interaction.options.getString('article')
  if (article === null || library.articleById.has(article)) return article
  const matches = matchArticles(library, article, MAX_LISTED_MATCHES + 1)
  const [only] = matches
  if (matches.length === 1 && only !== undefined) return only.id
  const several = matches.slice(0, MAX_LISTED_MATCHES).map((match) => `“${escapeMarkdown(truncateText(match.headline, 80))}”`)
  const hint =
    matches.length > 1
      ? `Several articles match: ${several.join(', ')}${matches.length > MAX_LISTED_MATCHES ? '…' : ''}. Pick one from the list as you type.`
      : 'Pick one from the list as you type, or see /articles.'
  await interaction.reply(privateNotice(`No such article: “${escapeMarkdown(article)}”. ${hint}`))
  return undefined
}

/** Headlines a "no such article" reply lists when the typed words match several. */
const MAX_LISTED_MATCHES = 3

/** Answers autocomplete for the `article`, `speaker` and `name` options of any command. */
export async function answerAutocomplete(interaction: AutocompleteInteraction, library: Library): Promise<void> {
  const focused = interaction.options.getFocused(true)
  const typed = String(focused.value)
  if (focused.name === 'article') {
    await interaction.respond(articleChoices(library, typed))
    return
  }
  if (focused.name === 'speaker' || focused.name === 'name') {
    await interaction.respond(speakerChoices(library, typed, interaction.options.getString('article')))
    return
  }
  await interaction.respond([])
}
