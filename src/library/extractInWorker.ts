import type { ExtractResult } from '../ingest/extractArticle.js'
import { startTypeScriptWorker } from './typescriptWorker.js'

// Extraction for pages from the outside world, off the bot's thread. Readability's work grows
// faster than a page's size on some markup (thousands of nested blocks took minutes), so a page
// a member links to is read in a worker thread that is stopped at a deadline.

/** What {@link extractInWorker} gives: the extraction, or `too-slow` when the deadline passed first. */
export type WorkerExtractResult = ExtractResult | { ok: false; reason: 'too-slow' | 'worker-failed'; message: string }

/** Extraction gets this long, the worker's start included (about half a second of it). */
export const EXTRACT_DEADLINE_MS = 20_000

const WORKER = new URL('./extractWorker.ts', import.meta.url).href

/** Extracts the article of `html` in a worker thread; never rejects. */
export function extractInWorker(html: string, url: string | null, deadlineMs = EXTRACT_DEADLINE_MS): Promise<WorkerExtractResult> {
  return new Promise((resolve) => {
    const worker = startTypeScriptWorker(WORKER, { html, url })
    let isDone = false
    const finish = (result: WorkerExtractResult) => {
      if (isDone) return
      isDone = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'too-slow', message: `The page took longer than ${deadlineMs / 1_000} s to read.` }),
      deadlineMs,
    )
    worker.on('message', (result: ExtractResult) => finish(result))
    worker.on('error', (error) => finish({ ok: false, reason: 'worker-failed', message: `The page could not be read (${error.message}).` }))
    worker.on('exit', () => finish({ ok: false, reason: 'worker-failed', message: 'The page could not be read.' }))
  })
}
