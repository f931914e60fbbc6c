import type { Quote } from './quote.js'
import { OBJECT_VERBS } from './speechVerbs.js'

// Between an object cue and its report only space and a particle may stand ("called for …",
// "urged …"): anything longer is narration, and the cue would drag it into the phrase.
const CUE_TO_REPORT = /^\s+(?:\p{L}+\s+)?$/u

/**
 * A statement as a phrase a reader can take in alone, for who's who and the speakers listing.
 * The span of a report whose cue takes an object is no clause on its own ("the contractor of
 * cutting corners …", "city officials to reopen …"): it keeps its cue in front, as the paragraph
 * writes it ("accusing the contractor of cutting corners …"). Every other statement is its text.
 * `paragraph` is the text of the quote's paragraph.
 */
export function statementPhrase(quote: Quote, paragraph: string): string {
  if (quote.kind !== 'indirect' || quote.cue === null || quote.cueAt === null || quote.cueAt >= quote.start) return quote.text
  if (!OBJECT_VERBS.has(quote.cue.toLowerCase())) return quote.text
  const between = paragraph.slice(quote.cueAt + quote.cue.length, quote.start)
  if (paragraph.slice(quote.cueAt, quote.cueAt + quote.cue.length) !== quote.cue || !CUE_TO_REPORT.test(between)) return quote.text
  return paragraph.slice(quote.cueAt, quote.end)
}
