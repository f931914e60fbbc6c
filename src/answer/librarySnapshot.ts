import type { ArticleAttribution, Quote } from '../attribution/quote.js'
import type { Speaker } from '../attribution/speaker.js'
import type { Article } from '../corpus/article.js'
import { loadParagraphIndex, saveParagraphIndex } from '../search/paragraphIndex.js'
import { assembleLibrary, type Library } from './library.js'

// The pure half of a library snapshot: a Library ⇄ named text parts. Each part is (de)serialised
// by the module that owns that data (the paragraph index by search/paragraphIndex.ts); the file
// I/O lives in corpus/snapshotStore.ts. A part that is missing or unknown means "rebuild", so a
// new part (another index) only needs an entry in LIBRARY_PARTS and in restoreLibrary.
// What is derived from the parts (the quote index, the speaker patterns) is not stored:
// assembleLibrary recomputes it on load.

/** Bumped when what a part holds changes in a way the code hash would not show. */
export const SNAPSHOT_FORMAT = 1

/** One serialised part of a library, named as in the snapshot file. */
export type LibraryPart = { name: string; data: () => string | Uint8Array }

const UTF8 = new TextDecoder()

/** The names of the parts a library snapshot holds, in the order they are written. */
export const LIBRARY_PARTS = ['articles', 'attributions', 'paragraphs'] as const

/** The library as parts, each serialised only when `data()` is called (so one is held as text at a time). */
export function serializeLibrary(library: Library): LibraryPart[] {
  const serializers: Record<(typeof LIBRARY_PARTS)[number], () => string> = {
    articles: () => JSON.stringify(library.articles),
    attributions: () => serializeAttributions(library.articles, library.attributions),
    paragraphs: () => saveParagraphIndex(library.paragraphs),
  }
  return LIBRARY_PARTS.map((name) => ({ name, data: serializers[name] }))
}

/**
 * The library held by `parts`, or why it cannot be restored (a part missing, unknown or
 * unreadable): the caller then rebuilds. Never throws.
 */
export function restoreLibrary(parts: ReadonlyMap<string, Uint8Array>): { library: Library } | { reason: string } {
  const missing = LIBRARY_PARTS.filter((name) => !parts.has(name))
  if (missing.length > 0) return { reason: `part ${missing.join(', ')} is missing` }
  const unknown = [...parts.keys()].filter((name) => !(LIBRARY_PARTS as readonly string[]).includes(name))
  if (unknown.length > 0) return { reason: `part ${unknown.join(', ')} is unknown` }
  let name = ''
  const text = (part: string) => UTF8.decode(parts.get(part))
  try {
    name = 'articles'
    const articles = JSON.parse(text(name)) as Article[]
    name = 'attributions'
    const attributions = deserializeAttributions(text(name))
    name = 'paragraphs'
    const paragraphs = loadParagraphIndex(text(name))
    return { library: assembleLibrary(articles, attributions, paragraphs) }
  } catch (error) {
    return { reason: `part ${name} cannot be read: ${error instanceof Error ? error.message : String(error)}` }
  }
}

// Speakers are written once, in one table for the whole corpus, and quotes and registries refer
// to them by position: after a load, a quote's speaker is the same object as the registry's entry
// (as after attribution), so consumers may compare speakers by identity or by id.
type SerializedQuote = Omit<Quote, 'speaker'> & { speaker: number | null }
type SerializedAttribution = Omit<ArticleAttribution, 'quotes' | 'speakers'> & {
  quotes: SerializedQuote[]
  speakers: number[]
}

function serializeAttributions(articles: readonly Article[], attributions: ReadonlyMap<string, ArticleAttribution>): string {
  const speakers: Speaker[] = []
  const positions = new Map<Speaker, number>()
  const positionOf = (speaker: Speaker): number => {
    let position = positions.get(speaker)
    if (position === undefined) {
      position = speakers.push(speaker) - 1
      positions.set(speaker, position)
    }
    return position
  }
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
  return JSON.stringify({ speakers, attributions: byArticle })
}

function deserializeAttributions(json: string): Map<string, ArticleAttribution> {
  const parsed = JSON.parse(json) as { speakers: Speaker[]; attributions: Array<[string, SerializedAttribution]> }
  const speakerAt = (position: number): Speaker => {
    const speaker = parsed.speakers[position]
    if (speaker === undefined) throw new Error(`no speaker at position ${position}`)
    return speaker
  }
  return new Map(
    parsed.attributions.map(([id, attribution]) => [
      id,
      {
        ...attribution,
        speakers: attribution.speakers.map(speakerAt),
        quotes: attribution.quotes.map((quote) => ({ ...quote, speaker: quote.speaker === null ? null : speakerAt(quote.speaker) })),
      },
    ]),
  )
}
