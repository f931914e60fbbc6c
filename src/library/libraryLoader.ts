import { fileURLToPath } from 'node:url'
import cliProgress from 'cli-progress'
import { defaultLoadOptions, formatProblem, loadCorpus } from '../corpus/loadCorpus.js'
import { type CorpusWatch, type WatchOptions, watchCorpus } from '../corpus/watchCorpus.js'
import { errorMessage } from '../errors/errorMessage.js'
import type { Pause } from '../search/miniSearchStore.js'
import { loadLexicon } from './lexiconStore.js'
import { buildCollections, collectionsOf, viewOf, withLexicon } from './library.js'
import type { LibraryHolder, LoadedLibrary } from './libraryHolder.js'
import { restoreLibrary, SNAPSHOT_FORMAT, serializeLibrary } from './librarySnapshot.js'
import { hashCode, hashCorpus, readSnapshot, saveSnapshot, snapshotKey, snapshotPath } from './snapshotStore.js'
import { startTypeScriptWorker } from './typescriptWorker.js'
import type { WorkerMessage } from './workerMessage.js'

// Shared by the roots (main, shard, bench): corpus folder → library, from the snapshot when it
// matches the corpus, the code and the options, else built (with progress) and saved.

/** Where a library comes from. */
export type LibrarySource = {
  corpusDir: string
  /** The snapshot folder; null: never read or write snapshots. */
  snapshotDir: string | null
  /** The fingerprint of the code ({@link codeVersion}); part of the snapshot key. */
  codeVersion: string
}

/** How loading talks to its root: one-line log messages, and build progress. */
export type LoadHooks = {
  log: (line: string) => void
  /** Called while a library is built (not when it comes from a snapshot). */
  onProgress: ((done: number, total: number) => void) | null
  /**
   * Awaited between the small steps of loading a snapshot, so the thread keeps serving
   * interactions; by default it gives the thread back every 20 ms (see `answer/pacing.ts`).
   */
  pause?: Pause
  /**
   * Aborted when the process shuts down: a background build's worker is terminated, and nothing
   * is built on this thread instead (a build here would hold the thread past the exit deadline).
   */
  signal?: AbortSignal
}

/** A loaded library and where it came from, with timings for logs and the benchmark. */
export type OpenedLibrary = LoadedLibrary & {
  from: 'snapshot' | 'build'
  ms: { total: number; snapshotLoad: number | null; build: number | null; snapshotSave: number | null }
}

const SOURCE_DIR = fileURLToPath(new URL('..', import.meta.url))
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url))

/** The fingerprint of this checkout's code: every `.ts` file under `src/` and the lockfile. */
export function codeVersion(): Promise<string> {
  return hashCode(SOURCE_DIR, [LOCKFILE])
}

/**
 * Opens the library of `source.corpusDir`. With `previous` (a reload): returns null when the
 * corpus has not changed since `previous` was built, and reuses the attribution of unchanged
 * articles. A missing, stale or corrupted snapshot is rebuilt with a log line; a snapshot that
 * cannot be saved is logged and skipped. Throws only when the corpus folder cannot be read.
 */
export async function openLibrary(source: LibrarySource, hooks: LoadHooks): Promise<OpenedLibrary>
export async function openLibrary(source: LibrarySource, hooks: LoadHooks, previous: LoadedLibrary): Promise<OpenedLibrary | null>
export async function openLibrary(
  source: LibrarySource,
  hooks: LoadHooks,
  previous: LoadedLibrary | null = null,
): Promise<OpenedLibrary | null> {
  const startedAt = performance.now()
  const key = await libraryKey(source)
  if (previous !== null && previous.key === key) return null
  const file = source.snapshotDir === null ? null : snapshotPath(source.snapshotDir, source.corpusDir)
  let snapshotLoad: number | null = null
  if (file !== null) {
    const read = await readSnapshot(file, key)
    if (read.status === 'ok') {
      const problems = parseProblems(read.parts.get('problems'))
      read.parts.delete('problems')
      const restored = await restoreLibrary(read.parts, hooks.pause)
      snapshotLoad = performance.now() - startedAt
      if ('library' in restored && problems !== null) {
        return {
          library: withLexicon(restored.library, loadLexicon()),
          problems,
          key,
          from: 'snapshot',
          ms: { total: snapshotLoad, snapshotLoad, build: null, snapshotSave: null },
        }
      }
      hooks.log(`snapshot: ${file} is corrupted (${'reason' in restored ? restored.reason : 'part problems cannot be read'}); rebuilding`)
    } else if (read.status !== 'missing') {
      hooks.log(`snapshot: ${file} is ${read.status} (${read.reason}); rebuilding`)
    }
    // A stale snapshot still holds the attribution of the articles that did not change.
    if (read.status === 'stale' && previous === null) previous = await readAnySnapshot(file)
  }
  const buildStartedAt = performance.now()
  const corpus = await loadCorpus(source.corpusDir)
  const collections = buildCollections(corpus.articles, {
    onProgress: hooks.onProgress,
    previous: previous === null ? null : collectionsOf(previous.library),
    lexicon: loadLexicon(),
  })
  const library = viewOf(collections, null)
  const problems = corpus.problems.map(formatProblem)
  const build = performance.now() - buildStartedAt
  let snapshotSave: number | null = null
  if (file !== null) {
    const saveStartedAt = performance.now()
    try {
      await saveSnapshot(file, key, [...serializeLibrary(library), { name: 'problems', data: () => JSON.stringify(problems) }])
      snapshotSave = performance.now() - saveStartedAt
    } catch (error) {
      hooks.log(`snapshot: cannot save ${file}: ${errorMessage(error)}; the next start will build again`)
    }
  }
  return { library, problems, key, from: 'build', ms: { total: performance.now() - startedAt, snapshotLoad, build, snapshotSave } }
}

/**
 * A rebuild for a {@link LibraryHolder} that keeps the calling thread free: a worker thread builds
 * the library and saves its snapshot, then this thread only loads the snapshot (the "snapshot
 * load" of the benchmark instead of the whole build). Without a snapshot folder, or when the
 * worker cannot run, it builds on this thread. Returns null when the corpus has not changed.
 */
export async function rebuildInBackground(source: LibrarySource, hooks: LoadHooks, current: LoadedLibrary): Promise<OpenedLibrary | null> {
  if (source.snapshotDir === null || current.key === (await libraryKey(source))) return openLibrary(source, hooks, current)
  try {
    await buildInWorker(source, hooks.log, hooks.signal ?? null)
  } catch (error) {
    if (hooks.signal?.aborted === true) throw new Error('the process is shutting down')
    hooks.log(`reload: the background build failed (${errorMessage(error)}); building here`)
  }
  return openLibrary(source, hooks, current)
}

const WORKER = new URL('./libraryWorker.ts', import.meta.url).href

function buildInWorker(source: LibrarySource, log: (line: string) => void, signal: AbortSignal | null = null): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new Error('aborted before the worker started'))
      return
    }
    const worker = startTypeScriptWorker(WORKER, source)
    let isDone = false
    const onAbort = () => {
      isDone = true
      reject(new Error('aborted'))
      void worker.terminate()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'log') log(message.line)
      else {
        isDone = true
        if (message.type === 'done') resolve(message.key)
        else reject(new Error(message.error))
        void worker.terminate()
      }
    })
    worker.on('error', reject)
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', onAbort)
      if (!isDone) reject(new Error(`the worker exited with code ${code}`))
    })
  })
}

async function libraryKey(source: LibrarySource): Promise<string> {
  return snapshotKey({
    corpus: await hashCorpus(source.corpusDir),
    code: source.codeVersion,
    options: { load: defaultLoadOptions, format: SNAPSHOT_FORMAT },
  })
}

// The library of whatever snapshot `file` holds, stale or not, as a base to reuse; null if none.
async function readAnySnapshot(file: string): Promise<LoadedLibrary | null> {
  const read = await readSnapshot(file, null)
  if (read.status !== 'ok') return null
  read.parts.delete('problems')
  const restored = await restoreLibrary(read.parts)
  return 'library' in restored ? { library: restored.library, problems: [], key: null } : null
}

/**
 * Keeps `holder` up to date with the article files of `corpusDir` (its top and its server
 * folders): a few files added, changed or deleted by hand are applied one by one without a
 * rebuild (`applyFileChanges`); anything else (many files, a server folder renamed or removed)
 * reloads. Logs what each change did (and every skipped file). Returns the watch, or null
 * (logged) when the folder cannot be watched.
 */
export function watchAndReload(
  corpusDir: string,
  holder: LibraryHolder,
  log: (line: string) => void,
  options: Partial<WatchOptions> = {},
): CorpusWatch | null {
  const reload = (files: readonly string[]) =>
    holder.reload().then((outcome) => {
      if (outcome.status === 'failed')
        log(`reload: failed (${outcome.error ?? 'unknown error'}); still answering from the previous library`)
      if (outcome.status !== 'reloaded') return
      for (const problem of outcome.problems) log(problem)
      log(`reload: ${files.join(', ')} changed; ${outcome.library.articles.length} articles in use`)
    })
  try {
    return watchCorpus(
      corpusDir,
      {
        onChange: (files) => {
          void holder.applyFileChanges(files).then((outcome) => {
            if (outcome.status === 'needs-reload') return reload(files)
            for (const problem of outcome.problems) log(problem)
            if (outcome.added.length + outcome.removed.length === 0) return
            const what = [
              ...outcome.added.map((file) => `${file} indexed`),
              ...outcome.removed.filter((file) => !outcome.added.includes(file)).map((file) => `${file} removed`),
            ]
            log(`reload: ${what.join(', ')} without a rebuild; ${holder.current().articles.length} shared articles in use`)
          })
        },
        onError: (error) => log(`${error.message}; live reload is off until restart (/reload still works)`),
      },
      options,
    )
  } catch (error) {
    log(`${errorMessage(error)}; live reload is off`)
    return null
  }
}

/**
 * Saves a snapshot of `source` as it is now in a worker thread (reusing the attribution of the
 * previous snapshot), off the calling thread: what a holder calls after articles were added or
 * removed in place. Resolves to the key saved, or null (logged) when none was.
 */
export async function refreshSnapshotInBackground(source: LibrarySource, log: (line: string) => void): Promise<string | null> {
  if (source.snapshotDir === null) return null
  try {
    return await buildInWorker(source, log)
  } catch (error) {
    log(`snapshot: the background refresh failed (${errorMessage(error)}); the next start builds`)
    return null
  }
}

/** A progress display for a build: {@link ProgressReport.onProgress} plus `stop()` once it is done. */
export type ProgressReport = { onProgress: (done: number, total: number) => void; stop: () => void }

const LOG_EVERY_MS = 5_000

/**
 * A progress bar on a terminal (cli-progress, on `stream`), else a log line every few seconds, so
 * a build of a large corpus is never silent and a small one never noisy.
 */
export function reportProgress(stream: NodeJS.WriteStream, log: (line: string) => void): ProgressReport {
  if (stream.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'building library [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    )
    let isStarted = false
    return {
      onProgress: (done, total) => {
        if (!isStarted) bar.start(total, 0)
        isStarted = true
        bar.update(done)
      },
      stop: () => {
        if (isStarted) bar.stop()
      },
    }
  }
  const startedAt = performance.now()
  let loggedAt = startedAt
  return {
    onProgress: (done, total) => {
      const now = performance.now()
      if (now - loggedAt < LOG_EVERY_MS) return
      loggedAt = now
      log(`library: built ${done}/${total} (${Math.floor((done / total) * 100)}%) in ${Math.round((now - startedAt) / 1000)} s`)
    },
    stop: () => undefined,
  }
}

function parseProblems(bytes: Buffer | undefined): string[] | null {
  if (bytes === undefined) return null
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'))
    return Array.isArray(parsed) && parsed.every((line) => typeof line === 'string') ? parsed : null
  } catch {
    return null
  }
}
