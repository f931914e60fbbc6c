import { describe, expect, it } from 'vitest'
import { decodeRelated, encodeRelated, readWordNet } from '../../src/search/lexicon.js'
import { termOf } from '../../src/text/tokens.js'

// WordNet's own file format (index.<pos>: lemma pos synset_cnt p_cnt [ptr…] sense_cnt
// tagsense_cnt offset…; data.<pos>: offset lex_filenum ss_type w_cnt word lex_id … p_cnt
// [symbol offset pos source/target]… | gloss), with invented synsets.
const NOUN_INDEX = [
  '  1 This software and database is being provided to you',
  'truce n 1 1 @ 1 0 00000100',
  'cease-fire n 1 1 @ 1 0 00000100',
  'armistice n 1 1 @ 1 0 00000100',
  'decision n 1 1 + 1 1 00000200',
  'bank n 5 1 @ 5 1 00000300 00000400 00000500 00000600 00000700',
].join('\n')
const NOUN_DATA = [
  '  1 This software and database is being provided to you',
  '00000100 04 n 03 armistice 0 cease-fire 0 truce 0 000 | a state of peace agreed to',
  '00000200 04 n 01 decision 0 001 + 00000900 v 0101 | the act of deciding',
  '00000300 04 n 02 bank 0 depository_financial_institution 0 000 | a financial institution',
  '00000400 04 n 02 bank 0 riverside 0 000 | sloping land beside water',
].join('\n')
const VERB_INDEX = ['decide v 1 1 + 1 1 00000900', 'announce v 1 1 @ 1 1 00000950', 'declare v 2 1 @ 2 2 00000960 00000950'].join('\n')
const VERB_DATA = [
  '00000900 31 v 01 decide 0 001 + 00000200 n 0101 01 + 08 00 | reach a conclusion',
  '00000950 32 v 02 announce 0 declare 0 000 01 + 08 00 | make known',
  '00000960 32 v 01 declare 0 000 01 + 08 00 | state emphatically',
].join('\n')

const related = readWordNet([
  { index: NOUN_INDEX, data: NOUN_DATA },
  { index: VERB_INDEX, data: VERB_DATA },
])
const relatedTo = (word: string) => (related.get(termOf(word) ?? '') ?? []).map((entry) => `${entry.relation}:${entry.term}`).sort()

describe('readWordNet', () => {
  it.each([
    { name: 'joins a hyphenated lemma into one term, both ways', word: 'truce', expected: ['synonym:armistic', 'synonym:ceasefir'] },
    { name: 'finds the hyphenated lemma written as one word', word: 'ceasefire', expected: ['synonym:armistic', 'synonym:truce'] },
    { name: 'follows derivation pointers across parts of speech', word: 'decide', expected: ['derived:decis'] },
    { name: 'follows them back', word: 'decision', expected: ['derived:decid'] },
    { name: 'reads synonyms of every commonly used sense', word: 'declare', expected: ['synonym:announc'] },
    // "bank" has one tagged sense: the second ("riverside") is rare and left out; so is the
    // multi-word lemma of the first.
    { name: 'leaves out rare senses and lemmas of several words', word: 'bank', expected: [] },
  ])('$name', ({ word, expected }) => {
    expect(relatedTo(word)).toEqual(expected)
  })

  it('writes and reads its related terms unchanged', () => {
    expect(decodeRelated(encodeRelated(related))).toEqual(related)
  })
})
