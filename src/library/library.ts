import { attributeArticle } from '../attribution/attributeArticle.js'
import type { ArticleAttribution } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import type { Article } from '../corpus/article.js'
import { prepareSpeakers, type SpeakerPattern } from '../search/analyzeQuery.js'
import type { Lexicon } from '../search/lexicon.js'
import { createParagraphIndex, type ParagraphDocument, type ParagraphIndex } from '../search/paragraphIndex.js'
import { createQuoteIndex, type QuoteDocument, type QuoteIndex } from '../search/quoteIndex.js'
import { runSteps, type Steps } from './pacing.js'
import { collectSpeakerDirectory, type SpeakerDirectory } from './speakerDirectory.js'

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
  /** A library built before (a reload): articles unchanged since keep their attribution. */
  previous: Library | null
  /** See {@link Library.lexicon}. */
  lexicon: Lexicon | null
}

export const defaultBuildOptions: BuildOptions = { onProgress: null, previous: null, lexicon: null }

/** Attributes every article and indexes every paragraph and quote. Pure: no I/O, no logging. */
export function buildLibrary(articles: readonly Article[], options: Partial<BuildOptions> = {}): Library {
  const { onProgress, previous, lexicon } = { ...defaultBuildOptions, ...options }
  const total = articles.length + 1
  const attributions = new Map<string, ArticleAttribution>()
  for (const [i, article] of articles.entries()) {
    const before = previous?.articleById.get(article.id)
    const reused = before !== undefined && isSameArticle(before, article) ? previous?.attributions.get(article.id) : undefined
    attributions.set(article.id, reused ?? attributeArticle(article))
    onProgress?.(i + 1, total)
  }
  const paragraphs = createParagraphIndex(paragraphDocuments(articles, attributions))
  const quotes = createQuoteIndex(quoteDocuments(articles, attributions))
  const library = runSteps(assembleLibrary(articles, attributions, paragraphs, quotes, null, lexicon))
  onProgress?.(total, total)
  return library
}

// Attribution reads only the article, so an article loaded exactly as before keeps its attribution.
function isSameArticle(a: Article, b: Article): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Puts a library together from parts already built (e.g. loaded from a snapshot), deriving the
 * speaker directory, and the speaker patterns unless `stored` has them; yields after each article
 * (run it with `runSteps`, or paced).
 */
export function* assembleLibrary(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
  paragraphs: ParagraphIndex,
  quotes: QuoteIndex,
  stored: { speakerPatterns: readonly SpeakerPattern[] } | null = null,
  lexicon: Lexicon | null = null,
): Steps<Library> {
  let speakerPatterns = stored?.speakerPatterns ?? null
  if (speakerPatterns === null) {
    const prepared: SpeakerPattern[] = []
    for (const article of articles) {
      // prepareSpeakers reads each speaker on its own, so article by article gives the same list.
      prepared.push(...prepareSpeakers((attributions.get(article.id)?.speakers ?? []).map((speaker) => ({ article: article.id, speaker }))))
      yield
    }
    speakerPatterns = prepared
  }
  const speakerDirectory = yield* collectSpeakerDirectory(articles, attributions)
  const articleById = new Map(articles.map((article) => [article.id, article]))
  return { articles, articleById, attributions, paragraphs, quotes, speakerPatterns, speakerDirectory, lexicon }
}

/** The quote documents to index, numbered from 0 in corpus order; `quote` indexes the article's quotes. */
function quoteDocuments(articles: readonly Article[], attributions: ReadonlyMap<string, ArticleAttribution>): QuoteDocument[] {
  return runSteps(collectQuoteDocuments(articles, attributions))
}

/** {@link quoteDocuments}, yielding after each article (for a paced snapshot load). */
export function* collectQuoteDocuments(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<QuoteDocument[]> {
  const documents: QuoteDocument[] = []
  for (const article of articles) {
    const quotes = attributions.get(article.id)?.quotes ?? []
    for (const [i, quote] of quotes.entries()) {
      const speaker = quote.speaker === null ? '' : speakerSearchText(quote.speaker)
      documents.push({ id: documents.length, article: article.id, paragraph: quote.paragraph, quote: i, text: quote.text, speaker })
    }
    yield
  }
  return documents
}

/** The paragraph documents to index, numbered from 0 in corpus order. */
function paragraphDocuments(articles: readonly Article[], attributions: ReadonlyMap<string, ArticleAttribution>): ParagraphDocument[] {
  return runSteps(collectParagraphDocuments(articles, attributions))
}

/** {@link paragraphDocuments}, yielding after each article (for a paced snapshot load). */
export function* collectParagraphDocuments(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<ParagraphDocument[]> {
  const documents: ParagraphDocument[] = []
  for (const article of articles) {
    const quotes = attributions.get(article.id)?.quotes ?? []
    article.paragraphs.forEach((text, i) => {
      const paragraph = i + 1
      const speakers = speakersOf(quotes.filter((quote) => quote.paragraph === paragraph).map((quote) => quote.speaker))
      const speakerText = speakers.map(speakerSearchText).join(' ')
      documents.push({ id: documents.length, article: article.id, paragraph, text, headline: article.headline, speakers: speakerText })
    })
    yield
  }
  return documents
}

/** The distinct speakers of a paragraph in order of first quote; unattributed quotes add none. */
export function speakersInParagraph(library: Library, articleId: string, paragraph: number): Speaker[] {
  const quotes = library.attributions.get(articleId)?.quotes ?? []
  return speakersOf(quotes.filter((quote) => quote.paragraph === paragraph).map((quote) => quote.speaker))
}

// What a speaker is searched by: the name, every alias and the role.
function speakerSearchText(speaker: Speaker): string {
  return [speaker.name, ...speaker.aliases, speaker.role ?? ''].join(' ')
}

function speakersOf(candidates: ReadonlyArray<Speaker | null>): Speaker[] {
  const seen = new Map<string, Speaker>()
  for (const speaker of candidates) if (speaker !== null && !seen.has(speaker.id)) seen.set(speaker.id, speaker)
  return [...seen.values()]
}
