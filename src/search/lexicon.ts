import { termOf } from '../text/tokens.js'
import type { WordVectors } from './wordVectors.js'

/** How a related term relates to a question's term. */
export type Relation = 'synonym' | 'derived'

/** A term WordNet relates to another: a synonym of one of its common senses, or a derived form. */
export type RelatedTerm = { term: string; relation: Relation }

/**
 * What search knows about words beyond the corpus: WordNet's synonyms and derivations, by search
 * term (Porter stem), and word vectors for soft matching. Either part may be empty; a library
 * without a lexicon (`null`) searches by the reader's own words only.
 */
export type Lexicon = {
  related: ReadonlyMap<string, readonly RelatedTerm[]>
  vectors: WordVectors | null
}

/** The WordNet files one part of speech is read from (the database's `index.<pos>` and `data.<pos>`). */
export type WordNetPart = { index: string; data: string }

// Senses past the first few are rare ("fire" as "dismiss" is the verb's 4th sense, "fire" as
// "a fireplace" the noun's 3rd); synonyms of the first ones are what a reader means. SemCor's
// tagged-sense count says how many senses are in real use; at most this many are read.
const MAX_SENSES = 4

/**
 * Reads WordNet's index and data files into related terms: for each lemma, the other lemmas of
 * its commonly used senses (synonyms) and the forms its derivation and pertainym pointers name
 * ("eliminate" → "elimination", "quickly" → "quick"), both ways. Hyphens and compounds are
 * normalised as the index writes them: "cease-fire" is the one term "ceasefire"; lemmas of several
 * words ("give notice") are left out, since a question's words are matched one by one.
 */
export function readWordNet(parts: readonly WordNetPart[]): Map<string, RelatedTerm[]> {
  const related = new Map<string, Map<string, Relation>>()
  const add = (from: string | null, to: string | null, relation: Relation) => {
    if (from === null || to === null || from === to) return
    const known = related.get(from) ?? new Map<string, Relation>()
    // A derivation is the closer link: "decide" and "decision" name the same event.
    if (known.get(to) !== 'derived') known.set(to, relation)
    related.set(from, known)
  }
  // Pointers name a synset by part of speech and offset, often in another part's file.
  const synsets = new Map<string, Synset>()
  for (const part of parts) for (const [key, synset] of readSynsets(part.data)) synsets.set(key, synset)
  for (const part of parts) {
    for (const line of part.index.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue
      const fields = line.trim().split(' ')
      const term = lemmaTerm(fields[0] ?? '')
      if (term === null) continue
      const pos = posKey(fields[1] ?? '')
      const senseCount = Number(fields[2])
      const pointerCount = Number(fields[3])
      const tagged = Number(fields[5 + pointerCount])
      const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + senseCount)
      for (const offset of offsets.slice(0, Math.min(MAX_SENSES, Math.max(1, tagged)))) {
        for (const word of synsets.get(`${pos}${offset}`)?.words ?? []) add(term, lemmaTerm(word), 'synonym')
      }
    }
  }
  for (const synset of synsets.values()) {
    for (const pointer of synset.pointers) {
      const source = lemmaTerm(synset.words[pointer.source] ?? '')
      const target = lemmaTerm(synsets.get(pointer.synset)?.words[pointer.target] ?? '')
      add(source, target, 'derived')
      add(target, source, 'derived')
    }
  }
  return new Map([...related].map(([term, known]) => [term, [...known].map(([to, relation]) => ({ term: to, relation }))]))
}

type Synset = { words: string[]; pointers: Array<{ source: number; synset: string; target: number }> }

// Adjective satellites ('s') live in the adjective files and are pointed at as 'a'.
const posKey = (pos: string) => (pos === 's' ? 'a' : pos)

// One synset per data line: `offset lex_filenum ss_type w_cnt word lex_id … p_cnt pointer… | gloss`,
// keyed by part of speech and offset; only the lexical derivation ('+') and pertainym ('\\')
// pointers are kept, with their source and target word numbers.
function readSynsets(data: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>()
  for (const line of data.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue
    const fields = line.split(' | ')[0]?.trim().split(' ') ?? []
    const wordCount = Number.parseInt(fields[3] ?? '0', 16)
    const words: string[] = []
    for (let i = 0; i < wordCount; i++) words.push((fields[4 + i * 2] ?? '').toLowerCase().replace(/\(.*\)$/, ''))
    const synset: Synset = { words, pointers: [] }
    let at = 4 + wordCount * 2
    const pointerCount = Number(fields[at])
    at++
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const symbol = fields[at]
      const sourceTarget = fields[at + 3] ?? '0000'
      const source = Number.parseInt(sourceTarget.slice(0, 2), 16) - 1
      const target = Number.parseInt(sourceTarget.slice(2), 16) - 1
      if ((symbol !== '+' && symbol !== '\\') || source < 0 || target < 0) continue
      synset.pointers.push({ source, synset: `${posKey(fields[at + 2] ?? '')}${fields[at + 1] ?? ''}`, target })
    }
    synsets.set(`${posKey(fields[2] ?? '')}${fields[0] ?? ''}`, synset)
  }
  return synsets
}

// "cease-fire" → the term of "ceasefire"; "give_notice" → null (several words).
function lemmaTerm(lemma: string): string | null {
  if (lemma === '' || lemma.includes('_') || /[^a-z-]/.test(lemma)) return null
  return termOf(lemma.replaceAll('-', ''))
}

/** The related terms as text: one line per term, `term<TAB>s:other d:derived …`. */
export function encodeRelated(related: ReadonlyMap<string, readonly RelatedTerm[]>): string {
  const lines: string[] = []
  for (const [term, list] of related) lines.push(`${term}\t${list.map((entry) => `${entry.relation[0]}:${entry.term}`).join(' ')}`)
  return lines.join('\n')
}

/** Reads text written by {@link encodeRelated}. */
export function decodeRelated(text: string): Map<string, RelatedTerm[]> {
  const related = new Map<string, RelatedTerm[]>()
  for (const line of text.split('\n')) {
    const [term, list] = line.split('\t')
    if (term === undefined || term === '' || list === undefined) continue
    related.set(
      term,
      list.split(' ').map((entry) => ({ term: entry.slice(2), relation: entry.startsWith('d:') ? 'derived' : 'synonym' })),
    )
  }
  return related
}
