import type { Quote, QuoteKind } from '../attribution/quote.js'
import { statementPhrase } from '../attribution/statementPhrase.js'
import type { Article } from '../corpus/article.js'
import type { Library } from '../library/library.js'
import type { SpeakerSummary } from '../library/speakerDirectory.js'
import { type DateMention, findDates, resolveDates } from '../text/dates.js'
import { termsOf } from '../text/tokens.js'
import { type SpeakerRef, toSpeakerRef } from './speakerRef.js'
import { listSpeakers } from './speakers.js'
import { articleSentences, type StatementSpan, summarizeSentences } from './summarize.js'

/**
 * A key point: a sentence of the article, with who said it when attributable. `text` is a
 * contiguous piece of paragraph `paragraph` (after a wire dateline, if any); when the sentence's
 * trailing detail was dropped it stops at the main clause and ends in "…".
 */
export type BriefPoint = {
  text: string
  paragraph: number
  speaker: SpeakerRef | null
}

/** A dated event: the date as written, ISO when the text allows it, and the sentence. */
export type TimelineEntry = {
  date: string
  when: string | null
  text: string
  paragraph: number
}

/** One statement chosen to stand for what a speaker said; `text` reads as a phrase (see `statementPhrase`). */
export type RepresentativeQuote = {
  text: string
  kind: QuoteKind
  paragraph: number
}

/**
 * A speaker of the brief: who's who, with their most representative statements, best first: one,
 * or two for a speaker with several statements when the second makes a different point.
 */
export type BriefSpeaker = SpeakerSummary & { statements: RepresentativeQuote[] }

/** A briefing on one article. */
export type Brief = {
  article: { id: string; headline: string; byline: string | null; date: string | null; url: string | null }
  points: BriefPoint[]
  speakers: BriefSpeaker[]
  timeline: TimelineEntry[]
}

/** A briefing on the whole corpus: its top stories and most-quoted speakers. */
export type CorpusBrief = {
  topic: string | null
  /** How many articles the brief covers (with `topic`: the articles about it). */
  articles: number
  stories: Array<{ article: Brief['article']; points: BriefPoint[] }>
  speakers: SpeakerSummary[]
}

export type BriefOptions = {
  /** Only passages about these words; null: the whole article. */
  topic: string | null
}

export const defaultBriefOptions: BriefOptions = { topic: null }

/** Options for {@link briefCorpus}; callers spread theirs over {@link defaultCorpusBriefOptions}. */
export type CorpusBriefOptions = BriefOptions & { maxStories: number; maxSpeakers: number }

export const defaultCorpusBriefOptions: CorpusBriefOptions = { topic: null, maxStories: 5, maxSpeakers: 5 }

/**
 * Briefs one article: its key sentences in the article's order (with their speaker when a quote
 * covers them), every speaker with a representative quote, and every dated event, sorted by date
 * where known and in reading order after. With `topic`, only paragraphs that mention one of its
 * words count; the brief is then empty when none does. Null when the library has no such article.
 */
export function briefArticle(library: Library, articleId: string, options: Partial<BriefOptions> = {}): Brief | null {
  const { topic } = { ...defaultBriefOptions, ...options }
  const article = library.articleById.get(articleId)
  if (article === undefined) return null
  const quotes = library.attributions.get(article.id)?.quotes ?? []
  const focus = topic === null ? [] : termsOf(topic)
  const isAbout = (text: string) => focus.length === 0 || termsOf(text).some((term) => focus.some((wanted) => term.startsWith(wanted)))
  const paragraphs = new Set(article.paragraphs.flatMap((text, i) => (isAbout(text) ? [i + 1] : [])))
  return {
    article: describeArticle(article),
    points: keyPoints(library, article, quotes, focus.length === 0 ? null : { paragraphs, isAbout }),
    speakers: whosWho(
      library,
      article,
      quotes.filter((quote) => paragraphs.has(quote.paragraph)),
    ),
    timeline: timelineOf(article).filter((entry) => paragraphs.has(entry.paragraph)),
  }
}

/**
 * Briefs the corpus: the top stories (most recent first, then the most quoted) with each one's
 * lead points, and the most-quoted speakers. With `topic`, only the articles about it.
 */
export function briefCorpus(library: Library, options: Partial<CorpusBriefOptions> = {}): CorpusBrief {
  const { topic, maxStories, maxSpeakers } = { ...defaultCorpusBriefOptions, ...options }
  const briefs = library.articles
    .map((article) => briefArticle(library, article.id, { topic }))
    .filter((brief): brief is Brief => brief !== null && brief.points.length > 0)
  const statements = (brief: Brief) => brief.speakers.reduce((sum, speaker) => sum + speaker.quotes, 0)
  const ranked = [...briefs].sort((a, b) => (b.article.date ?? '').localeCompare(a.article.date ?? '') || statements(b) - statements(a))
  const covered = new Set(briefs.map((brief) => brief.article.id))
  const speakers = listSpeakers(library).speakers.filter((speaker) => speaker.articles.some((id) => covered.has(id)))
  return {
    topic,
    articles: briefs.length,
    stories: ranked.slice(0, maxStories).map((brief) => ({ article: brief.article, points: brief.points.slice(0, 2) })),
    speakers: speakers.slice(0, maxSpeakers),
  }
}

function describeArticle(article: Article): Brief['article'] {
  return { id: article.id, headline: article.headline, byline: article.byline, date: article.date, url: article.url }
}

// Marks a point that stops before its sentence does, so no reader takes the clause for all of it.
const TRIMMED_MARK = '…'

// With a topic, only its paragraphs count, and within them the sentences that name it come first.
type Topic = { paragraphs: ReadonlySet<number>; isAbout: (text: string) => boolean }

function keyPoints(library: Library, article: Article, quotes: readonly Quote[], topic: Topic | null): BriefPoint[] {
  const statements: StatementSpan[] = quotes.map((quote) => ({
    paragraph: quote.paragraph,
    start: quote.start,
    end: quote.end,
    isAttributed: quote.speaker !== null,
  }))
  const options = topic === null ? {} : { paragraphs: topic.paragraphs, isFocus: topic.isAbout }
  return summarizeSentences(article.paragraphs, statements, options).map((sentence) => {
    // The speaker whose attributed quote covers most of what the point keeps.
    let speaker: SpeakerRef | null = null
    let covered = 0
    for (const quote of quotes) {
      if (quote.speaker === null || quote.paragraph !== sentence.paragraph) continue
      const overlap = Math.min(quote.end, sentence.end) - Math.max(quote.start, sentence.start)
      if (overlap > covered) {
        covered = overlap
        speaker = toSpeakerRef(library, quote.speaker)
      }
    }
    const isTrimmed = sentence.end < sentence.sentenceEnd
    return { text: isTrimmed ? `${sentence.text}${TRIMMED_MARK}` : sentence.text, paragraph: sentence.paragraph, speaker }
  })
}

// Who's who from the given quotes: the speakers of the article in the speakers module's order,
// each with the statement count and the quote that best stands for the story.
function whosWho(library: Library, article: Article, quotes: readonly Quote[]): BriefSpeaker[] {
  const frequency = new Map<string, number>()
  for (const paragraph of article.paragraphs) for (const term of termsOf(paragraph)) frequency.set(term, (frequency.get(term) ?? 0) + 1)
  const brief: BriefSpeaker[] = []
  for (const speaker of listSpeakers(library, { article: article.id }).speakers) {
    const own = quotes.filter((quote) => quote.speaker !== null && quote.speaker.name === speaker.name)
    if (own.length === 0) continue
    brief.push({ ...speaker, quotes: own.length, statements: representativeQuotes(article, own, frequency) })
  }
  return brief.sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name))
}

// A speaker with this many statements gets a second one in who's who, when it says something else.
const MIN_STATEMENTS_FOR_TWO = 3
// Two statements sharing more than this share of the smaller's terms make the same point.
const MAX_SHARED_TERMS = 0.5

// The statements whose words the article uses most (the story's words, not a side remark),
// preferring the speaker's own words (direct quotes) over paraphrase and fragments; the second,
// if any, is the best one that does not repeat the first.
function representativeQuotes(article: Article, quotes: readonly Quote[], frequency: ReadonlyMap<string, number>): RepresentativeQuote[] {
  const scored = quotes
    .map((quote) => ({ quote, terms: new Set(termsOf(quote.text)) }))
    .filter(({ terms }) => terms.size > 0)
    .map(({ quote, terms }) => {
      const centrality = [...terms].reduce((sum, term) => sum + Math.log(frequency.get(term) ?? 1), 0) / Math.sqrt(terms.size)
      const words = quote.text.split(/\s+/).length
      const score =
        centrality + (quote.kind === 'direct' ? 1 : quote.kind === 'partial' ? -1 : 0) - (words < 5 ? 2 : 0) - (words > 40 ? 1 : 0)
      return { quote, terms, score }
    })
    .sort((a, b) => b.score - a.score)
  const [first] = scored
  if (first === undefined) return []
  const chosen = [first]
  if (quotes.length >= MIN_STATEMENTS_FOR_TWO) {
    const second = scored.find(({ terms }) => {
      const shared = [...terms].filter((term) => first.terms.has(term)).length
      return shared / Math.min(terms.size, first.terms.size) <= MAX_SHARED_TERMS
    })
    if (second !== undefined) chosen.push(second)
  }
  return chosen.map(({ quote }) => ({
    text: statementPhrase(quote, article.paragraphs[quote.paragraph - 1] ?? ''),
    kind: quote.kind,
    paragraph: quote.paragraph,
  }))
}

/** Every dated event of the article: ISO-dated ones by date, then the rest in reading order. */
export function timelineOf(article: Article): TimelineEntry[] {
  const byParagraph = article.paragraphs.map((text) => findDates(text))
  const all: DateMention[] = byParagraph.flat()
  const entries: Array<TimelineEntry & { order: number }> = []
  // The sentences as the key points show them: after a wire dateline ("(CNN) …"), if any.
  const sentences = articleSentences(article.paragraphs)
  byParagraph.forEach((mentions, i) => {
    const text = article.paragraphs[i] ?? ''
    for (const date of resolveDates(mentions, { paragraph: mentions, article: all, articleDate: article.date })) {
      const sentence = sentences.find(
        (candidate) => candidate.paragraph === i + 1 && candidate.start <= date.start && date.end <= candidate.end,
      )
      entries.push({ date: date.text, when: date.when, text: sentence?.text ?? text, paragraph: i + 1, order: entries.length })
    }
  })
  entries.sort((a, b) => {
    if (a.when !== null && b.when !== null) return a.when.localeCompare(b.when) || a.order - b.order
    return a.when === null && b.when === null ? a.order - b.order : a.when === null ? 1 : -1
  })
  return entries.map(({ order: _order, ...entry }) => entry)
}
