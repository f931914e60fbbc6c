import type { ArticleAttribution, Quote } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import type { Article } from '../corpus/article.js'
import { errorMessage } from '../errors/errorMessage.js'
import type { SpeakerPattern } from '../search/analyzeQuery.js'
import { createInterner } from '../search/interner.js'
import type { Pause } from '../search/miniSearchStore.js'
import { loadParagraphIndex, saveParagraphIndex } from '../search/paragraphIndex.js'
import { loadQuoteIndex, saveQuoteIndex } from '../search/quoteIndex.js'
import { articleKey, assembleCollections, type Collections, collectParagraphDocuments, collectQuoteDocuments } from './collections.js'
import { collectionsOf, type Library, viewOf } from './library.js'
import { createPause, runStepsPaced } from './pacing.js'

// The pure half of a library snapshot: a Library ⇄ named parts (text or bytes). Each index is
// (de)serialised by the module that owns it (search/paragraphIndex.ts, search/quoteIndex.ts);
// the file I/O lives in corpus/snapshotStore.ts. A part that is missing or unknown means
// "rebuild", so a new part (another index) only needs an entry in LIBRARY_PARTS and in
// restoreLibrary.
//
// Each kind of part is split into numbered chunks (`articles.0`, `articles.1`, …), each small
// enough to read in a few milliseconds, so a bot that loads a new library during a reload can
// pause between chunks and keep answering. Nothing is stored twice: the index documents are
// rebuilt from the articles and their attribution. Of what is derived from the attribution, the
// speaker directories are recomputed by assembleCollections, and the speaker patterns, slower to
// prepare than to read, are stored with their articles. Every collection (shared and per server)
// is in one snapshot: the articles record their collection.

/** Bumped when what a part holds changes in a way the code hash would not show. */
export const SNAPSHOT_FORMAT = 3

/** One serialised part of a library, named as in the snapshot file. */
export type LibraryPart = { name: string; data: () => string | Uint8Array }

/** The kinds of part a library snapshot holds, in the order they are written; each is one or more numbered chunks. */
export const LIBRARY_PARTS = ['articles', 'paragraphs', 'quotes'] as const

type PartKind = (typeof LIBRARY_PARTS)[number]

// Articles (with their attribution) per chunk: about 10 ms of JSON to parse each.
const ARTICLES_PER_PART = 200
const PART_NAME = /^([a-z]+)\.(\d+)$/
const UTF8 = new TextDecoder()

/** {@link serializeCollections} of the collections a shared view was made from (see `collectionsOf`). */
export function serializeLibrary(library: Library): LibraryPart[] {
  const collections = collectionsOf(library)
  if (collections === null) throw new Error('library snapshot: not a library from buildLibrary or a snapshot')
  return serializeCollections(collections)
}

/**
 * The collections as parts; article chunks are serialised only when `data()` is called. Only
 * collections as built (or restored): after an article was added or removed in place the index
 * ids no longer follow the articles, and this throws (the holder saves a fresh build instead).
 */
export function serializeCollections(collections: Collections): LibraryPart[] {
  const all = [collections.shared, ...collections.servers.values()]
  const articles = all.flatMap((collection) => collection.articles)
  const attributions = new Map<string, ArticleAttribution>()
  const patterns = new Map<string, SpeakerPattern[]>()
  let nextParagraph = 0
  let nextQuote = 0
  for (const collection of all) {
    for (const article of collection.articles) {
      const key = articleKey(article)
      const attribution = collection.attributions.get(article.id)
      if (attribution !== undefined) attributions.set(key, attribution)
      const ids = collection.documentIds.get(article.id)
      if (ids === undefined) throw new Error(`library snapshot: no index documents for ${key}`)
      const isInOrder = ids.paragraphs.every((id, i) => id === nextParagraph + i) && ids.quotes.every((id, i) => id === nextQuote + i)
      if (!isInOrder) throw new Error('library snapshot: the indexes were changed in place; save a fresh build')
      nextParagraph += ids.paragraphs.length
      nextQuote += ids.quotes.length
    }
    for (const pattern of collection.speakerPatterns) {
      const key = articleKey({ server: collection.server, id: pattern.article })
      const list = patterns.get(key) ?? []
      list.push(pattern)
      patterns.set(key, list)
    }
  }
  if (nextParagraph !== collections.paragraphs.documents.length || nextQuote !== collections.quotes.documents.length)
    throw new Error('library snapshot: the indexes were changed in place; save a fresh build')
  const parts: LibraryPart[] = []
  const articleCount = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PART))
  for (let i = 0; i < articleCount; i++) {
    const chunk = articles.slice(i * ARTICLES_PER_PART, (i + 1) * ARTICLES_PER_PART)
    parts.push({ name: `articles.${i}`, data: () => serializeArticles(chunk, attributions, patterns) })
  }
  for (const [i, chunk] of saveParagraphIndex(collections.paragraphs).entries()) parts.push({ name: `paragraphs.${i}`, data: () => chunk })
  for (const [i, chunk] of saveQuoteIndex(collections.quotes).entries()) parts.push({ name: `quotes.${i}`, data: () => chunk })
  return parts
}

/**
 * The library held by `parts`, or why it cannot be restored (a part missing, unknown or
 * unreadable): the caller then rebuilds. Awaits `pause` between small steps, so the default
 * (a 20 ms slice, see `pacing.ts`) keeps the calling thread responsive. Never rejects.
 */
export async function restoreLibrary(
  parts: ReadonlyMap<string, Uint8Array>,
  pause: Pause = createPause(),
): Promise<{ library: Library; collections: Collections } | { reason: string }> {
  const chunks = chunksOf(parts)
  if ('reason' in chunks) return chunks
  let name = ''
  try {
    const articles: Article[] = []
    const attributions = new Map<string, ArticleAttribution>()
    const speakerPatterns = new Map<string, SpeakerPattern[]>()
    for (const [i, chunk] of chunks.articles.entries()) {
      name = `articles.${i}`
      await pause()
      const read = deserializeArticles(UTF8.decode(chunk))
      articles.push(...read.articles)
      for (const [key, attribution] of read.attributions) attributions.set(key, attribution)
      for (const [key, patterns] of read.speakerPatterns) speakerPatterns.set(key, patterns)
    }
    name = 'paragraphs'
    const documents = await runStepsPaced(collectParagraphDocuments(articles, attributions), pause)
    const paragraphs = await loadParagraphIndex(chunks.paragraphs, documents, pause)
    name = 'quotes'
    await pause()
    const quotes = await loadQuoteIndex(chunks.quotes, await runStepsPaced(collectQuoteDocuments(articles, attributions), pause), pause)
    name = 'derived'
    const collections = await runStepsPaced(assembleCollections(articles, attributions, paragraphs, quotes, { speakerPatterns }), pause)
    return { library: viewOf(collections, null), collections }
  } catch (error) {
    return { reason: `part ${name} cannot be read: ${errorMessage(error)}` }
  }
}

// The chunks of each kind of part in order, or why they are not a library.
function chunksOf(parts: ReadonlyMap<string, Uint8Array>): Record<PartKind, Uint8Array[]> | { reason: string } {
  const chunks: Record<PartKind, Uint8Array[]> = { articles: [], paragraphs: [], quotes: [] }
  const unknown: string[] = []
  for (const [name, bytes] of parts) {
    const [, kind = '', position = ''] = PART_NAME.exec(name) ?? []
    if (!(LIBRARY_PARTS as readonly string[]).includes(kind)) unknown.push(name)
    else chunks[kind as PartKind][Number(position)] = bytes
  }
  if (unknown.length > 0) return { reason: `part ${unknown.join(', ')} is unknown` }
  // A gap in the numbering is a missing chunk too.
  const missing = LIBRARY_PARTS.filter((kind) => chunks[kind].length === 0 || Array.from(chunks[kind]).some((chunk) => chunk === undefined))
  if (missing.length > 0) return { reason: `part ${missing.join(', ')} is missing` }
  return chunks
}

// Speakers are written once per chunk, in one table, and quotes and registries refer to them by
// position: after a load, a quote's speaker is the same object as the registry's entry (as after
// attribution), so consumers may compare speakers by identity or by id. (Attribution creates
// each article's speakers for that article alone, so a table per chunk loses no sharing.)
type SerializedQuote = Omit<Quote, 'speaker'> & { speaker: number | null }
type SerializedAttribution = Omit<ArticleAttribution, 'quotes' | 'speakers'> & {
  quotes: SerializedQuote[]
  speakers: number[]
}
type SerializedPattern = Omit<SpeakerPattern, 'speaker'> & { speaker: number }
type SerializedArticles = {
  articles: Article[]
  speakers: Speaker[]
  /** Aligned with `articles`; null where an article has none. */
  attributions: Array<SerializedAttribution | null>
  /** Each article's speaker patterns, aligned: derived, but stored, as preparing them costs more than reading them. */
  speakerPatterns: SerializedPattern[][]
}

function serializeArticles(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
  patterns: ReadonlyMap<string, readonly SpeakerPattern[]>,
): string {
  const { values: speakers, positionOf } = createInterner<Speaker>()
  const byArticle = articles.map((article): SerializedAttribution | null => {
    const attribution = attributions.get(articleKey(article))
    if (attribution === undefined) return null
    return {
      ...attribution,
      speakers: attribution.speakers.map(positionOf),
      quotes: attribution.quotes.map((quote) => ({ ...quote, speaker: quote.speaker === null ? null : positionOf(quote.speaker) })),
    }
  })
  const speakerPatterns = articles.map((article) =>
    (patterns.get(articleKey(article)) ?? []).map((pattern) => ({ ...pattern, speaker: positionOf(pattern.speaker) })),
  )
  const serialized: SerializedArticles = { articles: [...articles], speakers, attributions: byArticle, speakerPatterns }
  return JSON.stringify(serialized)
}

function deserializeArticles(json: string): {
  articles: Article[]
  attributions: Array<[string, ArticleAttribution]>
  speakerPatterns: Array<[string, SpeakerPattern[]]>
} {
  const parsed = JSON.parse(json) as SerializedArticles
  const isChunk = [parsed.articles, parsed.speakers, parsed.attributions, parsed.speakerPatterns].every(Array.isArray)
  if (!isChunk) throw new Error('not a chunk of articles')
  const speakerAt = (position: number): Speaker => {
    const speaker = parsed.speakers[position]
    if (speaker === undefined) throw new Error(`no speaker at position ${position}`)
    return speaker
  }
  const keys = parsed.articles.map((article) => articleKey({ server: article.server ?? null, id: article.id }))
  const attributions: Array<[string, ArticleAttribution]> = []
  parsed.attributions.forEach((attribution, i) => {
    if (attribution === null) return
    attributions.push([
      keys[i] ?? '',
      {
        ...attribution,
        speakers: attribution.speakers.map(speakerAt),
        quotes: attribution.quotes.map((quote) => ({ ...quote, speaker: quote.speaker === null ? null : speakerAt(quote.speaker) })),
      },
    ])
  })
  return {
    articles: parsed.articles,
    attributions,
    speakerPatterns: parsed.speakerPatterns.map((patterns, i) => [
      keys[i] ?? '',
      patterns.map((pattern) => ({ ...pattern, speaker: speakerAt(pattern.speaker) })),
    ]),
  }
}
