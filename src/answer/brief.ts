import type { Library } from './library.js'
import { listSpeakers, type SpeakerSummary } from './speakers.js'
import type { SpeakerRef } from './speakerRef.js'

/** A key point: a sentence of the article, with who said it when attributable. */
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

/** A briefing on one article. */
export type Brief = {
  article: { id: string; headline: string; byline: string | null; date: string | null; url: string | null }
  points: BriefPoint[]
  speakers: SpeakerSummary[]
  timeline: TimelineEntry[]
}

export type BriefOptions = {
  /** Only passages about these words; null: the whole article. */
  topic: string | null
}

export const defaultBriefOptions: BriefOptions = { topic: null }

/** Briefs one article; null when the library has no article with that id. */
export function briefArticle(library: Library, articleId: string, options: Partial<BriefOptions> = {}): Brief | null {
  const { topic } = { ...defaultBriefOptions, ...options }
  void topic
  const article = library.articleById.get(articleId)
  if (article === undefined) return null
  return {
    article: { id: article.id, headline: article.headline, byline: article.byline, date: article.date, url: article.url },
    points: [],
    speakers: listSpeakers(library, { article: article.id }).speakers,
    timeline: [],
  }
}
