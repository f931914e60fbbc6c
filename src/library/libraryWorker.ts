import { parentPort, workerData } from 'node:worker_threads'
import { errorMessage } from '../errors/errorMessage.js'
import { type LibrarySource, openLibrary } from './libraryLoader.js'
import type { WorkerMessage } from './workerMessage.js'

// Worker-thread entry of a background rebuild (see rebuildInWorker in libraryLoader.ts): builds
// the library of a corpus folder and saves its snapshot, so the bot's own thread only loads the
// result. Reports log lines and, last, what it built; the library itself travels as the snapshot.

const port = parentPort
if (port !== null) {
  const post = (message: WorkerMessage) => port.postMessage(message)
  openLibrary(workerData as LibrarySource, { log: (line) => post({ type: 'log', line }), onProgress: null }).then(
    (opened) => post({ type: 'done', key: opened.key, from: opened.from }),
    (error: unknown) => post({ type: 'failed', error: errorMessage(error) }),
  )
}
