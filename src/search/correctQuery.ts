import SearchableMap from 'minisearch/SearchableMap'
import { foldWord } from '../text/tokens.js'
import type { QueryAnalysis } from './analyzeQuery.js'

/** The corpus vocabulary as a radix tree (term → how many paragraphs hold it), for typo correction. */
export type Vocabulary = SearchableMap<number>

/** Builds the vocabulary of {@link correctQuery} from document frequencies. */
export function createVocabulary(documentFrequency: ReadonlyMap<string, number>): Vocabulary {
  return SearchableMap.from(documentFrequency)
}

// Short words have too many neighbours one edit away to correct safely ("bike" → "bake"?), and
// a word with a digit ("1647", "AS-258") is a number or code, not a misspelling.
const MIN_CORRECTED_LENGTH = 5
const HAS_DIGIT = /\p{N}/u
// A stem this long may be two edits from the intended one ("Mozambiqe" → "Mozambique").
const LONG_TERM = 8

/**
 * The analysis with each misspelt term (one no paragraph holds) replaced by the corpus term
 * nearest in edit distance (1 edit, 2 for stems of 8 letters or more) that starts with the same
 * letter, the more frequent of equally near ones; a term with no near neighbour stays as written.
 * Misspellings rarely change the first letter, and keeping it spares some words that are right
 * but absent from the corpus ("royalty" → "loyalty"); others are still "corrected", at no cost
 * to ranking when the question's other words carry it. `surfaceForms` gives the word written for
 * a term, so exact-form matching sees a real word. Returns `analysis` itself when nothing changes.
 * On SQuAD dev, about 170 words in its 4,575 questions are corrected, most of them typos.
 * `isEnglishWord` says which words are no typos, only absent from the corpus ("truce" is not
 * "trace"): they are left for synonyms to find.
 */
export function correctQuery(
  analysis: QueryAnalysis,
  vocabulary: Vocabulary,
  surfaceForms: ReadonlyMap<string, string>,
  isEnglishWord: (word: string) => boolean = () => false,
): QueryAnalysis {
  let terms: string[] | null = null
  let words: string[] | null = null
  analysis.terms.forEach((term, i) => {
    const word = analysis.words[i] ?? term
    if (vocabulary.has(term) || word.length < MIN_CORRECTED_LENGTH || HAS_DIGIT.test(word) || isEnglishWord(word)) return
    const correction = nearestTerm(vocabulary, term, term.length >= LONG_TERM ? 2 : 1)
    if (correction === null) return
    terms ??= [...analysis.terms]
    words ??= [...analysis.words]
    terms[i] = correction
    words[i] = foldWord(surfaceForms.get(correction) ?? correction)
  })
  return terms === null || words === null ? analysis : { ...analysis, terms, words }
}

function nearestTerm(vocabulary: Vocabulary, term: string, maxEdits: number): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  let bestFrequency = 0
  for (const [candidate, [frequency, distance]] of vocabulary.fuzzyGet(term, maxEdits)) {
    if (candidate[0] !== term[0]) continue
    if (
      distance < bestDistance ||
      (distance === bestDistance && (frequency > bestFrequency || (frequency === bestFrequency && candidate < (best ?? ''))))
    ) {
      best = candidate
      bestDistance = distance
      bestFrequency = frequency
    }
  }
  return best
}
