// What the background-build worker (libraryWorker.ts) tells the thread that started it
// (libraryLoader.ts), in its own module so the two do not import each other.

/** A message from the worker to the thread that started it. */
export type WorkerMessage =
  | { type: 'log'; line: string }
  | { type: 'done'; key: string | null; from: 'snapshot' | 'build' }
  | { type: 'failed'; error: string }
