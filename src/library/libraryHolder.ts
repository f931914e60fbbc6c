import { access } from 'node:fs/promises'
import path from 'node:path'
import type { Article } from '../corpus/article.js'
import {
  type ArticleFileSystem,
  articleFilePath,
  deleteArticleFile,
  formatArticleFile,
  nodeArticleFileSystem,
  slugOf,
  writeArticleFile,
} from '../corpus/articleFile.js'
import { canonicalUrl, textFingerprint } from '../corpus/articleIdentity.js'
import { formatProblem, isServerId, loadCorpusFile, SERVERS_FOLDER } from '../corpus/loadCorpus.js'
import { parseArticle } from '../corpus/parseArticle.js'
import { errorMessage } from '../errors/errorMessage.js'
import { addToCollections, type Collection, type Collections, collectionOfServer, removeFromCollections } from './collections.js'
import { collectionsOf, type Library, viewOf } from './library.js'
import { createPause } from './pacing.js'

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

/** An article to add (from `/add`, the CLI `add`): what extraction found. `date` is ISO 8601 or null. */
export type NewArticle = {
  headline: string
  byline: string | null
  /** ISO 8601; anything else is left out of the file. */
  date: string | null
  url: string | null
  source: string | null
  paragraphs: string[]
}

/**
 * What {@link LibraryHolder.addArticle} did. `added`: saved as `file` (relative to the corpus
 * folder) and answerable at once, as `id`; `duplicate`: the view already holds the same story
 * (same canonical URL or same text) as `id`; `refused`: nothing was saved, `message` says why in
 * one sentence for people.
 */
export type AddOutcome =
  | { status: 'added'; id: string; file: string }
  | { status: 'duplicate'; id: string }
  | { status: 'refused'; reason: 'too-many-articles' | 'too-many-additions' | 'no-paragraphs' | 'write-failed'; message: string }

/** What {@link LibraryHolder.removeArticle} did; `refused`: the file could not be deleted, so the article stays. */
export type RemoveOutcome =
  | { status: 'removed'; id: string }
  | { status: 'not-found' }
  | { status: 'refused'; reason: 'delete-failed'; message: string }

/**
 * What {@link LibraryHolder.applyFileChanges} did with files changed in the corpus folder by hand:
 * `applied` (each added, replaced or removed without a rebuild, `problems` for files that cannot
 * be used), or `needs-reload` when the change is not one a single-file update can express (many
 * files, an unknown name, an id taken in another collection): then call `reload()`.
 */
export type FileChangeOutcome =
  | { status: 'applied'; added: string[]; removed: string[]; problems: string[] }
  | { status: 'needs-reload'; reason: string }

/** Settings of a holder that adds and removes articles; callers spread theirs over {@link defaultHolderOptions}. */
export type HolderOptions = {
  /** The corpus folder articles are written to and read from; null: adding and removing are refused. */
  corpusDir: string | null
  maxArticlesPerServer: number
  maxAdditionsPerHour: number
  fileSystem: ArticleFileSystem
  /**
   * Saves a snapshot of the corpus as it is now, off this thread, resolving to the key it was
   * saved for (null: none saved). Called a while after the last incremental change; null: never.
   */
  refreshSnapshot: (() => Promise<string | null>) | null
  /** Quiet time after the last incremental change before the snapshot is refreshed. */
  refreshDelayMs: number
  /** How many server views are kept built; the least recently used is dropped beyond it. */
  maxCachedViews: number
  /** More changed files than this at once are a full reload. */
  maxIncrementalFiles: number
}

export const defaultHolderOptions: HolderOptions = {
  corpusDir: null,
  maxArticlesPerServer: 1_000,
  maxAdditionsPerHour: 20,
  fileSystem: nodeArticleFileSystem,
  refreshSnapshot: null,
  refreshDelayMs: 30_000,
  maxCachedViews: 256,
  maxIncrementalFiles: 20,
}

/**
 * Holds the library in use and swaps in a new one when a reload finishes: readers call
 * `current()` (or `viewFor(server)`) for every query, so a query during a rebuild is answered
 * from the previous library and never sees a half-built one. Articles are also added and removed
 * one at a time without a rebuild. Reloads, additions, removals and file changes run one at a
 * time, in the order called.
 */
export type LibraryHolder = {
  /** The shared view (what direct messages and the CLI without `--server` see). */
  current: () => Library
  /**
   * The view of `server` (a Discord server id; null: the shared articles only): the shared
   * articles and that server's own. Cached per server until its collection or the shared one
   * changes.
   */
  viewFor: (server: string | null) => Library
  /** The problems reported when the library in use was loaded. */
  problems: () => readonly string[]
  /**
   * Rebuilds and swaps. Calls made while a rebuild runs share one follow-up rebuild, which starts
   * when the running one ends, so the last change is never missed and rebuilds never overlap.
   * Never rejects.
   */
  reload: () => Promise<ReloadOutcome>
  isReloading: () => boolean
  /**
   * Saves `article` to `server`'s collection (null: the shared one, at the top of the corpus
   * folder) as `<slug>.md`, atomically, and makes it answerable in that server's view at once.
   * Refuses (nothing written) a story the view already holds, one over the server's limits, one
   * without paragraphs, or when the file cannot be written. Throws only for a `server` that is
   * not a server id.
   */
  addArticle: (server: string | null, article: NewArticle, meta: { addedBy: string | null; now?: Date }) => Promise<AddOutcome>
  /** Deletes the article `id` of `server`'s own collection (null: a shared one) and drops it from the indexes. */
  removeArticle: (server: string | null, id: string) => Promise<RemoveOutcome>
  /** Updates the library for article files added, changed or deleted by hand (paths relative to the corpus folder). */
  applyFileChanges: (files: readonly string[]) => Promise<FileChangeOutcome>
}

/** A holder that starts with `initial` and reloads with `rebuild`. */
export function createLibraryHolder(initial: LoadedLibrary, rebuild: Rebuild, options: Partial<HolderOptions> = {}): LibraryHolder {
  const settings = { ...defaultHolderOptions, ...options }
  let loaded = initial
  // Null when the initial library was not built by buildLibrary or a snapshot: then it is every view.
  let collections = collectionsOf(initial.library)
  let running: Promise<ReloadOutcome> | null = null
  let queued: Promise<ReloadOutcome> | null = null
  let tail: Promise<unknown> = Promise.resolve()
  // Incremental changes since start, so a snapshot refresh knows whether its key is still the corpus's.
  let changeCount = 0
  let refreshTimer: NodeJS.Timeout | null = null
  const additions = new Map<string, number[]>()
  const views = new Map<string | null, { shared: Collection; own: Collection | undefined; library: Library }>()
  // The first addition compares with every shared article: fingerprint them now, between other work.
  if (settings.corpusDir !== null) void warmDuplicateCheck(initial.library.articles, createPause())

  // One change at a time, in call order; a failed task does not stop the next.
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task)
    tail = result.catch(() => undefined)
    return result
  }

  const outcome = (status: ReloadOutcome['status'], error: string | null = null): ReloadOutcome => ({
    status,
    library: loaded.library,
    problems: loaded.problems,
    error,
  })

  function swap(next: LoadedLibrary): void {
    loaded = next
    collections = collectionsOf(next.library)
    views.clear()
  }

  async function run(): Promise<ReloadOutcome> {
    try {
      const next = await rebuild(loaded)
      if (next === null) return outcome('unchanged')
      swap(next)
      return outcome('reloaded')
    } catch (error) {
      return outcome('failed', errorMessage(error))
    }
  }

  function reload(): Promise<ReloadOutcome> {
    if (running === null) {
      running = exclusive(run).finally(() => {
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

  function viewFor(server: string | null): Library {
    if (collections === null || server === null) return loaded.library
    const shared = collections.shared
    const own = collections.servers.get(server)
    const cached = views.get(server)
    if (cached !== undefined && cached.shared === shared && cached.own === own) {
      // Most recently used last, so the first is the one to drop.
      views.delete(server)
      views.set(server, cached)
      return cached.library
    }
    const library = viewOf(collections, server)
    views.delete(server)
    views.set(server, { shared, own, library })
    if (views.size > settings.maxCachedViews) views.delete(views.keys().next().value as string | null)
    return library
  }

  // After an incremental change: the shared view follows the collections, the corpus key is no
  // longer known (a reload rebuilds, from a refreshed snapshot when there is one), and the
  // snapshot is refreshed once changes pause.
  function changed(next: Collections): void {
    collections = next
    loaded = { ...loaded, library: viewOf(next, null), key: null }
    changeCount++
    if (settings.refreshSnapshot === null) return
    if (refreshTimer !== null) clearTimeout(refreshTimer)
    refreshTimer = setTimeout(refresh, settings.refreshDelayMs)
    refreshTimer.unref()
  }

  function refresh(): void {
    refreshTimer = null
    const at = changeCount
    void settings.refreshSnapshot?.().then(
      (key) => {
        if (key !== null && changeCount === at && loaded.key === null) loaded = { ...loaded, key }
      },
      () => undefined,
    )
  }

  function addArticle(server: string | null, article: NewArticle, meta: { addedBy: string | null; now?: Date }): Promise<AddOutcome> {
    if (server !== null && !isServerId(server)) throw new Error(`library: "${server}" is not a server id`)
    return exclusive(async (): Promise<AddOutcome> => {
      const corpusDir = settings.corpusDir
      if (collections === null || corpusDir === null)
        return refused('write-failed', 'This library has no corpus folder to save articles in.')
      const paragraphs = article.paragraphs
        .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
        .filter((paragraph) => paragraph !== '')
      if (paragraphs.length === 0) return refused('no-paragraphs', 'No article text was found to add.')
      const view = viewFor(server)
      const duplicate = findDuplicate(view.articles, article.url, paragraphs)
      if (duplicate !== null) return { status: 'duplicate', id: duplicate }
      const own = collectionOfServer(collections, server)
      const now = meta.now ?? new Date()
      if (server !== null) {
        if (own.articles.length >= settings.maxArticlesPerServer)
          return refused(
            'too-many-articles',
            `This server already has ${own.articles.length} articles, the most it can hold (${settings.maxArticlesPerServer}); remove some first.`,
          )
        const recent = (additions.get(server) ?? []).filter((at) => now.getTime() - at < HOUR_MS)
        additions.set(server, recent)
        if (recent.length >= settings.maxAdditionsPerHour)
          return refused(
            'too-many-additions',
            `This server has added ${recent.length} articles in the last hour, the most allowed (${settings.maxAdditionsPerHour}); try again later.`,
          )
      }
      const text = formatArticleFile({ ...article, paragraphs, addedBy: meta.addedBy, addedAt: now })
      // A name taken on disk but not loaded (a broken file of that name) is skipped for the next one.
      const taken = new Set<string>()
      let saved: Article | null = null
      while (saved === null) {
        const slug = freeSlug(slugOf(article.headline), view, own, taken)
        const file = articleFilePath(server, slug)
        // What the loader will read back from the file, so the article answered now is the one a rebuild gives.
        const parsed = parseArticle(slug, file, text, server)
        if (!parsed.ok) return refused('no-paragraphs', `The article cannot be saved: it ${parsed.reason}.`)
        try {
          await writeArticleFile(corpusDir, server, slug, text, settings.fileSystem)
          saved = parsed.article
        } catch (error) {
          const isTaken = error instanceof Error && 'code' in error && error.code === 'EEXIST'
          if (!isTaken || taken.size >= MAX_NAME_ATTEMPTS)
            return refused('write-failed', `The article could not be saved (${describeError(error)}).`)
          taken.add(slug)
        }
      }
      changed(addToCollections(collections, saved))
      if (server !== null) additions.get(server)?.push(now.getTime())
      return { status: 'added', id: saved.id, file: saved.file }
    })
  }

  function removeArticle(server: string | null, id: string): Promise<RemoveOutcome> {
    return exclusive(async (): Promise<RemoveOutcome> => {
      const corpusDir = settings.corpusDir
      if (collections === null || corpusDir === null || (server !== null && !isServerId(server))) return { status: 'not-found' }
      const article = collectionOfServer(collections, server).articleById.get(id)
      if (article === undefined) return { status: 'not-found' }
      try {
        await deleteArticleFile(corpusDir, article.file, settings.fileSystem)
      } catch (error) {
        return { status: 'refused', reason: 'delete-failed', message: `The article's file could not be deleted (${describeError(error)}).` }
      }
      changed(removeFromCollections(collections, server, id))
      return { status: 'removed', id }
    })
  }

  function applyFileChanges(files: readonly string[]): Promise<FileChangeOutcome> {
    return exclusive(async (): Promise<FileChangeOutcome> => {
      const corpusDir = settings.corpusDir
      if (collections === null || corpusDir === null) return { status: 'needs-reload', reason: 'no collections to update' }
      if (files.length > settings.maxIncrementalFiles) return { status: 'needs-reload', reason: `${files.length} files changed` }
      const entries = files.map(collectionFileOf)
      const unknown = files.filter((_, i) => entries[i] === null)
      if (unknown.length > 0) return { status: 'needs-reload', reason: `${unknown.join(', ')} changed` }
      let next = collections
      const added: string[] = []
      const removed: string[] = []
      const problems: string[] = []
      for (const entry of entries as Array<{ file: string; server: string | null; id: string }>) {
        const before = collectionOfServer(next, entry.server).articleById.get(entry.id)
        if (before !== undefined && before.file !== entry.file)
          return { status: 'needs-reload', reason: `${entry.file} shares the id of ${before.file}` }
        const isThere = await access(path.join(corpusDir, entry.file)).then(
          () => true,
          () => false,
        )
        const read = isThere ? await loadCorpusFile(corpusDir, { file: entry.file, server: entry.server }) : null
        if (read?.ok === true && before !== undefined && JSON.stringify(read.article) === JSON.stringify(before)) continue
        if (read?.ok === true && isTakenElsewhere(next, read.article))
          return { status: 'needs-reload', reason: `${entry.file} has an id used in another collection` }
        if (before !== undefined) {
          next = removeFromCollections(next, entry.server, entry.id)
          removed.push(entry.file)
        }
        if (read?.ok === true) {
          next = addToCollections(next, read.article)
          added.push(entry.file)
        } else if (read !== null && !read.ok) problems.push(formatProblem({ file: entry.file, reason: read.reason }))
      }
      if (next !== collections) changed(next)
      const touched = new Set(entries.map((entry) => `corpus: skipped ${entry?.file}:`))
      loaded = {
        ...loaded,
        problems: [...loaded.problems.filter((line) => ![...touched].some((prefix) => line.startsWith(prefix))), ...problems],
      }
      return { status: 'applied', added, removed, problems }
    })
  }

  return {
    current: () => loaded.library,
    viewFor,
    problems: () => loaded.problems,
    reload,
    isReloading: () => running !== null,
    addArticle,
    removeArticle,
    applyFileChanges,
  }
}

const HOUR_MS = 60 * 60 * 1_000

function refused(reason: Extract<AddOutcome, { status: 'refused' }>['reason'], message: string): AddOutcome {
  return { status: 'refused', reason, message }
}

// What an article is compared by, computed once per article object (the shared articles are
// compared on every addition).
const IDENTITIES = new WeakMap<Article, { url: string | null; text: string }>()

function identityOf(article: Article): { url: string | null; text: string } {
  let identity = IDENTITIES.get(article)
  if (identity === undefined) {
    identity = { url: canonicalUrl(article.url), text: textFingerprint(article.paragraphs) }
    IDENTITIES.set(article, identity)
  }
  return identity
}

/** The id of an article of `articles` with the same canonical URL or the same text; null when none. */
export function findDuplicate(articles: readonly Article[], url: string | null, paragraphs: readonly string[]): string | null {
  const wantedUrl = canonicalUrl(url)
  const wantedText = textFingerprint(paragraphs)
  for (const article of articles) {
    const identity = identityOf(article)
    if ((wantedUrl !== null && identity.url === wantedUrl) || identity.text === wantedText) return article.id
  }
  return null
}

/**
 * Computes the duplicate check's fingerprints of `articles` ahead of the first addition, a slice
 * at a time between other work, so the first `/add` on a large corpus is not the slow one.
 */
export async function warmDuplicateCheck(articles: readonly Article[], pause: () => Promise<void>): Promise<void> {
  for (const article of articles) {
    identityOf(article)
    await pause()
  }
}

const MAX_NAME_ATTEMPTS = 20

// A slug free in the view (no article of that id), in the collection's folder and not in `skipped`; `-2`, `-3` … when taken.
function freeSlug(base: string, view: Library, own: Collection, skipped: ReadonlySet<string>): string {
  const taken = (slug: string) =>
    skipped.has(slug) || view.articleById.has(slug) || own.articles.some((article) => article.file === articleFilePath(own.server, slug))
  if (!taken(base)) return base
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`
}

// A changed path relative to the corpus folder as a collection's article file, or null when it is not one.
function collectionFileOf(file: string): { file: string; server: string | null; id: string } | null {
  const parts = file.split(/[\\/]/)
  const name = parts.at(-1) ?? ''
  if (!/\.(txt|md)$/i.test(name) || name.startsWith('.')) return null
  const id = path.basename(name, path.extname(name))
  if (parts.length === 1) return { file: name, server: null, id }
  if (parts.length === 3 && parts[0] === SERVERS_FOLDER && isServerId(parts[1] ?? ''))
    return { file: parts.join('/'), server: parts[1] ?? null, id }
  return null
}

// Ids must stay unique per view: a shared id must be in no server's collection, a server's not shared.
function isTakenElsewhere(collections: Collections, article: Article): boolean {
  if (article.server !== null) return collections.shared.articleById.has(article.id)
  for (const collection of collections.servers.values()) if (collection.articleById.has(article.id)) return true
  return false
}

function describeError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code
  return error instanceof Error ? error.message : String(error)
}
