import { attributeArticle } from '../attribution/attributeArticle.js'
import type { ArticleAttribution } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import { roleWordsOf } from '../attribution/speakerRoles.js'
import type { Article } from '../corpus/article.js'
import { prepareSpeakers, type SpeakerPattern } from '../search/analyzeQuery.js'
import type { Lexicon } from '../search/lexicon.js'
import { addParagraphs, discardParagraphs, type ParagraphDocument, type ParagraphIndex } from '../search/paragraphIndex.js'
import { addQuotes, discardQuotes, type QuoteDocument, type QuoteIndex } from '../search/quoteIndex.js'
import { runSteps, type Steps } from './pacing.js'
import { collectSpeakerDirectory, mergeSpeakerDirectories, type SpeakerDirectory } from './speakerDirectory.js'

// Per-server collections. The articles at the top of `corpus/` are shared by every server; those
// of `corpus/servers/<id>/` belong to that server alone. One library holds them all: one
// paragraph index and one quote index over every collection (a server's few articles added to
// the shared 100,000 paragraphs, not a copy of those per server), and per collection what is
// listed and looked up by id. A server's view (`viewOf`) is a plain `Library`, so every answer
// function works on it unchanged, and it never holds another server's article: its lists and
// maps are the shared collection's plus its own, and its indexes search only those documents.
//
// Article ids: an article's id is its file name without extension (the slug), as before. Ids are
// unique within a view: the loader skips a server's file whose id is that of a shared article, and
// `addArticle` picks a slug free in the view. Two servers may both have an article `budget`:
// an id names an article only in a view that holds it, so a button or option naming another
// server's article is "no such article" there. Inside this module an article is known by its
// key, `articleKey`, unique across collections.

/** One collection: the shared articles (`server` null) or one server's, with what is derived from them. */
export type Collection = {
  server: string | null
  /** In corpus order (file name order). */
  articles: readonly Article[]
  articleById: ReadonlyMap<string, Article>
  attributions: ReadonlyMap<string, ArticleAttribution>
  speakerPatterns: readonly SpeakerPattern[]
  /** This collection's speakers alone; a server's view merges it with the shared one. */
  speakerDirectory: SpeakerDirectory
  /** Each article's document ids in the paragraph and quote indexes, by article id, to discard it. */
  documentIds: ReadonlyMap<string, { paragraphs: readonly number[]; quotes: readonly number[] }>
}

/**
 * Every collection of a corpus and the indexes over all of them. A `Collection` is never changed
 * (an add or remove makes a new one, so a view made before stays whole); the two indexes are
 * changed in place by {@link addToCollections} and {@link removeFromCollections}, one change at
 * a time, and every view searches them through its visibility filter.
 */
export type Collections = {
  shared: Collection
  servers: ReadonlyMap<string, Collection>
  paragraphs: ParagraphIndex
  quotes: QuoteIndex
  /** Synonyms, derived forms and word vectors every view searches with (see `Library.lexicon`); null: none. */
  lexicon: Lexicon | null
}

/** An article's key across collections: its id, prefixed by its server for a server's article. */
export function articleKey(article: { server: string | null; id: string }): string {
  return article.server === null ? article.id : `${article.server}/${article.id}`
}

/**
 * Puts the collections together from parts already built (a build, or a snapshot): every
 * article in corpus order, their attributions by {@link articleKey}, and the indexes over all of
 * them. Speaker patterns are prepared unless `stored` has them (by key). Yields after each
 * article (see `pacing.ts`).
 */
export function* assembleCollections(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
  paragraphs: ParagraphIndex,
  quotes: QuoteIndex,
  stored: { speakerPatterns: ReadonlyMap<string, readonly SpeakerPattern[]> } | null = null,
): Steps<Collections> {
  const ids = new Map<string, { paragraphs: number[]; quotes: number[] }>()
  const idsOf = (server: string | null, article: string) => {
    const key = articleKey({ server, id: article })
    let entry = ids.get(key)
    if (entry === undefined) {
      entry = { paragraphs: [], quotes: [] }
      ids.set(key, entry)
    }
    return entry
  }
  for (const document of paragraphs.documents)
    if (document !== undefined) idsOf(document.server, document.article).paragraphs.push(document.id)
  for (const document of quotes.documents) if (document !== undefined) idsOf(document.server, document.article).quotes.push(document.id)
  yield
  const byServer = new Map<string | null, Article[]>([[null, []]])
  for (const article of articles) {
    const list = byServer.get(article.server) ?? []
    list.push(article)
    byServer.set(article.server, list)
  }
  const servers = new Map<string, Collection>()
  let shared: Collection | null = null
  for (const [server, list] of byServer) {
    const collection = yield* collectionOf(server, list, attributions, ids, stored?.speakerPatterns ?? null)
    if (server === null) shared = collection
    else servers.set(server, collection)
  }
  return { shared: shared as Collection, servers, paragraphs, quotes, lexicon: null }
}

function* collectionOf(
  server: string | null,
  articles: readonly Article[],
  byKey: ReadonlyMap<string, ArticleAttribution>,
  ids: ReadonlyMap<string, { paragraphs: readonly number[]; quotes: readonly number[] }>,
  storedPatterns: ReadonlyMap<string, readonly SpeakerPattern[]> | null,
): Steps<Collection> {
  const attributions = new Map<string, ArticleAttribution>()
  const documentIds = new Map<string, { paragraphs: readonly number[]; quotes: readonly number[] }>()
  const speakerPatterns: SpeakerPattern[] = []
  for (const article of articles) {
    const key = articleKey(article)
    const attribution = byKey.get(key)
    if (attribution !== undefined) attributions.set(article.id, attribution)
    documentIds.set(article.id, ids.get(key) ?? { paragraphs: [], quotes: [] })
    speakerPatterns.push(...(storedPatterns?.get(key) ?? patternsOf(article, attribution)))
    yield
  }
  const speakerDirectory = yield* collectSpeakerDirectory(articles, attributions)
  const articleById = new Map(articles.map((article) => [article.id, article]))
  return { server, articles, articleById, attributions, speakerPatterns, speakerDirectory, documentIds }
}

// prepareSpeakers reads each speaker on its own, so article by article gives the same list.
function patternsOf(article: Article, attribution: ArticleAttribution | undefined): SpeakerPattern[] {
  return prepareSpeakers((attribution?.speakers ?? []).map((speaker) => ({ article: article.id, speaker })))
}

/** The collection of `server` (null: shared); an empty one when the server has none yet. */
export function collectionOfServer(collections: Collections, server: string | null): Collection {
  if (server === null) return collections.shared
  return collections.servers.get(server) ?? emptyCollection(server)
}

function emptyCollection(server: string): Collection {
  return {
    server,
    articles: [],
    articleById: new Map(),
    attributions: new Map(),
    speakerPatterns: [],
    speakerDirectory: { speakers: [], statements: new Map(), folded: [], byName: new Map() },
    documentIds: new Map(),
  }
}

/**
 * Adds one article to its collection without a rebuild: attributes it (unless `attribution` is
 * given), adds its paragraphs and quotes to the indexes in place, and returns the collections
 * with that collection replaced (its speaker patterns and directory updated). The article's id
 * must be free in every view that will see it (the caller checks).
 */
export function addToCollections(
  collections: Collections,
  article: Article,
  attribution: ArticleAttribution = attributeArticle(article),
): Collections {
  const attributions = new Map([[articleKey(article), attribution]])
  const firstParagraph = collections.paragraphs.documents.length
  const paragraphDocuments = runSteps(collectParagraphDocuments([article], attributions)).map((document) => ({
    ...document,
    id: document.id + firstParagraph,
  }))
  const firstQuote = collections.quotes.documents.length
  const quoteDocuments = runSteps(collectQuoteDocuments([article], attributions)).map((document) => ({
    ...document,
    id: document.id + firstQuote,
  }))
  addParagraphs(collections.paragraphs, paragraphDocuments)
  addQuotes(collections.quotes, quoteDocuments)
  const before = collectionOfServer(collections, article.server)
  // Where the loader would put it (file name order), so a later rebuild lists it in the same place.
  let at = before.articles.length
  while (at > 0 && (before.articles[at - 1]?.file ?? '') > article.file) at--
  const articles = [...before.articles.slice(0, at), article, ...before.articles.slice(at)]
  const own = runSteps(collectSpeakerDirectory([article], new Map([[article.id, attribution]])))
  const merged = mergeSpeakerDirectories(before.speakerDirectory, own)
  const collection: Collection = {
    server: article.server,
    articles,
    articleById: new Map([...before.articleById, [article.id, article]]),
    attributions: new Map([...before.attributions, [article.id, attribution]]),
    speakerPatterns: [...before.speakerPatterns, ...patternsOf(article, attribution)],
    // The merged statements as one map, so a thousand additions are not a thousand overlays deep.
    speakerDirectory: { ...merged, statements: new Map(merged.statements) },
    documentIds: new Map([
      ...before.documentIds,
      [
        article.id,
        { paragraphs: paragraphDocuments.map((document) => document.id), quotes: quoteDocuments.map((document) => document.id) },
      ],
    ]),
  }
  return withCollection(collections, collection)
}

/**
 * Removes the article `id` of `server`'s collection (null: shared) without a rebuild: discards
 * its documents from the indexes in place and returns the collections with that collection
 * replaced; the same collections when it has no such article.
 */
export function removeFromCollections(collections: Collections, server: string | null, id: string): Collections {
  const before = collectionOfServer(collections, server)
  if (!before.articleById.has(id)) return collections
  const ids = before.documentIds.get(id)
  discardParagraphs(collections.paragraphs, ids?.paragraphs ?? [])
  discardQuotes(collections.quotes, ids?.quotes ?? [])
  const articles = before.articles.filter((article) => article.id !== id)
  const attributions = new Map(before.attributions)
  attributions.delete(id)
  const articleById = new Map(before.articleById)
  articleById.delete(id)
  const documentIds = new Map(before.documentIds)
  documentIds.delete(id)
  const collection: Collection = {
    server,
    articles,
    articleById,
    attributions,
    speakerPatterns: before.speakerPatterns.filter((pattern) => pattern.article !== id),
    // The directory cannot take an article out: it is aggregated again (a server's is small; the
    // shared one only changes when a file is deleted from corpus/ by hand).
    speakerDirectory: runSteps(collectSpeakerDirectory(articles, attributions)),
    documentIds,
  }
  return withCollection(collections, collection)
}

function withCollection(collections: Collections, collection: Collection): Collections {
  if (collection.server === null) return { ...collections, shared: collection }
  const servers = new Map(collections.servers)
  if (collection.articles.length === 0) servers.delete(collection.server)
  else servers.set(collection.server, collection)
  return { ...collections, servers }
}

/**
 * The quote documents to index, numbered from 0 in corpus order; `quote` indexes the article's
 * quotes. `attributions` are by {@link articleKey}. Yields after each article (for a paced load).
 */
export function* collectQuoteDocuments(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<QuoteDocument[]> {
  const documents: QuoteDocument[] = []
  for (const article of articles) {
    const quotes = attributions.get(articleKey(article))?.quotes ?? []
    for (const [i, quote] of quotes.entries()) {
      const speaker = quote.speaker === null ? '' : speakerSearchText(quote.speaker)
      documents.push({
        id: documents.length,
        article: article.id,
        server: article.server,
        paragraph: quote.paragraph,
        quote: i,
        text: quote.text,
        speaker,
      })
    }
    yield
  }
  return documents
}

/**
 * The paragraph documents to index, numbered from 0 in corpus order; `attributions` are by
 * {@link articleKey}. Yields after each article (for a paced snapshot load).
 */
export function* collectParagraphDocuments(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
): Steps<ParagraphDocument[]> {
  const documents: ParagraphDocument[] = []
  for (const article of articles) {
    const quotes = attributions.get(articleKey(article))?.quotes ?? []
    article.paragraphs.forEach((text, i) => {
      const paragraph = i + 1
      const speakers = speakersOf(quotes.filter((quote) => quote.paragraph === paragraph).map((quote) => quote.speaker))
      const speakerText = speakers.map(speakerSearchText).join(' ')
      documents.push({
        id: documents.length,
        article: article.id,
        server: article.server,
        paragraph,
        text,
        headline: article.headline,
        speakers: speakerText,
      })
    })
    yield
  }
  return documents
}

// What a speaker is searched by: the name, every alias and the role.
function speakerSearchText(speaker: Speaker): string {
  return [speaker.name, ...speaker.aliases, roleWordsOf(speaker)].join(' ')
}

/** The distinct speakers among `candidates`, in order of first appearance; nulls (unattributed) add none. */
export function speakersOf(candidates: ReadonlyArray<Speaker | null>): Speaker[] {
  const seen = new Map<string, Speaker>()
  for (const speaker of candidates) if (speaker !== null && !seen.has(speaker.id)) seen.set(speaker.id, speaker)
  return [...seen.values()]
}
