import { type FSWatcher, watch } from 'node:fs'
import { errorMessage } from '../errors/errorMessage.js'
import { isArticleFileName } from './loadCorpus.js'

/** Options for {@link watchCorpus}; callers spread theirs over {@link defaultWatchOptions}. */
export type WatchOptions = {
  /** Quiet time after the last change before `onChange` is called: an editor's save or a copy of many files is one change. */
  debounceMs: number
}

export const defaultWatchOptions: WatchOptions = { debounceMs: 500 }

/** What {@link watchCorpus} reports to its owner. */
export type WatchHandlers = {
  /** Article files were added, changed or removed; `files` are their names, sorted. */
  onChange: (files: string[]) => void
  /** The watch failed (the folder was removed, the system is out of watches); no more changes follow. */
  onError: (error: Error) => void
}

/** A running watch; `close()` stops it and drops a pending change. */
export type CorpusWatch = { close: () => void }

/**
 * Watches a corpus folder (not recursive, like `loadCorpus`) and calls `onChange` once per burst
 * of changes to `.txt`/`.md` files. Throws when the folder cannot be watched.
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
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      // Some platforms omit the name; then any change counts.
      const file = name === null ? '' : name.toString()
      if (file !== '' && !isArticleFileName(file)) return
      changed.add(file === '' ? '(unknown)' : file)
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
