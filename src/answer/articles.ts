import type { Library } from './library.js'

/** One line of the corpus listing. */
export type ArticleSummary = {
  id: string
  headline: string
  byline: string | null
  date: string | null
  url: string | null
  paragraphs: number
  quotes: number
}

/** Every article of the library, in corpus order; `[]` for an empty corpus. */
export function listArticles(library: Library): ArticleSummary[] {
  return library.articles.map((article) => ({
    id: article.id,
    headline: article.headline,
    byline: article.byline,
    date: article.date,
    url: article.url,
    paragraphs: article.paragraphs.length,
    quotes: library.attributions.get(article.id)?.quotes.length ?? 0,
  }))
}

/**
 * Articles whose id or headline contains every word typed so far, for autocomplete; the first
 * `limit` in corpus order. An empty input lists the first articles.
 */
export function matchArticles(library: Library, typed: string, limit = 25): ArticleSummary[] {
  const words = typed.toLowerCase().split(/\s+/).filter((word) => word.length > 0)
  const matches: ArticleSummary[] = []
  for (const summary of listArticles(library)) {
    const haystack = `${summary.id} ${summary.headline}`.toLowerCase()
    if (words.every((word) => haystack.includes(word))) matches.push(summary)
    if (matches.length >= limit) break
  }
  return matches
}
