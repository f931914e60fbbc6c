import { type FSWatcher, watch } from 'node:fs'
import path from 'node:path'
import { errorMessage } from '../errors/errorMessage.js'
import { isArticleFileName, SERVERS_FOLDER } from './loadCorpus.js'

/** Options for {@link watchCorpus}; callers spread theirs over {@link defaultWatchOptions}. */
export type WatchOptions = {
  /** Quiet time after the last change before `onChange` is called: an editor's save or a copy of many files is one change. */
  debounceMs: number
}

export const defaultWatchOptions: WatchOptions = { debounceMs: 500 }

/** What {@link watchCorpus} reports to its owner. */
export type WatchHandlers = {
  /**
   * Article files were added, changed or removed; `files` are their paths relative to the folder
   * (`a.md`, `servers/<id>/b.md`, or a server folder itself), sorted; `(unknown)` when the
   * platform did not say which.
   */
  onChange: (files: string[]) => void
  /** The watch failed (the folder was removed, the system is out of watches); no more changes follow. */
  onError: (error: Error) => void
}

/** A running watch; `close()` stops it and drops a pending change. */
export type CorpusWatch = { close: () => void }

// What the corpus holds: article files at the top and in `servers/<id>/`, and the server folders
// themselves (a folder renamed or removed changes a collection). Paths use `/`; null: not relevant.
function relevantPath(name: string): string | null {
  const parts = name.split(path.sep)
  const last = parts.at(-1) ?? ''
  if (last.startsWith('.')) return null
  const isServerEntry = parts[0] === SERVERS_FOLDER
  if (isArticleFileName(last) && (parts.length === 1 || (isServerEntry && parts.length === 3))) return parts.join('/')
  return isServerEntry && parts.length <= 2 ? parts.join('/') : null
}

/**
 * Watches a corpus folder and its server folders (`servers/<id>/`, as `loadCorpus` reads them)
 * and calls `onChange` once per burst of changes to `.txt`/`.md` files or to server folders.
 * Throws when the folder cannot be watched.
 */
export function watchCorpus(dir: string, handlers: WatchHandlers, options: Partial<WatchOptions> = {}): CorpusWatch {
  const { debounceMs } = { ...defaultWatchOptions, ...options }
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | null = null
  let watcher: FSWatcher | null = null
  const flush = () => {
    timer = null
    const files = [...changed].sort()
    changed.clear()
    handlers.onChange(files)
  }
  try {
    watcher = watch(dir, { persistent: false, recursive: true }, (_event, name) => {
      // Some platforms omit the name; then any change counts.
      const file = name === null ? '(unknown)' : relevantPath(name.toString())
      if (file === null) return
      changed.add(file)
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(flush, debounceMs)
    })
  } catch (error) {
    throw new Error(`corpus: cannot watch the folder ${dir}: ${errorMessage(error)}`)
  }
  watcher.on('error', (error) => {
    close()
    handlers.onError(new Error(`corpus: stopped watching ${dir}: ${error.message}`))
  })
  function close() {
    if (timer !== null) clearTimeout(timer)
    timer = null
    watcher?.close()
    watcher = null
  }
  return { close }
}
