import type { ArticleSummary } from '../answer/articles.js'
import type { AskResult } from '../answer/ask.js'
import type { Brief, CorpusBrief } from '../answer/brief.js'
import type { QuoteSearchResult } from '../answer/quote.js'
import type { SpeakerRef } from '../answer/speakerRef.js'
import type { SpeakersResult } from '../answer/speakers.js'
import { speakerDisplay } from '../attribution/speakerRoles.js'
import type { Highlight } from '../search/highlight.js'
import type { quotesJson } from './json.js'

/** How text output looks: ANSI bold on a terminal, `**markdown**` bold elsewhere. */
export type TextStyle = {
  isColor: boolean
}

export const defaultTextStyle: TextStyle = { isColor: false }

/** What every renderer shows for a quote with no attributable speaker: never a guess. */
export const SPEAKER_UNCLEAR = 'speaker unclear'

/** `ask` for people: the direct answer, then each passage with its matched words in bold. */
export function renderAskText(result: AskResult, style: TextStyle = defaultTextStyle): string {
  if (result.results.length === 0) return noMatch(`Nothing in the articles matches “${result.question}”.`, result.suggestions)
  const lines: string[] = []
  if (result.notice !== null) lines.push(`(${result.notice})`, '')
  if (result.answer !== null) lines.push(`Answer: ${bold(result.answer.text, style)}`, '')
  result.results.forEach((passage, i) => {
    lines.push(`${result.offset + i + 1}. ${emphasise(passage.text, passage.highlights, style)}`)
    lines.push(
      `   — ${passage.speakers.length > 0 ? passage.speakers.map(describeSpeaker).join('; ') : 'narration'} · ¶${passage.paragraph} · ${passage.headline}`,
    )
    lines.push('')
  })
  if (result.hasMore) lines.push('(more results: raise --limit)')
  return lines.join('\n').trimEnd()
}

/** `quote` for people: each quote with its speaker, kind, article and paragraph. */
export function renderQuoteText(result: QuoteSearchResult): string {
  if (result.results.length === 0) return noMatch(`No quote matches “${result.query}”.`, result.suggestions)
  return result.results
    .map(
      (hit, i) =>
        `${result.offset + i + 1}. “${hit.text}”\n   — ${hit.speaker === null ? SPEAKER_UNCLEAR : describeSpeaker(hit.speaker)} (${hit.kind}) · ¶${hit.paragraph} · ${hit.headline}`,
    )
    .join('\n\n')
}

/** `brief` for people: headline, key points, who's who and timeline. */
export function renderBriefText(brief: Brief): string {
  const { article } = brief
  const lines = [article.headline]
  const meta = [article.byline === null ? null : `By ${article.byline}`, article.date, article.url].filter((part) => part !== null)
  if (meta.length > 0) lines.push(meta.join(' · '))
  lines.push('', 'Key points:')
  if (brief.points.length === 0) lines.push('  (none found)')
  for (const point of brief.points) {
    lines.push(`  • ${point.text}${point.speaker === null ? '' : ` — ${describeSpeaker(point.speaker)}`} (¶${point.paragraph})`)
  }
  lines.push('', "Who's who:")
  if (brief.speakers.length === 0) lines.push('  (no attributed speakers)')
  for (const speaker of brief.speakers) {
    lines.push(`  • ${describeSpeaker(speaker)}: ${plural(speaker.quotes, 'statement')}`)
    // A quote lifted from '"…," she said' keeps its comma; inside our own quotation marks it dangles.
    for (const statement of speaker.statements) {
      const words = statement.text.replace(/[\s,;:]+$/u, '')
      lines.push(`    ${statement.kind === 'indirect' ? words : `“${words}”`} (¶${statement.paragraph})`)
    }
  }
  lines.push('', 'Timeline:')
  if (brief.timeline.length === 0) lines.push('  (no dates found)')
  for (const entry of brief.timeline)
    lines.push(
      `  • ${entry.date}${entry.when === null || entry.when === entry.date ? '' : ` (${entry.when})`}: ${entry.text} (¶${entry.paragraph})`,
    )
  return lines.join('\n')
}

/** A corpus brief for people: the top stories with their lead points, then the most-quoted speakers. */
export function renderCorpusBriefText(brief: CorpusBrief): string {
  const about = brief.topic === null ? '' : ` about “${brief.topic}”`
  if (brief.stories.length === 0) return `No article${about} to brief.`
  const lines = [`Top stories${about} (${plural(brief.articles, 'article')}):`]
  for (const story of brief.stories) {
    // An untitled article's headline is its id: say it once.
    const id = story.article.id === story.article.headline ? null : story.article.id
    const meta = [story.article.date, id].filter((part) => part !== null).join(' · ')
    lines.push('', `■ ${story.article.headline}${meta === '' ? '' : ` [${meta}]`}`)
    for (const point of story.points) {
      lines.push(`  • ${point.text}${point.speaker === null ? '' : ` — ${describeSpeaker(point.speaker)}`} (¶${point.paragraph})`)
    }
  }
  lines.push('', 'Most quoted:')
  if (brief.speakers.length === 0) lines.push('  (no attributed speakers)')
  for (const speaker of brief.speakers) {
    lines.push(`  • ${describeSpeaker(speaker)}: ${plural(speaker.quotes, 'statement')} in ${plural(speaker.articles.length, 'article')}`)
  }
  return lines.join('\n')
}

/** `speakers` for people: who's who, and everything one person said when a name was given. */
export function renderSpeakersText(result: SpeakersResult): string {
  if (result.speakers.length === 0) return 'No speaker found.'
  const lines = result.speakers.map(
    (speaker) => `• ${describeSpeaker(speaker)} — ${plural(speaker.quotes, 'statement')} in ${plural(speaker.articles.length, 'article')}`,
  )
  // Reported speech is the writer's words: quotation marks only around the speaker's own.
  for (const statement of result.statements)
    lines.push(
      `  ¶${statement.paragraph} (${statement.kind}) ${statement.kind === 'indirect' ? statement.text : `“${statement.text}”`} [${statement.article}]`,
    )
  return lines.join('\n')
}

/** `articles` for people: one line per article. */
export function renderArticlesText(articles: readonly ArticleSummary[]): string {
  if (articles.length === 0) return 'The corpus is empty: add .txt or .md articles to the corpus folder.'
  return articles
    .map((article) => {
      const meta = [article.byline === null ? null : `by ${article.byline}`, article.date].filter((part) => part !== null)
      return `• ${article.headline} [${article.id}]${meta.length > 0 ? ` — ${meta.join(', ')}` : ''} · ${plural(article.paragraphs, 'paragraph')}, ${plural(article.quotes, 'quote')}`
    })
    .join('\n')
}

/** `quotes` for people: every attribution found, per article. */
export function renderQuotesText(result: ReturnType<typeof quotesJson>): string {
  return result.articles
    .map((article) =>
      [
        `${article.headline} [${article.id}]`,
        ...article.quotes.map(
          (quote) => `  ¶${quote.paragraph} ${quote.kind}: “${quote.text}” — ${quote.speaker?.name ?? SPEAKER_UNCLEAR}`,
        ),
      ].join('\n'),
    )
    .join('\n\n')
}

/** "Title Name, office", the one way every command names a speaker (see `speakerDisplay`). */
export function describeSpeaker(speaker: SpeakerRef): string {
  return speakerDisplay(speaker)
}

/** `text` with the highlighted spans in bold. */
export function emphasise(text: string, highlights: readonly Highlight[], style: TextStyle): string {
  let out = ''
  let at = 0
  for (const { start, end } of highlights) {
    if (start < at) continue
    out += text.slice(at, start) + bold(text.slice(start, end), style)
    at = end
  }
  return out + text.slice(at)
}

function bold(text: string, style: TextStyle): string {
  return style.isColor ? `\u001b[1m${text}\u001b[22m` : `**${text}**`
}

function noMatch(message: string, suggestions: readonly string[]): string {
  return suggestions.length === 0 ? message : `${message} Did you mean: ${suggestions.join(', ')}?`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
