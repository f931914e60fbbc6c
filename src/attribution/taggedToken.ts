// The tagged-token type on its own, so the word tables (speechVerbs.ts) and the tagger that
// uses them (tagger.ts) do not import each other.

/** One token of a paragraph with its universal part-of-speech tag and offsets into the paragraph. */
export type TaggedToken = {
  text: string
  lower: string
  /** Universal POS tag from wink-nlp ("PROPN", "VERB", "PUNCT", …). */
  pos: string
  start: number
  end: number
}
