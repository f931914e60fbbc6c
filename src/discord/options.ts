import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js'
import type { Library } from '../answer/library.js'
import { escapeMarkdown } from '../render/discord.js'
import { articleChoices, speakerChoices } from './autocomplete.js'
import { privateNotice } from './replies.js'

/** Option length limits, shared by the command definitions (Discord enforces them client-side). */
export const MAX_QUERY_CHARS = 200
export const MAX_NAME_CHARS = 100

/**
 * The `article` option as a known article id: null when not given; `undefined` after replying
 * "no such article" (the option is only ever used as an id to look up, never as a path).
 */
export async function readArticle(interaction: ChatInputCommandInteraction, library: Library): Promise<string | null | undefined> {
  const article = interaction.options.getString('article')
  if (article === null || library.articleById.has(article)) return article
  await interaction.reply(privateNotice(`No such article: “${escapeMarkdown(article)}”. Pick one from the list as you type, or see /articles.`))
  return undefined
}

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
