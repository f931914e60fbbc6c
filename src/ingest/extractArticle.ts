import { Readability } from '@mozilla/readability'
import { dropBoilerplateLines, type LineContext } from './boilerplateLines.js'
import { densestBlock } from './densestBlock.js'
import { type DomDocument, type DomElement, parseDocument } from './dom.js'
import { jsonLdParagraphs, refineWithJsonLd } from './jsonLdBody.js'
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

/** Fewer words than this is no article: a paywall's teaser, a page whose text scripts write. */
const MIN_ARTICLE_WORDS = 50

/** A first result under this many words sends extraction on to the next method. */
const ENOUGH_WORDS = 120

/**
 * Extracts the article of a web page: its body as paragraphs, without menus, captions, related
 * links, share and newsletter boxes, author bios or comments, and its metadata. `options.url` is
 * where the page came from (resolves relative addresses; the fallback address). Pure: no I/O.
 *
 * The body comes from the first method that finds enough text: Readability after removing the
 * page chrome and boilerplate-named elements; Readability after removing only tag-and-role
 * chrome; the densest block of paragraphs; the JSON-LD `articleBody`.
 */
export function extractArticle(html: string, options: { url?: string | null } = {}): ExtractResult {
  const pageUrl = options.url ?? null
  const document = parseDocument(html)
  const metadata = readMetadata(document, pageUrl)
  const context: LineContext = { headline: metadata.headline, byline: metadata.byline, url: metadata.url, site: metadata.site }
  const host = metadata.url ?? pageUrl
  const finish = (container: DomElement | null): string[] => {
    if (container === null) return []
    pruneContainer(container, host)
    return dropBoilerplateLines(toParagraphs(container), context)
  }

  let best = finish(runReadability(document, true))
  if (wordCount(best) < ENOUGH_WORDS) {
    for (const method of [() => finish(runReadability(parseDocument(html), false)), () => densestBlockParagraphs(html, finish)]) {
      const next = method()
      // A later method must find clearly more: a short article stays short.
      if (wordCount(next) > Math.max(wordCount(best) * 1.5, wordCount(best) + 30)) best = next
      if (wordCount(best) >= ENOUGH_WORDS) break
    }
  }
  if (metadata.jsonLdBody !== null) {
    const fromJsonLd = dropBoilerplateLines(jsonLdParagraphs(metadata.jsonLdBody), context)
    if (wordCount(best) < MIN_ARTICLE_WORDS && wordCount(fromJsonLd) >= MIN_ARTICLE_WORDS) best = fromJsonLd
    else best = refineWithJsonLd(best, metadata.jsonLdBody)
  }
  const words = wordCount(best)
  if (words < MIN_ARTICLE_WORDS) {
    return {
      ok: false,
      reason: 'no-article-text',
      message: `no article text found (${words} word${words === 1 ? '' : 's'}): the page may be behind a paywall or written by scripts; upload the article's text as a file instead`,
    }
  }
  const { jsonLdBody: _, ...fields } = metadata
  return { ok: true, article: { ...fields, paragraphs: best, articleBody: best.join('\n\n') } }
}

/**
 * Readability's work grows faster than the page: past this many elements it is not run and the
 * densest block stands in (real news pages have a few thousand; the dev pages at most 1,600).
 */
const MAX_READABILITY_ELEMENTS = 20_000

function runReadability(document: DomDocument, isStrict: boolean): DomElement | null {
  pruneChrome(document, isStrict)
  if (document.querySelectorAll('*').length > MAX_READABILITY_ELEMENTS) return null
  // keepClasses: the container pruning reads class names; the serializer hands back the element.
  const reader = new Readability<DomElement>(document as never, { keepClasses: true, serializer: (node) => node as unknown as DomElement })
  return reader.parse()?.content ?? null
}

function densestBlockParagraphs(html: string, finish: (container: DomElement | null) => string[]): string[] {
  const document = parseDocument(html)
  pruneChrome(document, true)
  return finish(densestBlock(document))
}

/** Words in paragraphs; in scripts written without spaces (Chinese, Japanese) two characters count as a word. */
export function wordCount(paragraphs: readonly string[]): number {
  let count = 0
  for (const paragraph of paragraphs) {
    for (const run of paragraph.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
      const unspaced = run.match(UNSPACED_SCRIPT)?.length ?? 0
      count += unspaced === 0 ? 1 : Math.ceil(unspaced / 2) + (unspaced < run.length ? 1 : 0)
    }
  }
  return count
}

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu
