import type { Dirent } from 'node:fs'
import { lstat, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../errors/errorMessage.js'
import type { Article, CorpusProblem } from './article.js'
import { parseArticle } from './parseArticle.js'

/** Options for {@link loadCorpus}; callers spread theirs over {@link defaultLoadOptions}. */
export type LoadOptions = {
  /** Files larger than this are skipped unread. */
  maxFileBytes: number
}

export const defaultLoadOptions: LoadOptions = {
  maxFileBytes: 2 * 1024 * 1024,
}

/** Everything loaded from one corpus folder: the articles in file-name order, and what was skipped. */
export type Corpus = {
  articles: Article[]
  problems: CorpusProblem[]
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md'])

/** Whether {@link loadCorpus} reads a file of this name: `.txt` or `.md`, not hidden. */
export function isArticleFileName(name: string): boolean {
  return !name.startsWith('.') && ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase())
}

/** The folder under `corpus/` that holds one folder of articles per server. */
export const SERVERS_FOLDER = 'servers'

// A Discord server (guild) id: a snowflake, 17–20 digits.
const SERVER_ID = /^\d{17,20}$/

/** Whether `id` is a Discord server id (a snowflake: 17–20 digits), i.e. a valid collection folder name. */
export function isServerId(id: string): boolean {
  return SERVER_ID.test(id)
}

/** The folder of a server's collection inside `corpusDir`. Throws when `server` is not a server id (no path tricks). */
export function serverFolder(corpusDir: string, server: string): string {
  if (!isServerId(server)) throw new Error(`corpus: "${server}" is not a server id`)
  return path.join(corpusDir, SERVERS_FOLDER, server)
}

/** One article file of a corpus: its path relative to the corpus folder, and its collection. */
export type CorpusFile = { file: string; server: string | null }

/**
 * Every article file {@link loadCorpus} reads: the `.txt`/`.md` files at the top of `dir` (shared),
 * then those of each `servers/<server id>/` folder, each list in name order. A `servers/` entry
 * that is not a folder named by a server id is reported as a problem (hidden entries are ignored).
 * Throws only when `dir` itself cannot be read.
 */
export async function listCorpusFiles(dir: string): Promise<{ files: CorpusFile[]; problems: CorpusProblem[] }> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    throw new Error(`corpus: cannot read the folder ${dir}: ${describeError(error)}`)
  }
  const files: CorpusFile[] = names
    .filter(isArticleFileName)
    .sort()
    .map((file) => ({ file, server: null }))
  const problems: CorpusProblem[] = []
  if (!names.includes(SERVERS_FOLDER)) return { files, problems }
  let servers: Dirent[]
  try {
    servers = await readdir(path.join(dir, SERVERS_FOLDER), { withFileTypes: true })
  } catch (error) {
    problems.push({ file: SERVERS_FOLDER, reason: `cannot be read as a folder of servers: ${describeError(error)}` })
    return { files, problems }
  }
  for (const entry of servers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue
    const folder = `${SERVERS_FOLDER}/${entry.name}`
    if (!isServerId(entry.name) || !entry.isDirectory()) {
      problems.push({ file: folder, reason: 'is not a server folder (a folder named by a Discord server id, 17–20 digits)' })
      continue
    }
    let inside: string[]
    try {
      inside = await readdir(path.join(dir, folder))
    } catch (error) {
      problems.push({ file: folder, reason: `cannot be read: ${describeError(error)}` })
      continue
    }
    for (const name of inside.filter(isArticleFileName).sort()) files.push({ file: `${folder}/${name}`, server: entry.name })
  }
  return { files, problems }
}

/**
 * Loads every `.txt` and `.md` article of `dir` and of its server folders (see
 * {@link listCorpusFiles}; other files are ignored). A bad file is skipped with one problem naming
 * it and the reason; the rest still load. Ids are unique per view: a server's file with the id of
 * another file of that server or of a shared article is skipped. Throws only when `dir` itself
 * cannot be read, with a message that names it.
 */
export async function loadCorpus(dir: string, options: Partial<LoadOptions> = {}): Promise<Corpus> {
  const { maxFileBytes } = { ...defaultLoadOptions, ...options }
  const listed = await listCorpusFiles(dir)
  const articles: Article[] = []
  const problems: CorpusProblem[] = [...listed.problems]
  const shared = new Map<string, string>()
  const own = new Map<string, Map<string, string>>()
  // A few files at a time: thousands at once would hit the open-file limit.
  const loaded: FileResult[] = []
  for (let at = 0; at < listed.files.length; at += 256) {
    loaded.push(...(await Promise.all(listed.files.slice(at, at + 256).map((entry) => loadFile(dir, entry, maxFileBytes)))))
  }
  for (const [i, result] of loaded.entries()) {
    const { file, server } = listed.files[i] ?? { file: '', server: null }
    if (!result.ok) {
      problems.push({ file, reason: result.reason })
      continue
    }
    const id = result.article.id
    const seen = server === null ? shared : (own.get(server) ?? new Map<string, string>())
    if (server !== null) own.set(server, seen)
    const first = seen.get(id) ?? (server === null ? undefined : shared.get(id))
    if (first !== undefined) {
      problems.push({ file, reason: `has the same id "${id}" as ${first}` })
      continue
    }
    seen.set(id, file)
    articles.push(result.article)
  }
  return { articles, problems }
}

/**
 * Loads the one article file `file` (relative to `dir`, as {@link listCorpusFiles} names it),
 * for an incremental add: the article, or why it cannot be used. Never throws.
 */
export async function loadCorpusFile(dir: string, entry: CorpusFile, options: Partial<LoadOptions> = {}): Promise<FileResult> {
  return loadFile(dir, entry, { ...defaultLoadOptions, ...options }.maxFileBytes)
}

/** Formats a problem as the one line shown to people: `corpus: skipped broken.md: is empty`. */
export function formatProblem(problem: CorpusProblem): string {
  return `corpus: skipped ${problem.file}: ${problem.reason}`
}

/** One article file read: the article, or why it was skipped. */
export type FileResult = { ok: true; article: Article } | { ok: false; reason: string }

async function loadFile(dir: string, { file, server }: CorpusFile, maxFileBytes: number): Promise<FileResult> {
  const full = path.join(dir, file)
  try {
    const link = await lstat(full)
    const info = link.isSymbolicLink() ? await stat(full) : link
    if (!info.isFile()) return { ok: false, reason: 'is not a regular file' }
    if (info.size > maxFileBytes) {
      return { ok: false, reason: `is too large (${formatBytes(info.size)}; the limit is ${formatBytes(maxFileBytes)})` }
    }
    const bytes = await readFile(full)
    if (bytes.length > maxFileBytes) return { ok: false, reason: `is too large (over ${formatBytes(maxFileBytes)})` }
    if (bytes.length === 0) return { ok: false, reason: 'is empty' }
    if (bytes.includes(0)) return { ok: false, reason: 'is binary (it contains NUL bytes)' }
    let content: string
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return { ok: false, reason: 'is not valid UTF-8 text' }
    }
    const id = path.basename(file, path.extname(file))
    return parseArticle(id, file, content, server)
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${describeError(error)}` }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const messages: Record<string, string> = {
      ENOENT: 'it does not exist (deleted while loading?)',
      EACCES: 'permission denied',
      ELOOP: 'it is a symbolic link loop',
      EISDIR: 'it is a folder',
      ENOTDIR: 'it is not a folder',
    }
    return messages[error.code] ?? error.message
  }
  return errorMessage(error)
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
