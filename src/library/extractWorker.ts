import { parentPort, workerData } from 'node:worker_threads'
import { extractArticle } from '../ingest/extractArticle.js'

// Worker-thread entry of an extraction (see extractInWorker.ts): a page whose markup makes
// extraction slow must not hold the bot's thread, so the page is read here and the result posted.

const port = parentPort
if (port !== null) {
  const { html, url } = workerData as { html: string; url: string | null }
  port.postMessage(extractArticle(html, { url }))
}
