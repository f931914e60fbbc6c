import { attributeArticle } from '../attribution/attributeArticle.js'
import type { ArticleAttribution } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import type { Article } from '../corpus/article.js'
import type { SpeakerPattern } from '../search/analyzeQuery.js'
import type { Lexicon } from '../search/lexicon.js'
import { createParagraphIndex, type ParagraphIndex, viewParagraphIndex } from '../search/paragraphIndex.js'
import { createQuoteIndex, type QuoteIndex, viewQuoteIndex } from '../search/quoteIndex.js'
import {
  articleKey,
  assembleCollections,
  type Collections,
  collectParagraphDocuments,
  collectQuoteDocuments,
  speakersOf,
} from './collections.js'
import { overlayMap } from './overlayMap.js'
import { runSteps } from './pacing.js'
import { mergeSpeakerDirectories, type SpeakerDirectory } from './speakerDirectory.js'

/**
 * Everything the answer functions read: the articles, what attribution found in each, and the
 * search indexes. Built once (or loaded from a snapshot) and then only read, so a reload can swap
 * in a whole new library at once. A library is one view of the corpus's collections (see
 * `collections.ts` and {@link viewOf}): the shared articles, plus one server's own in that
 * server's view; nothing in it names another server's article.
 */
export type Library = {
  articles: readonly Article[]
  articleById: ReadonlyMap<string, Article>
  attributions: ReadonlyMap<string, ArticleAttribution>
  paragraphs: ParagraphIndex
  /** Every quote (direct, partial, indirect) as its own document, for quote search. */
  quotes: QuoteIndex
  /**
   * Every article's speakers as the words a question could use for them (see `prepareSpeakers`),
   * derived from `attributions` when the library is assembled, so a snapshot need not store them.
   */
  speakerPatterns: readonly SpeakerPattern[]
  /** The corpus's speakers merged by name, for who's who and autocomplete; derived like `speakerPatterns`. */
  speakerDirectory: SpeakerDirectory
  /**
   * Synonyms, derived forms and word vectors for questions in other words than the articles'
   * (see `lexiconStore.ts`); null: questions match by their own words only. Not part of a snapshot.
   */
  lexicon: Lexicon | null
}

/** Options for {@link buildLibrary}. */
export type BuildOptions = {
  /**
   * Called after each article is attributed and once more when the indexes are built: `total`
   * is the article count plus one for the indexes. For progress bars; must not throw.
   */
  onProgress: ((done: number, total: number) => void) | null
  /** The collections built before (a reload): articles unchanged since keep their attribution. */
  previous: Collections | null
  /** See {@link Library.lexicon}. */
  lexicon: Lexicon | null
}

export const defaultBuildOptions: BuildOptions = { onProgress: null, previous: null, lexicon: null }

/**
 * Attributes every article (of every collection) and indexes every paragraph and quote. Pure:
 * no I/O, no logging. Articles are in corpus order, ids unique per view (as `loadCorpus` gives).
 */
export function buildCollections(articles: readonly Article[], options: Partial<BuildOptions> = {}): Collections {
  const { onProgress, previous, lexicon } = { ...defaultBuildOptions, ...options }
  const total = articles.length + 1
  const attributions = new Map<string, ArticleAttribution>()
  for (const [i, article] of articles.entries()) {
    const before = previous === null ? undefined : article.server === null ? previous.shared : previous.servers.get(article.server)
    const was = before?.articleById.get(article.id)
    const reused = was !== undefined && isSameArticle(was, article) ? before?.attributions.get(article.id) : undefined
    attributions.set(articleKey(article), reused ?? attributeArticle(article))
    onProgress?.(i + 1, total)
  }
  const paragraphs = createParagraphIndex(runSteps(collectParagraphDocuments(articles, attributions)))
  const quotes = createQuoteIndex(runSteps(collectQuoteDocuments(articles, attributions)))
  const collections = runSteps(assembleCollections(articles, attributions, paragraphs, quotes))
  onProgress?.(total, total)
  return { ...collections, lexicon }
}

/**
 * {@link buildCollections}, seen without a server ({@link viewOf} null): the library of the
 * shared articles. What the CLI, the evaluations and most tests use.
 */
export function buildLibrary(articles: readonly Article[], options: Partial<BuildOptions> = {}): Library {
  return viewOf(buildCollections(articles, options), null)
}

// Attribution reads only the article, so an article loaded exactly as before keeps its attribution.
function isSameArticle(a: Article, b: Article): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

const SHARED_VIEWS = new WeakMap<Library, Collections>()

/**
 * The library a server sees: the shared articles and, when `server` is not null, that server's
 * own (direct messages and the CLI without `--server` pass null: the shared ones only). A plain
 * {@link Library}: lists and maps hold only those articles, the indexes search only their
 * documents, the speaker directory is the shared one merged with the server's.
 */
export function viewOf(collections: Collections, server: string | null): Library {
  const { shared } = collections
  const own = server === null ? undefined : collections.servers.get(server)
  const paragraphs = viewParagraphIndex(collections.paragraphs, server)
  const quotes = viewQuoteIndex(collections.quotes, server)
  if (own === undefined || own.articles.length === 0) {
    const library: Library = {
      articles: shared.articles,
      articleById: shared.articleById,
      attributions: shared.attributions,
      paragraphs,
      quotes,
      speakerPatterns: shared.speakerPatterns,
      speakerDirectory: shared.speakerDirectory,
      lexicon: collections.lexicon,
    }
    if (server === null) SHARED_VIEWS.set(library, collections)
    return library
  }
  return {
    articles: [...shared.articles, ...own.articles],
    articleById: overlayMap(shared.articleById, own.articleById),
    attributions: overlayMap(shared.attributions, own.attributions),
    paragraphs,
    quotes,
    speakerPatterns: [...shared.speakerPatterns, ...own.speakerPatterns],
    speakerDirectory: mergeSpeakerDirectories(shared.speakerDirectory, own.speakerDirectory),
    lexicon: collections.lexicon,
  }
}

/** The shared view of `library`'s collections searching with `lexicon` (a library restored from a snapshot, which stores none). */
export function withLexicon(library: Library, lexicon: Lexicon | null): Library {
  const collections = collectionsOf(library)
  return collections === null ? { ...library, lexicon } : viewOf({ ...collections, lexicon }, null)
}

/** The collections a shared view ({@link viewOf} with null) was made from; null for any other library. */
export function collectionsOf(library: Library): Collections | null {
  return SHARED_VIEWS.get(library) ?? null
}

/** The distinct speakers of a paragraph in order of first quote; unattributed quotes add none. */
export function speakersInParagraph(library: Library, articleId: string, paragraph: number): Speaker[] {
  const quotes = library.attributions.get(articleId)?.quotes ?? []
  return speakersOf(quotes.filter((quote) => quote.paragraph === paragraph).map((quote) => quote.speaker))
}
