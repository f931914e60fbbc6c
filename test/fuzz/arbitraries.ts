/**
 * Hostile text for the property tests: the kinds of input a public Discord bot meets. Every
 * arbitrary here is built from fragments so that the interesting characters (quote marks, speech
 * verbs, mentions, right-to-left scripts, zero-width and control characters) show up often, not
 * once in a million random code points.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { recordReliability } from './report.js'

/** The seed every property uses, so a failure reproduces in CI and on a laptop alike. */
export const SEED = 42

/** Runs per property; `FUZZ_SCALE` multiplies them (the reliability report raises it). */
export function runs(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1')
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)))
}

/**
 * Fixed-seed parameters for `fc.assert`. The reporter fails the test as fast-check's default one
 * does, and also records the inputs tried for the reliability report (`scripts/reliability.ts`).
 */
export function params(base: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: runs(base),
    reporter: (details) => {
      recordReliability({
        kind: 'property',
        name: expect.getState().currentTestName ?? 'property',
        inputs: details.numRuns,
        skipped: details.numSkips,
        failed: details.failed,
      })
      if (details.failed) throw new Error(fc.defaultReportMessage(details))
    },
  }
}

export const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇵🇰', '🇦🇫', '❤️', '🔥', '💬', '🗞️']
// Urdu and Pashto (Arabic script, right to left), with their own punctuation and digits.
export const RTL = [
  'پاکستان',
  'افغانستان',
  'وزارت خارجہ',
  'ترجمان نے کہا کہ',
  'طاہر حسین اندرابی',
  '۔',
  '،',
  '؟',
  'د افغانستان',
  'ویاند وویل',
  'کابل',
  '۱۹ اکتوبر',
  '٢٠٢٥',
  'שלום',
  '\u202b',
  '\u202c',
]
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202e', '\u2066', '\u2069']
export const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\f',
  '\u001b[1m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
]
export const MARKDOWN = [
  '**',
  '__',
  '*',
  '_',
  '~~',
  '`',
  '```',
  '||',
  '> ',
  '>>> ',
  '# ',
  '## ',
  '- ',
  '1. ',
  '[link](https://example.com)',
  '\\',
  '\\\\',
  '<https://x.y>',
  ':emoji:',
  '<:custom:123456789012345678>',
  '<t:1700000000:R>',
]
export const MENTIONS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '@everyone@here',
  '<@4000000000000000001>',
  '</ask:1>',
  '@\u200beveryone',
]
export const REGEX_META = [
  '.',
  '*',
  '+',
  '?',
  '^',
  '$',
  '{',
  '}',
  '(',
  ')',
  '|',
  '[',
  ']',
  '\\',
  '\\d',
  '(?<=x)',
  '$&',
  '$1',
  '\\u{1F600}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: regex and template syntax as hostile input, on purpose
  '.*+?^${}()|[]\\',
]
export const QUOTE_MARKS = ['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‚', '‹', '›', '「', '」', '""', '“”', '"“', '”"', "''"]
export const WORDS = [
  'said',
  'says',
  'told',
  'added',
  'stated',
  'according to',
  'he',
  'she',
  'they',
  'the spokesperson',
  'Andrabi',
  'Tahir Hussain Andrabi',
  'Foreign Office',
  'Pakistan',
  'Afghanistan',
  'Mr.',
  'Dr.',
  'U.S.',
  'Oct.',
  'October 19',
  '2025',
  '10,000',
  '2.5',
  'Afghanistan’s',
  "Jones'",
  'cross-border',
  'ceasefire',
  'Islamabad',
  'Kabul',
  'that',
  ':',
  ';',
  ',',
  '.',
  '. ',
  '! ',
  '? ',
  '…',
  '—',
  '-',
  ' ',
  ' ',
  '  ',
  '\u00a0',
  '\u3000',
]

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...RTL) },
  { weight: 2, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...MENTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...REGEX_META) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  // 'binary' units include lone surrogates, which no well-formed text holds but JSON can carry.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.lorem({ maxCount: 3 }) },
)

/** A hostile string of up to `maxFragments` fragments (a few hundred characters at most). */
export function hostileText(maxFragments = 40): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: maxFragments }).map((parts) => parts.join(''))
}

/** A sentence-like hostile paragraph: words and quote marks with speech verbs nearby. */
export function hostileParagraph(): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS, ...QUOTE_MARKS) }, { weight: 1, arbitrary: fragment }), {
      minLength: 1,
      maxLength: 60,
    })
    .map((parts) => parts.join(' '))
}

/** Up to ~6,000 characters: Discord allows 6,000 in a string option, so a query can be this long. */
export const longText: fc.Arbitrary<string> = fc
  .tuple(hostileText(20), fc.integer({ min: 1, max: 6_000 }))
  .map(([seed, length]) => (seed.length === 0 ? 'x' : seed).repeat(Math.ceil(length / Math.max(1, seed.length))).slice(0, length))

/** Any query a user could type: hostile text, sometimes 6,000 characters long. */
export const query: fc.Arbitrary<string> = fc.oneof({ weight: 8, arbitrary: hostileText() }, { weight: 1, arbitrary: longText })
