import { Worker } from 'node:worker_threads'

// Worker threads that run this project's TypeScript sources as the roots do, through tsx's API:
// a worker does not inherit the --import hooks of the thread that starts it.

const TSX_API = import.meta.resolve('tsx/esm/api')

/** Starts a worker thread running the TypeScript module at `moduleUrl` (a `file:` URL), with `workerData`. */
export function startTypeScriptWorker(moduleUrl: string, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(TSX_API)}).then(({ tsImport }) => tsImport(${JSON.stringify(moduleUrl)}, ${JSON.stringify(moduleUrl)}))`
  return new Worker(boot, { eval: true, workerData })
}
