import type { Quote, QuoteKind } from '../attribution/quote.js'
import type { Library } from '../library/library.js'
import { type QuoteDocument, searchQuoteIndex, suggestQuoteTerms } from '../search/quoteIndex.js'
import { foldWord } from '../text/tokens.js'
import { type SpeakerRef, toSpeakerRef } from './speakerRef.js'
import { isNameMatch, listSpeakers } from './speakers.js'

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
  /** Close words of the quotes or speaker names, filled only when nothing matched. */
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
// A phrase in straight or curly double quotation marks.
const PHRASE = /["“”]([^"“”]+)["“”]/g

/**
 * Finds the quotes that match `query`: every keyword as a prefix ("terror" finds "terrorism"),
 * every `"exact phrase"` as written (case and quotation marks aside), typos forgiven when nothing
 * matches exactly. Equal scores list direct quotes before partial before indirect.
 */
export function searchQuotes(library: Library, query: string, options: Partial<QuoteSearchOptions> = {}): QuoteSearchResult {
  const { speaker, article, limit, offset } = { ...defaultQuoteSearch, ...options }
  const phrases = [...query.matchAll(PHRASE)].map((match) => match[1] ?? '')
  const keywords = query.replace(PHRASE, ' ').trim()
  const quoteOf = (document: QuoteDocument): Quote | undefined => library.attributions.get(document.article)?.quotes[document.quote]
  const filter = (document: QuoteDocument) => {
    if (article !== null && document.article !== article) return false
    if (speaker === null) return true
    const said = quoteOf(document)?.speaker ?? null
    return said !== null && isSpeakerNamed(said, speaker)
  }
  const order = new Map(library.articles.map((source, i) => [source.id, i]))
  const hits: Array<QuoteHit & { rank: number[] }> = []
  for (const { document, score } of searchQuoteIndex(library.quotes, keywords, { filter, phrases })) {
    const quote = quoteOf(document)
    if (quote === undefined) continue
    hits.push({
      article: document.article,
      headline: library.articleById.get(document.article)?.headline ?? '',
      paragraph: quote.paragraph,
      text: quote.text,
      kind: quote.kind,
      score,
      speaker: toSpeakerRef(library, quote.speaker),
      // Scores equal to three decimals (what the JSON shows) are a tie: then kind, then reading order.
      rank: [-Math.round(score * 1000), KIND_ORDER[quote.kind], order.get(document.article) ?? 0, document.quote],
    })
  }
  hits.sort((a, b) => compareRanks(a.rank, b.rank))
  const page = hits.slice(offset, offset + limit).map(({ rank: _rank, ...hit }) => hit)
  return {
    query,
    results: page,
    offset,
    hasMore: hits.length > offset + limit,
    suggestions:
      hits.length === 0
        ? suggest(library, query, speaker, () =>
            searchQuoteIndex(library.quotes, keywords, { filter: (document) => article === null || document.article === article, phrases }),
          )
        : [],
  }
}

// When a speaker filter emptied the results: who did say it. Otherwise close vocabulary words for
// the query, then speakers whose name is close to a query word or to the speaker typed.
function suggest(
  library: Library,
  query: string,
  speaker: string | null,
  searchAnyone: () => ReturnType<typeof searchQuoteIndex>,
): string[] {
  if (speaker !== null) {
    const others = new Set<string>()
    for (const { document } of searchAnyone()) {
      const name = library.attributions.get(document.article)?.quotes[document.quote]?.speaker?.name
      if (name !== undefined) others.add(name)
    }
    if (others.size > 0) return [...others].slice(0, 5)
  }
  const asked = fold(query)
  const suggestions = suggestQuoteTerms(library.quotes, query.replace(/["“”]/g, ' '), 5).filter((words) => fold(words) !== asked)
  const typed = [...query.split(/[\s"“”]+/), ...(speaker === null ? [] : speaker.split(/\s+/))]
    .map(foldWord)
    .filter((word) => word.length >= 3)
  for (const candidate of listSpeakers(library).speakers) {
    const words = [candidate.name, ...candidate.aliases].flatMap((name) => name.split(/\s+/)).map(foldWord)
    const isClose = typed.some((word) =>
      words.some((other) => other.length >= 3 && editDistance(word, other) <= Math.max(1, Math.floor(other.length / 4))),
    )
    if (isClose && !suggestions.includes(candidate.name)) suggestions.push(candidate.name)
  }
  return suggestions.slice(0, 5)
}

// The speakers module's match, plus "agency chief" for the alias "the agency chief": every typed
// word starts a word of the name or an alias.
function isSpeakerNamed(speaker: { name: string; aliases: readonly string[] }, typed: string): boolean {
  if (isNameMatch(speaker, typed)) return true
  const wanted = typed
    .split(/\s+/)
    .map(foldWord)
    .filter((word) => word.length > 0)
  return [speaker.name, ...speaker.aliases].some((candidate) => {
    const words = candidate.split(/\s+/).map(foldWord)
    return wanted.every((word) => words.some((other) => other.startsWith(word)))
  })
}

function fold(text: string): string {
  return text
    .split(/[\s"“”]+/)
    .map(foldWord)
    .filter((word) => word.length > 0)
    .join(' ')
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
