import type { Article } from '../corpus/article.js'
import type { Library } from '../library/library.js'

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
  return library.articles.map((article) => summarize(library, article))
}

/**
 * Articles whose id or headline contains every word typed so far, for autocomplete; the first
 * `limit` in corpus order that `isWanted` accepts. An empty input lists the first articles. Only
 * the matches are summarised, so a keystroke costs a scan of ids and headlines, nothing more.
 */
export function matchArticles(
  library: Library,
  typed: string,
  limit = 25,
  isWanted: (article: Article) => boolean = () => true,
): ArticleSummary[] {
  const words = typed
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
  const matches: ArticleSummary[] = []
  for (const article of library.articles) {
    if (matches.length >= limit) break
    const haystack = `${article.id} ${article.headline}`.toLowerCase()
    if (words.every((word) => haystack.includes(word)) && isWanted(article)) matches.push(summarize(library, article))
  }
  return matches
}

function summarize(library: Library, article: Article): ArticleSummary {
  return {
    id: article.id,
    headline: article.headline,
    byline: article.byline,
    date: article.date,
    url: article.url,
    paragraphs: article.paragraphs.length,
    quotes: library.attributions.get(article.id)?.quotes.length ?? 0,
  }
}
