import type { ApplicationCommandOptionChoiceData } from 'discord.js'
import { matchArticles } from '../answer/articles.js'
import { listSpeakers } from '../answer/speakers.js'
import { speakerDisplay } from '../attribution/speakerRoles.js'
import type { Library } from '../library/library.js'
import { COMPONENT_LIMITS, truncateText } from '../render/discordLimits.js'

/** Articles whose id or headline contains what was typed: the headline shown, the id as value. */
export function articleChoices(library: Library, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  // An id too long to be a choice's value is left out (the article is still found by its
  // headline words when typed in full), and the next match takes its place.
  return matchArticles(library, typed, COMPONENT_LIMITS.choices, (article) => article.id.length <= COMPONENT_LIMITS.choiceValue).map(
    (article) => ({ name: choiceName(article.headline), value: article.id }),
  )
}

/** Speakers whose name or alias starts with what was typed (in `article` when given), most quoted first. */
export function speakerChoices(library: Library, typed: string, article: string | null): ApplicationCommandOptionChoiceData<string>[] {
  const known = article !== null && library.articleById.has(article) ? article : null
  return listSpeakers(library, { name: typed.trim() === '' ? null : typed, article: known })
    .speakers.filter((speaker) => speaker.name.length <= COMPONENT_LIMITS.choiceValue)
    .slice(0, COMPONENT_LIMITS.choices)
    .map((speaker) => ({
      name: choiceName(speakerDisplay(speaker)),
      value: speaker.name,
    }))
}

function choiceName(text: string): string {
  return truncateText(text.trim() === '' ? '(untitled)' : text, COMPONENT_LIMITS.choiceName)
}
