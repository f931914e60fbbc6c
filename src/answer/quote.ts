import type { QuoteKind } from '../attribution/quote.js'
import { termsOf } from '../text/tokens.js'
import type { Library } from './library.js'
import { isNameMatch } from './speakers.js'
import { toSpeakerRef, type SpeakerRef } from './speakerRef.js'

/** A quote that matched a search. */
export type QuoteHit = {
  article: string
  headline: string
  paragraph: number
  text: string
  kind: QuoteKind
  score: number
  speaker: SpeakerRef | null
}

/** Matching quotes, best first; `[]` when nothing matched. */
export type QuoteSearchResult = {
  query: string
  results: QuoteHit[]
  offset: number
  hasMore: boolean
  suggestions: string[]
}

export type QuoteSearchOptions = {
  /** Only quotes by the speaker this names (name, surname or alias); null: anyone. */
  speaker: string | null
  article: string | null
  limit: number
  offset: number
}

export const defaultQuoteSearch: QuoteSearchOptions = { speaker: null, article: null, limit: 5, offset: 0 }

const KIND_ORDER: Record<QuoteKind, number> = { direct: 0, partial: 1, indirect: 2 }

/** Finds the quotes that contain every search term of `query`. */
export function searchQuotes(library: Library, query: string, options: Partial<QuoteSearchOptions> = {}): QuoteSearchResult {
  const { speaker, article, limit, offset } = { ...defaultQuoteSearch, ...options }
  const wanted = termsOf(query)
  const hits: QuoteHit[] = []
  for (const source of library.articles) {
    if (article !== null && source.id !== article) continue
    for (const quote of library.attributions.get(source.id)?.quotes ?? []) {
      if (speaker !== null && (quote.speaker === null || !isNameMatch(quote.speaker, speaker))) continue
      const terms = new Set(termsOf(quote.text))
      if (wanted.length > 0 && !wanted.every((term) => terms.has(term))) continue
      hits.push({
        article: source.id,
        headline: source.headline,
        paragraph: quote.paragraph,
        text: quote.text,
        kind: quote.kind,
        score: wanted.length,
        speaker: toSpeakerRef(quote.speaker),
      })
    }
  }
  hits.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
  return { query, results: hits.slice(offset, offset + limit), offset, hasMore: hits.length > offset + limit, suggestions: [] }
}
