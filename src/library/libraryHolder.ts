import { errorMessage } from '../errors/errorMessage.js'
import type { Library } from './library.js'

/** A library with what loading it reported: one line per skipped file, and the snapshot key it was built for. */
export type LoadedLibrary = {
  library: Library
  problems: string[]
  /** The fingerprint of what it was built from; null when unknown (then every reload rebuilds). */
  key: string | null
}

/**
 * What a reload did. `reloaded`: a new library is in use; `unchanged`: the corpus had not
 * changed, nothing was rebuilt; `failed`: the rebuild failed and the previous library stays in
 * use. Each carries the library and problems in use afterwards.
 */
export type ReloadOutcome = {
  status: 'reloaded' | 'unchanged' | 'failed'
  library: Library
  problems: string[]
  /** Why it failed; null unless `failed`. */
  error: string | null
}

/**
 * Rebuilds a library from the corpus as it is now, given the one in use (to reuse what has not
 * changed). Returns null when the corpus has not changed since `current` was built.
 */
export type Rebuild = (current: LoadedLibrary) => Promise<LoadedLibrary | null>

/**
 * Holds the library in use and swaps in a new one when a reload finishes: readers call
 * `current()` for every query, so a query during a rebuild is answered from the previous library
 * and never sees a half-built one.
 */
export type LibraryHolder = {
  current: () => Library
  /** The problems reported when the library in use was loaded. */
  problems: () => readonly string[]
  /**
   * Rebuilds and swaps. Calls made while a rebuild runs share one follow-up rebuild, which starts
   * when the running one ends, so the last change is never missed and rebuilds never overlap.
   * Never rejects.
   */
  reload: () => Promise<ReloadOutcome>
  isReloading: () => boolean
}

/** A holder that starts with `initial` and reloads with `rebuild`. */
export function createLibraryHolder(initial: LoadedLibrary, rebuild: Rebuild): LibraryHolder {
  let loaded = initial
  let running: Promise<ReloadOutcome> | null = null
  let queued: Promise<ReloadOutcome> | null = null

  const outcome = (status: ReloadOutcome['status'], error: string | null = null): ReloadOutcome => ({
    status,
    library: loaded.library,
    problems: loaded.problems,
    error,
  })

  async function run(): Promise<ReloadOutcome> {
    try {
      const next = await rebuild(loaded)
      if (next === null) return outcome('unchanged')
      loaded = next
      return outcome('reloaded')
    } catch (error) {
      return outcome('failed', errorMessage(error))
    }
  }

  function reload(): Promise<ReloadOutcome> {
    if (running === null) {
      running = run().finally(() => {
        running = null
      })
      return running
    }
    queued ??= running.then(() => {
      queued = null
      return reload()
    })
    return queued
  }

  return {
    current: () => loaded.library,
    problems: () => loaded.problems,
    reload,
    isReloading: () => running !== null,
  }
}
