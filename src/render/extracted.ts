import type { ExtractedArticle } from '../ingest/extractArticle.js'

/** `extract` as JSON (DESIGN.md's contract), with the batch file's `id` first when given. */
export function extractedJson(article: ExtractedArticle, id: string | null = null) {
  const { url, headline, byline, date, site, language, paragraphs, articleBody } = article
  return { ...(id === null ? {} : { id }), url, headline, byline, date, site, language, paragraphs, articleBody }
}

/** `extract` as readable text: headline, a line of byline · date · site, the address, then the paragraphs. */
export function renderExtractedText(article: ExtractedArticle): string {
  const about = [
    article.byline === null ? null : `By ${article.byline}`,
    article.date,
    article.site,
    article.language === null ? null : `language ${article.language}`,
  ]
  const head = [
    article.headline ?? '(no headline)',
    about.filter((part): part is string => part !== null).join(' · '),
    article.url ?? '',
    `${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? '' : 's'}`,
  ].filter((line) => line !== '')
  return `${head.join('\n')}\n\n${article.articleBody}`
}
