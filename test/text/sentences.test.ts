import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/text/sentences.js'

describe('splitSentences', () => {
  it.each([
    { name: 'two plain sentences', input: 'It rained. We stayed in.', expected: ['It rained.', 'We stayed in.'] },
    {
      name: 'a rank abbreviation',
      input: 'Lt. Gen. Ahmed Khan spoke. Others left.',
      expected: ['Lt. Gen. Ahmed Khan spoke.', 'Others left.'],
    },
    {
      name: 'a month abbreviation before a number',
      input: 'It began on Oct. 19 in the north. Talks followed.',
      expected: ['It began on Oct. 19 in the north.', 'Talks followed.'],
    },
    { name: 'an initialism', input: 'The U.S. Senate voted. It passed.', expected: ['The U.S. Senate voted.', 'It passed.'] },
    {
      name: 'Dr. and a middle initial',
      input: 'Dr. Jane Q. Public agreed. So did we.',
      expected: ['Dr. Jane Q. Public agreed.', 'So did we.'],
    },
    {
      name: 'a quote that closes before "he said"',
      input: '“We won. They lost,” he said. Then he left.',
      expected: ['“We won. They lost,” he said.', 'Then he left.'],
    },
    {
      name: 'a sentence ending inside quotes',
      input: 'He said the fight would go on “at all costs.” He noted more.',
      expected: ['He said the fight would go on “at all costs.”', 'He noted more.'],
    },
    {
      name: 'an unclosed quote does not swallow the paragraph',
      input: '“We will go on. We must. And more',
      expected: ['“We will go on.', 'We must.', 'And more'],
    },
    { name: 'question and exclamation marks', input: 'Why now? Because! Fine.', expected: ['Why now?', 'Because!', 'Fine.'] },
    { name: 'a lowercase continuation', input: 'It cost 3.5 million. that is all', expected: ['It cost 3.5 million. that is all'] },
  ])('$name', ({ input, expected }) => {
    expect(splitSentences(input).map((sentence) => sentence.text)).toEqual(expected)
  })

  it('keeps offsets true to the paragraph on every paragraph of the seed', async () => {
    const text = await readFile(path.resolve(import.meta.dirname, '../../corpus/000_964c6f0d203bd963.txt'), 'utf8')
    for (const paragraph of text.split('\n').slice(2)) {
      const sentences = splitSentences(paragraph)
      for (const sentence of sentences) expect(paragraph.slice(sentence.start, sentence.end)).toBe(sentence.text)
      expect(sentences.map((sentence) => sentence.text).join(' ')).toBe(paragraph.trim())
    }
  })
})
