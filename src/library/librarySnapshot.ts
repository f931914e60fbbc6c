import type { ArticleAttribution, Quote } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import type { Article } from '../corpus/article.js'
import { errorMessage } from '../errors/errorMessage.js'
import type { SpeakerPattern } from '../search/analyzeQuery.js'
import { createInterner } from '../search/interner.js'
import type { Pause } from '../search/miniSearchStore.js'
import { loadParagraphIndex, saveParagraphIndex } from '../search/paragraphIndex.js'
import { loadQuoteIndex, saveQuoteIndex } from '../search/quoteIndex.js'
import { assembleLibrary, collectParagraphDocuments, collectQuoteDocuments, type Library } from './library.js'
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
// speaker directory is recomputed by assembleLibrary, and the speaker patterns, slower to
// prepare than to read, are stored with their articles.

/** Bumped when what a part holds changes in a way the code hash would not show. */
export const SNAPSHOT_FORMAT = 2

/** One serialised part of a library, named as in the snapshot file. */
export type LibraryPart = { name: string; data: () => string | Uint8Array }

/** The kinds of part a library snapshot holds, in the order they are written; each is one or more numbered chunks. */
export const LIBRARY_PARTS = ['articles', 'paragraphs', 'quotes'] as const

type PartKind = (typeof LIBRARY_PARTS)[number]

// Articles (with their attribution) per chunk: about 10 ms of JSON to parse each.
const ARTICLES_PER_PART = 200
const PART_NAME = /^([a-z]+)\.(\d+)$/
const UTF8 = new TextDecoder()

/** The library as parts; article chunks are serialised only when `data()` is called. */
export function serializeLibrary(library: Library): LibraryPart[] {
  const parts: LibraryPart[] = []
  const articleCount = Math.max(1, Math.ceil(library.articles.length / ARTICLES_PER_PART))
  const patterns = new Map<string, SpeakerPattern[]>()
  for (const pattern of library.speakerPatterns) {
    const list = patterns.get(pattern.article) ?? []
    list.push(pattern)
    patterns.set(pattern.article, list)
  }
  for (let i = 0; i < articleCount; i++) {
    const articles = library.articles.slice(i * ARTICLES_PER_PART, (i + 1) * ARTICLES_PER_PART)
    parts.push({ name: `articles.${i}`, data: () => serializeArticles(articles, library.attributions, patterns) })
  }
  for (const [i, chunk] of saveParagraphIndex(library.paragraphs).entries()) parts.push({ name: `paragraphs.${i}`, data: () => chunk })
  for (const [i, chunk] of saveQuoteIndex(library.quotes).entries()) parts.push({ name: `quotes.${i}`, data: () => chunk })
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
): Promise<{ library: Library } | { reason: string }> {
  const chunks = chunksOf(parts)
  if ('reason' in chunks) return chunks
  let name = ''
  try {
    const articles: Article[] = []
    const attributions = new Map<string, ArticleAttribution>()
    const speakerPatterns: SpeakerPattern[] = []
    for (const [i, chunk] of chunks.articles.entries()) {
      name = `articles.${i}`
      await pause()
      const read = deserializeArticles(UTF8.decode(chunk))
      articles.push(...read.articles)
      for (const [id, attribution] of read.attributions) attributions.set(id, attribution)
      speakerPatterns.push(...read.speakerPatterns)
    }
    name = 'paragraphs'
    const documents = await runStepsPaced(collectParagraphDocuments(articles, attributions), pause)
    const paragraphs = await loadParagraphIndex(chunks.paragraphs, documents, pause)
    name = 'quotes'
    await pause()
    const quotes = await loadQuoteIndex(chunks.quotes, await runStepsPaced(collectQuoteDocuments(articles, attributions), pause), pause)
    name = 'derived'
    return { library: await runStepsPaced(assembleLibrary(articles, attributions, paragraphs, quotes, { speakerPatterns }), pause) }
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
  attributions: Array<[string, SerializedAttribution]>
  /** The articles' speaker patterns: derived, but stored, as preparing them costs more than reading them. */
  speakerPatterns: SerializedPattern[]
}

function serializeArticles(
  articles: readonly Article[],
  attributions: ReadonlyMap<string, ArticleAttribution>,
  patterns: ReadonlyMap<string, readonly SpeakerPattern[]>,
): string {
  const { values: speakers, positionOf } = createInterner<Speaker>()
  const byArticle: Array<[string, SerializedAttribution]> = []
  for (const article of articles) {
    const attribution = attributions.get(article.id)
    if (attribution === undefined) continue
    byArticle.push([
      article.id,
      {
        ...attribution,
        speakers: attribution.speakers.map(positionOf),
        quotes: attribution.quotes.map((quote) => ({ ...quote, speaker: quote.speaker === null ? null : positionOf(quote.speaker) })),
      },
    ])
  }
  const speakerPatterns = articles.flatMap((article) =>
    (patterns.get(article.id) ?? []).map((pattern) => ({ ...pattern, speaker: positionOf(pattern.speaker) })),
  )
  const serialized: SerializedArticles = { articles: [...articles], speakers, attributions: byArticle, speakerPatterns }
  return JSON.stringify(serialized)
}

function deserializeArticles(json: string): {
  articles: Article[]
  attributions: Array<[string, ArticleAttribution]>
  speakerPatterns: SpeakerPattern[]
} {
  const parsed = JSON.parse(json) as SerializedArticles
  const isChunk = [parsed.articles, parsed.speakers, parsed.attributions, parsed.speakerPatterns].every(Array.isArray)
  if (!isChunk) throw new Error('not a chunk of articles')
  const speakerAt = (position: number): Speaker => {
    const speaker = parsed.speakers[position]
    if (speaker === undefined) throw new Error(`no speaker at position ${position}`)
    return speaker
  }
  return {
    articles: parsed.articles,
    attributions: parsed.attributions.map(([id, attribution]) => [
      id,
      {
        ...attribution,
        speakers: attribution.speakers.map(speakerAt),
        quotes: attribution.quotes.map((quote) => ({ ...quote, speaker: quote.speaker === null ? null : speakerAt(quote.speaker) })),
      },
    ]),
    speakerPatterns: parsed.speakerPatterns.map((pattern) => ({ ...pattern, speaker: speakerAt(pattern.speaker) })),
  }
}
