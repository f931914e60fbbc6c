import type { Article } from '../corpus/article.js'
import { attributeArticle } from '../attribution/attributeArticle.js'
import type { ArticleAttribution } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import { createParagraphIndex, type ParagraphDocument, type ParagraphIndex } from '../search/paragraphIndex.js'

/**
 * Everything the answer functions read: the articles, what attribution found in each, and the
 * search indexes. Built once (or loaded from a snapshot) and then only read, so a reload can swap
 * in a whole new library at once.
 */
export type Library = {
  articles: readonly Article[]
  articleById: ReadonlyMap<string, Article>
  attributions: ReadonlyMap<string, ArticleAttribution>
  paragraphs: ParagraphIndex
}

/** Attributes every article and indexes every paragraph. Pure: no I/O, no logging. */
export function buildLibrary(articles: readonly Article[]): Library {
  const attributions = new Map<string, ArticleAttribution>()
  for (const article of articles) attributions.set(article.id, attributeArticle(article))
  return assembleLibrary(articles, attributions, createParagraphIndex(paragraphDocuments(articles, attributions)))
}

/** Puts a library together from parts already built (e.g. loaded from a snapshot). */
export function assembleLibrary(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
  paragraphs: ParagraphIndex,
): Library {
  return { articles, articleById: new Map(articles.map((article) => [article.id, article])), attributions, paragraphs }
}

/** The paragraph documents to index, numbered from 0 in corpus order. */
export function paragraphDocuments(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): ParagraphDocument[] {
  const documents: ParagraphDocument[] = []
  for (const article of articles) {
    const quotes = attributions.get(article.id)?.quotes ?? []
    article.paragraphs.forEach((text, i) => {
      const paragraph = i + 1
      const speakers = speakersOf(quotes.filter((quote) => quote.paragraph === paragraph).map((quote) => quote.speaker))
      const speakerText = speakers.flatMap((speaker) => [speaker.name, ...speaker.aliases, speaker.role ?? '']).join(' ')
      documents.push({ id: documents.length, article: article.id, paragraph, text, headline: article.headline, speakers: speakerText })
    })
  }
  return documents
}

/** The distinct speakers of a paragraph in order of first quote; unattributed quotes add none. */
export function speakersInParagraph(library: Library, articleId: string, paragraph: number): Speaker[] {
  const quotes = library.attributions.get(articleId)?.quotes ?? []
  return speakersOf(quotes.filter((quote) => quote.paragraph === paragraph).map((quote) => quote.speaker))
}

function speakersOf(candidates: ReadonlyArray<Speaker | null>): Speaker[] {
  const seen = new Map<string, Speaker>()
  for (const speaker of candidates) if (speaker !== null && !seen.has(speaker.id)) seen.set(speaker.id, speaker)
  return [...seen.values()]
}
