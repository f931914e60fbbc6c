import { Readability } from '@mozilla/readability'
import { type DomDocument, type DomElement, parseDocument } from './dom.js'
import { dropBoilerplateLines } from './boilerplateLines.js'
import { readMetadata } from './metadata.js'
import { toParagraphs } from './paragraphs.js'
import { pruneChrome, pruneContainer } from './prune.js'

/** An article extracted from a web page. */
export type ExtractedArticle = {
  url: string | null
  headline: string | null
  byline: string | null
  /** ISO 8601. */
  date: string | null
  site: string | null
  language: string | null
  paragraphs: string[]
  /** The paragraphs joined by blank lines. */
  articleBody: string
}

/** The article, or why there is none: `no-article-text` when too little text was found (a paywall, a page built by scripts). */
export type ExtractResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: 'no-article-text'; message: string }

/**
 * Extracts the article of a web page: its body as paragraphs, without menus, captions, related
 * links, share and newsletter boxes, author bios or comments, and its metadata. `options.url` is
 * where the page came from (resolves relative addresses). Pure: no I/O.
 */
export function extractArticle(html: string, options: { url?: string | null } = {}): ExtractResult {
  const pageUrl = options.url ?? null
  const document = parseDocument(html)
  const metadata = readMetadata(document, pageUrl)
  pruneChrome(document)
  const container = runReadability(document)
  if (container !== null) pruneContainer(container, metadata.url ?? pageUrl)
  const paragraphs = container === null ? [] : dropBoilerplateLines(toParagraphs(container), { headline: metadata.headline, byline: metadata.byline, url: metadata.url })
  const { jsonLdBody: _, ...fields } = metadata
  return { ok: true, article: { ...fields, paragraphs, articleBody: paragraphs.join('\n\n') } }
}

function runReadability(document: DomDocument): DomElement | null {
  const reader = new Readability<DomElement>(document as never, { keepClasses: true, serializer: (node) => node as unknown as DomElement })
  return reader.parse()?.content ?? null
}
