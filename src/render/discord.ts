import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10'
import type { ArticleSummary } from '../answer/articles.js'
import type { AskResult } from '../answer/ask.js'
import type { QuoteSearchResult } from '../answer/quote.js'
import type { SpeakerRef } from '../answer/speakerRef.js'
import type { SpeakersResult } from '../answer/speakers.js'
import { speakerDisplay } from '../attribution/speakerRoles.js'
import type { Article } from '../corpus/article.js'
import type { Highlight } from '../search/highlight.js'
import {
  COMPONENT_LIMITS,
  CONTENT_LIMIT,
  type DiscordMessage,
  EMBED_LIMITS,
  embedLength,
  fitMessage,
  listValue,
  shareBudget,
  truncateText,
} from './discordLimits.js'
import { SPEAKER_UNCLEAR } from './text.js'

// Results → Discord message JSON (embeds and buttons). Pure: the Discord adapter decides the
// buttons' custom ids and sends what this builds; `discordLimits.ts` keeps it within Discord's limits.

/** One button the adapter wants on a message: its custom id, label and whether it can be pressed. */
export type ButtonSpec = { customId: string; label: string; isEnabled: boolean }

/** The buttons of a paged result: ◀ ▶, one "context" per result shown, and "Post to channel". */
export type PageControls = {
  previous: ButtonSpec | null
  next: ButtonSpec | null
  /** One per result shown, in order; `[]` for none. */
  contexts: readonly ButtonSpec[]
  /** Only on private replies. */
  post: ButtonSpec | null
}

/** The colour of every embed the bot sends (Discord's blurple). */
export const EMBED_COLOR = 0x5865f2
const NARRATION = 'narration'
// The header embed shows the query as its author line (plain text: Discord renders no markdown
// there), and page buttons read it back from there, so paging needs no server-side state.
const QUERY_PREFIX = '🔎 '

/**
 * Escapes Discord markdown (and mention/link syntax) in text that is not ours: user input and
 * corpus text. A backslash before any of these characters renders the character itself.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|<>[\]@]/g, '\\$&').replace(/^(\s*)(#|[-+]|\d+\.)(?=\s|#)/gm, '$1\\$2')
}

/** The query a result message was rendered for, read back from its header embed; null when absent. */
export function readQuery(embeds: readonly APIEmbed[]): string | null {
  const name = embeds[0]?.author?.name
  return name?.startsWith(QUERY_PREFIX) ? name.slice(QUERY_PREFIX.length) : null
}

/** The filters a search ran with, so a no-match message can name them and how to drop them. */
export type SearchScope = { article: string | null; speaker: string | null }

export const wholeCorpus: SearchScope = { article: null, speaker: null }

/** `/ask`: a header with the direct answer, then one embed per passage with its attribution line. */
export function renderAskMessage(
  result: AskResult,
  articles: ReadonlyMap<string, Article>,
  controls: PageControls,
  scope: SearchScope = wholeCorpus,
): DiscordMessage {
  const header: APIEmbed = { color: EMBED_COLOR, author: { name: truncateText(QUERY_PREFIX + result.question, EMBED_LIMITS.author) } }
  if (result.results.length === 0) {
    const where = scope.article === null ? 'the articles' : `“${headlineOf(scope.article, articles)}”`
    header.description = noMatch(
      `Nothing in ${where} matches “${escapeMarkdown(result.question)}”.`,
      result.question,
      result.suggestions,
      scope,
    )
    return fitMessage({ embeds: [header], components: [] })
  }
  const notice = result.notice === null ? '' : `*${escapeMarkdown(result.notice)}*\n`
  header.description = truncateText(
    `${notice}${answerLine(result, articles)}${range(result.offset, result.results.length, result.hasMore)}`,
    EMBED_LIMITS.description,
  )
  const passages = result.results.map((passage, i) => {
    const speakers = passage.speakers.length > 0 ? passage.speakers.map(speakerLine).join('; ') : NARRATION
    const attribution = `— ${speakers} · ¶${passage.paragraph} · ${escapeMarkdown(passage.headline)}`
    return {
      text: `**${result.offset + i + 1}.** ${emphasise(passage.text, passage.highlights)}`,
      attribution,
      meta: articleMeta(articles.get(passage.article)),
    }
  })
  return fitMessage({ embeds: [header, ...budgetEmbeds(header, passages)], components: controlRows(controls) })
}

/**
 * `/quote`: a header with the search, then each quote with speaker (or "speaker unclear"), kind,
 * article and paragraph. `scope` holds the filters the search ran with, for a no-match message.
 */
export function renderQuoteMessage(
  result: QuoteSearchResult,
  articles: ReadonlyMap<string, Article>,
  controls: PageControls,
  scope: SearchScope = wholeCorpus,
): DiscordMessage {
  const header: APIEmbed = { color: EMBED_COLOR, author: { name: truncateText(QUERY_PREFIX + result.query, EMBED_LIMITS.author) } }
  if (result.results.length === 0) {
    const by = scope.speaker === null ? '' : ` by “${escapeMarkdown(scope.speaker)}”`
    const where = scope.article === null ? '' : ` in “${headlineOf(scope.article, articles)}”`
    header.description = noMatch(
      `No quote${by}${where} matches “${escapeMarkdown(result.query)}”.`,
      result.query,
      result.suggestions,
      scope,
    )
    return fitMessage({ embeds: [header], components: [] })
  }
  header.description = range(result.offset, result.results.length, result.hasMore)
  const quotes = result.results.map((hit, i) => {
    const speaker = hit.speaker === null ? SPEAKER_UNCLEAR : speakerLine(hit.speaker)
    // Quotation marks only around words actually quoted; a paraphrase is shown as reported.
    const words = hit.kind === 'indirect' ? escapeMarkdown(hit.text) : `“${escapeMarkdown(hit.text)}”`
    const attribution = `— ${speaker} (${hit.kind}) · ¶${hit.paragraph} · ${escapeMarkdown(hit.headline)}`
    return { text: `**${result.offset + i + 1}.** ${words}`, attribution, meta: articleMeta(articles.get(hit.article)) }
  })
  return fitMessage({ embeds: [header, ...budgetEmbeds(header, quotes)], components: controlRows(controls) })
}

/** `/speakers`: who's who; for one matched name (`name`, as typed), everything that person said. */
export function renderSpeakersMessage(
  result: SpeakersResult,
  articles: ReadonlyMap<string, Article>,
  name: string | null = null,
): DiscordMessage {
  if (result.speakers.length === 0) {
    const description =
      name === null
        ? 'No speaker found: no quote in the articles is attributed to anyone yet.'
        : `No speaker matches “${escapeMarkdown(name)}”. Pick a name from the list as you type, or leave \`name\` out to see everyone.`
    return fitMessage({ embeds: [{ color: EMBED_COLOR, description }], components: [] })
  }
  const lines = result.speakers.map(
    (speaker) => `• ${speakerLine(speaker)} — ${plural(speaker.quotes, 'statement')} in ${plural(speaker.articles.length, 'article')}`,
  )
  const fields: APIEmbedField[] = result.statements.map((statement) => ({
    name: truncateText(
      `¶${statement.paragraph} · ${statement.kind} · ${articles.get(statement.article)?.headline ?? statement.article}`,
      EMBED_LIMITS.fieldName,
    ),
    // Reported speech is the writer's words: quotation marks only around the speaker's own.
    value: statement.kind === 'indirect' ? escapeMarkdown(statement.text) : `“${escapeMarkdown(statement.text)}”`,
  }))
  return fitMessage({
    embeds: [{ color: EMBED_COLOR, title: "Who's who", description: listValue(lines, '', EMBED_LIMITS.description), fields }],
    components: [],
  })
}

/** `/articles`: one field per article (headline; id, byline, date and counts). */
export function renderArticlesMessage(articles: readonly ArticleSummary[]): DiscordMessage {
  if (articles.length === 0) {
    return {
      embeds: [{ color: EMBED_COLOR, description: 'The corpus is empty: add .txt or .md articles to the corpus folder.' }],
      components: [],
    }
  }
  const shown = articles.slice(0, EMBED_LIMITS.fields)
  const fields = shown.map((article) => ({
    name: escapeMarkdown(article.headline),
    value: [
      `\`${article.id.replace(/`/g, "'")}\``,
      article.byline === null ? null : `by ${escapeMarkdown(article.byline)}`,
      article.date,
      `${plural(article.paragraphs, 'paragraph')}, ${plural(article.quotes, 'quote')}`,
    ]
      .filter((part) => part !== null)
      .join(' · '),
  }))
  const more = articles.length > shown.length ? ` (showing ${shown.length}; pick others with the \`article\` option's autocomplete)` : ''
  return fitMessage({
    embeds: [{ color: EMBED_COLOR, title: 'Articles', description: `${plural(articles.length, 'article')}${more}`, fields }],
    components: [],
  })
}

/** `message` with one more row of buttons (e.g. "Post to channel" under a private brief). */
export function withButtons(message: DiscordMessage, buttons: readonly ButtonSpec[]): DiscordMessage {
  if (buttons.length === 0 || message.components.length >= COMPONENT_LIMITS.rows) return message
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: buttons.slice(0, COMPONENT_LIMITS.buttonsPerRow).map((spec) => toButton(spec, ButtonStyle.Primary)),
  }
  return { ...message, components: [...message.components, row] }
}

/** "Show context": the paragraphs around `paragraph`, the passage itself marked. */
export function renderContextMessage(article: Article, paragraph: number, radius = 1): DiscordMessage {
  const first = Math.max(1, paragraph - radius)
  const last = Math.min(article.paragraphs.length, paragraph + radius)
  const parts: string[] = []
  for (let n = first; n <= last; n++) {
    const text = escapeMarkdown(article.paragraphs[n - 1] ?? '')
    parts.push(n === paragraph ? `**¶${n}** ▸ ${text}` : `¶${n} ${text}`)
  }
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: escapeMarkdown(article.headline),
    description: parts.join('\n\n'),
    ...articleMeta(article),
  }
  return fitMessage({ embeds: [embed], components: [] })
}

/** `/help`: what each command does. */
export function renderHelpMessage(): DiscordMessage {
  const lines = [
    '`/ask question` — the passages that best answer a question, and who said them (◀ ▶ for more, **Show context** for the paragraphs around)',
    '`/quote keyword` — what was said about a keyword (`"exact phrase"` works), filter by `speaker` or `article`',
    "`/brief article` — key points with who said them, who's who with a quote each, and a dated timeline; without `article`, the top stories (`topic` narrows either)",
    "`/speakers name` — who's who; with a name, everything that person said",
    '`/articles` — the articles the bot knows',
    "**Find in articles** (right-click a message → Apps) — `/ask` with that message's text",
    '',
    'Add `private: True` to /ask, /quote or /brief to see the answer alone; **Post to channel** shares it.',
  ]
  return {
    embeds: [{ color: EMBED_COLOR, title: 'byline — answers from the news articles', description: lines.join('\n') }],
    components: [],
  }
}

/** A short notice (no match, expired button, error) as plain content. */
export function renderNotice(text: string): DiscordMessage {
  return { content: truncateText(text, CONTENT_LIMIT), embeds: [], components: [] }
}

/** A result as an embed: its text (shortened when needed) with the attribution line under it. */
type ResultParts = { text: string; attribution: string; meta: Partial<APIEmbed> }

/**
 * One embed per result, sharing the message's 6,000 characters fairly: short results keep their
 * whole text, long ones split what is left. Only the text is shortened, never the attribution
 * line under it (itself kept under a quarter of an embed's description).
 */
function budgetEmbeds(header: APIEmbed, results: readonly ResultParts[]): APIEmbed[] {
  const lines = results.map((result) => truncateText(result.attribution, EMBED_LIMITS.description / 4))
  const fixed =
    embedLength(header) + results.reduce((sum, result, i) => sum + (lines[i]?.length ?? 0) + 1 + embedLength(result.meta as APIEmbed), 0)
  const shares = shareBudget(
    results.map((result, i) => Math.min(result.text.length, EMBED_LIMITS.description - (lines[i]?.length ?? 0) - 1)),
    EMBED_LIMITS.total - fixed,
  )
  return results.map((result, i) => ({ description: `${truncateText(result.text, shares[i] ?? 0)}\n${lines[i] ?? ''}`, ...result.meta }))
}

/** The article's byline and date as footer, and its URL as a linked title, when known. */
export function articleMeta(article: Pick<Article, 'headline' | 'byline' | 'date' | 'url'> | undefined): Partial<APIEmbed> {
  if (article === undefined) return {}
  const meta: Partial<APIEmbed> = {}
  const footer = [article.byline === null ? null : `By ${article.byline}`, article.date].filter((part) => part !== null).join(' · ')
  if (footer !== '') meta.footer = { text: footer }
  if (article.url !== null && /^https?:\/\//.test(article.url)) {
    meta.url = article.url
    meta.title = escapeMarkdown(article.headline)
  }
  return meta
}

/** The passage with highlighted words in bold; everything else escaped. */
function emphasise(text: string, highlights: readonly Highlight[]): string {
  let out = ''
  let at = 0
  for (const { start, end } of highlights) {
    if (start < at) continue
    out += `${escapeMarkdown(text.slice(at, start))}**${escapeMarkdown(text.slice(start, end))}**`
    at = end
  }
  return out + escapeMarkdown(text.slice(at))
}

function controlRows(controls: PageControls): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = []
  const paging = [controls.previous, controls.next, controls.post].filter((spec) => spec !== null)
  if (paging.length > 0) {
    const components = paging.map((spec) => toButton(spec, spec === controls.post ? ButtonStyle.Primary : ButtonStyle.Secondary))
    rows.push({ type: ComponentType.ActionRow, components })
  }
  const contexts = controls.contexts.slice(0, COMPONENT_LIMITS.buttonsPerRow)
  if (contexts.length > 0)
    rows.push({ type: ComponentType.ActionRow, components: contexts.map((spec) => toButton(spec, ButtonStyle.Secondary)) })
  return rows
}

function toButton(spec: ButtonSpec, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style,
    custom_id: spec.customId,
    label: truncateText(spec.label, COMPONENT_LIMITS.buttonLabel),
    disabled: !spec.isEnabled,
  }
}

/** "Name, role" with markdown escaped (names come from corpus text). */
export function speakerLine(speaker: SpeakerRef): string {
  return escapeMarkdown(speakerDisplay(speaker))
}

function range(offset: number, count: number, hasMore: boolean): string {
  return `Results ${offset + 1}–${offset + count}${hasMore ? ' (more with ▶)' : ''}`
}

/** What to try when a search found nothing and has no suggestion. */
const TRY_AGAIN = 'Try other or fewer words, or see /articles for what the articles cover.'

/**
 * A no-match message, then "Did you mean: …?" when there are suggestions (with a speaker filter,
 * mostly who did say those words), then how to widen the search: drop the filters it ran with,
 * or else try other words. A suggestion that is the query itself (corpus-wide suggestions for a
 * search inside one article) is left out.
 */
function noMatch(message: string, query: string, given: readonly string[], scope: SearchScope): string {
  const suggestions = given.filter((suggestion) => suggestion.trim().toLowerCase() !== query.trim().toLowerCase())
  const filters = [scope.speaker === null ? null : '`speaker`', scope.article === null ? null : '`article`'].filter(
    (filter) => filter !== null,
  )
  const widen = filters.length > 0 ? `Leave ${filters.join(' and ')} out to search more widely.` : suggestions.length === 0 ? TRY_AGAIN : ''
  const didYouMean = suggestions.length === 0 ? '' : `Did you mean: ${suggestions.map(escapeMarkdown).join(', ')}?`
  return [message, didYouMean, widen].filter((part) => part !== '').join(' ')
}

/** An article's headline for a message (escaped, shortened), or its id when unknown. */
function headlineOf(id: string, articles: ReadonlyMap<string, Article>): string {
  return escapeMarkdown(truncateText(articles.get(id)?.headline ?? id, 100))
}

/**
 * The direct answer as a bold first line, with its paragraph (and, when the corpus has several
 * articles, the headline it comes from); empty when the evidence supports no short answer.
 */
function answerLine(result: AskResult, articles: ReadonlyMap<string, Article>): string {
  if (result.answer === null) return ''
  const { text, article, paragraph } = result.answer
  const headline = articles.size > 1 ? articles.get(article)?.headline : undefined
  const where = headline === undefined ? `¶${paragraph}` : `¶${paragraph} · ${escapeMarkdown(truncateText(headline, 80))}`
  return `**Answer:** ${escapeMarkdown(text)} (${where})\n`
}

/** `1 statement`, `2 statements`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
