import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import { SPEECH_VERBS } from './speechVerbs.js'
import type { TaggedToken } from './taggedToken.js'

type Nlp = ReturnType<typeof winkNLP>

// Loaded on first use and kept for the process: reading the model takes ~70 ms, tagging a
// paragraph well under a millisecond.
let NLP: Nlp | null = null

function getNlp(): Nlp {
  if (NLP === null) NLP = winkNLP(model)
  return NLP
}

/**
 * Tags a paragraph. Offsets are found by searching the paragraph for each token in order, so
 * `text.slice(start, end) === token.text`; a token the tagger rewrote is dropped.
 */
export function tagParagraph(text: string): TaggedToken[] {
  if (text.trim() === '') return []
  const nlp = getNlp()
  const doc = nlp.readDoc(text)
  const values = doc.tokens().out()
  const tags = doc.tokens().out(nlp.its.pos)
  const tokens: TaggedToken[] = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? ''
    if (value === '') continue
    const at = text.indexOf(value, cursor)
    if (at < 0 || at - cursor > 40) continue
    tokens.push({ text: value, lower: value.toLowerCase(), pos: String(tags[i] ?? 'X'), start: at, end: at + value.length })
    cursor = at + value.length
  }
  retagNameVerbs(tokens)
  return tokens
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u

function isCapitalisedName(token: TaggedToken | undefined): boolean {
  return token !== undefined && token.pos === 'PROPN' && /^\p{Lu}/u.test(token.text)
}

// The model tags some surnames and first names as verbs ("Erica Garner", "Omar Said", "Ted
// Cruz", "said Weld"). A capitalised verb after a word or comma, or one space before a proper
// noun, is a name; a sentence-initial cue ("Said Ellis: …") stays a verb.
function retagNameVerbs(tokens: TaggedToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TaggedToken
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || !CAPITALISED.test(t.text)) continue
    const prev = tokens[i - 1]
    const next = tokens[i + 1]
    const isAfterName = isCapitalisedName(prev) && (prev as TaggedToken).end + 1 === t.start
    // Mid-sentence, after a word, a comma or a cue ("said Weld"), a capital marks a name.
    const isMidSentence = prev !== undefined && /^[\p{L}\p{N},]/u.test(prev.text) && !/^\p{Lu}+$/u.test(t.text)
    // A closing quotation mark is glued to the word before it: "“…,” Don Tramp said".
    const isAfterClosingMark = prev !== undefined && /^["”]$/u.test(prev.text) && tokens[i - 2]?.end === prev.start
    const isBeforeName =
      isCapitalisedName(next) &&
      t.end + 1 === (next as TaggedToken).start &&
      prev !== undefined &&
      (isAfterClosingMark || !/^[.!?:;"“”'‘’—–-]$/u.test(prev.text)) &&
      !SPEECH_VERBS.has(t.lower)
    // "“…,” Ward said": a capitalised word right before a cue verb is its subject.
    const isBeforeCue = next !== undefined && next.pos === 'VERB' && SPEECH_VERBS.has(next.lower) && !SPEECH_VERBS.has(t.lower)
    if (isAfterName || isBeforeName || isMidSentence || isBeforeCue) tokens[i] = { ...t, pos: 'PROPN' }
  }
}
