/** Options for {@link mainClauseEnd}; callers spread theirs over {@link defaultClauseOptions}. */
export type ClauseOptions = {
  /** Only sentences longer than this many words lose trailing clauses. */
  trimAfterWords: number
  /** What is kept holds at least this many words (a main clause, not a subject alone). */
  minKeptWords: number
  /** Whether a trailing ", police said" may go (the caller shows the speaker beside the point). */
  isAttributionDroppable: boolean
}

export const defaultClauseOptions: ClauseOptions = { trimAfterWords: 20, minKeptWords: 10, isAttributionDroppable: true }

// Words that open a clause or phrase which, after a comma at the end of a sentence, adds detail to
// what the sentence already said: participial and prepositional adjuncts and a second coordinated
// predicate (", and was released on bail"). Words that qualify or reverse what came before (but,
// although, despite, unless, if, because, not, only) are deliberately absent: dropping them could
// change what the point claims. Relative clauses (", who has scored 15 penalties") are absent too:
// in news they carry facts about the participant (on the CNN/DailyMail dev set their words matched
// the reference highlights more often than the rest of their sentence did).
const ADJUNCT_OPENERS: ReadonlySet<string> = new Set([
  'including',
  'leaving',
  'saying',
  'adding',
  'according',
  'following',
  'amid',
  'with',
  'without',
  'as',
  'while',
  'after',
  'before',
  'during',
  'since',
  'in',
  'on',
  'at',
  'from',
  'and',
])

// A reporting tail: ", police said." · ", the association has announced." · ", he told reporters."
const ATTRIBUTION_TAIL = /^(?:[^,]{0,60}\s)?(?:said|says|told|tells|reported|reports|announced|added|adds)\b[^,]{0,40}$/u

const CLAUSE_BREAK = /,\s+/gu
const FIRST_WORD = /^[\p{L}]+/u

/**
 * Where a sentence's main clause ends when the rest is trailing detail: the offset (into
 * `sentence`) of the comma before its last clause when that clause is an adjunct (or a reporting
 * tail, if allowed), or `sentence.length` when nothing should go. Only a suffix is ever dropped, so
 * the kept text is a prefix of the sentence of at least `minKeptWords` words. Every clause after
 * the cut must open with an adjunct word (so "X, who is 35, will ride" is never cut before its
 * verb), and a cut inside an open quotation or bracket moves to an earlier comma or is not taken.
 */
export function mainClauseEnd(sentence: string, options: Partial<ClauseOptions> = {}): number {
  const { trimAfterWords, minKeptWords, isAttributionDroppable } = { ...defaultClauseOptions, ...options }
  if (countWords(sentence) <= trimAfterWords) return sentence.length
  const breaks = [...sentence.matchAll(CLAUSE_BREAK)].map((match) => ({ at: match.index, next: match.index + match[0].length }))
  for (let i = breaks.length - 1; i >= 0; i--) {
    const { at, next } = breaks[i] as { at: number; next: number }
    const tail = sentence.slice(next)
    const opener = FIRST_WORD.exec(tail)?.[0].toLowerCase() ?? ''
    const isLast = i === breaks.length - 1
    const isDroppable = ADJUNCT_OPENERS.has(opener) || (isLast && isAttributionDroppable && ATTRIBUTION_TAIL.test(tail))
    // A clause that is not detail ends the search: everything before it stays.
    if (!isDroppable) return sentence.length
    const head = sentence.slice(0, at)
    if (countWords(head) < minKeptWords) return sentence.length
    if (isOpenAt(head)) continue
    return at
  }
  return sentence.length
}

/** Words of a text, counted the way the evaluation counts them: runs of non-space. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length
}

// Whether a quotation or bracket opened in `text` is still open at its end. Straight double quotes
// pair up by count; a single straight quote opens at the start of a word and closes at the end of
// one, so apostrophes inside words ("Britain's") do not count.
function isOpenAt(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length
  if (count(/"/g) % 2 === 1) return true
  if (count(/“/g) > count(/”/g)) return true
  if (count(/\(/g) > count(/\)/g) || count(/\[/g) > count(/\]/g)) return true
  return count(/(?:^|\s)['‘](?=\S)/g) > count(/(?<=\S)['’](?=\s|$|[,.;:!?])/g)
}
