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

/**
 * Loads every `.txt` and `.md` article of `dir` (not recursive; other files are ignored). A bad
 * file is skipped with one problem naming it and the reason; the rest still load. Throws only when
 * `dir` itself cannot be read, with a message that names it.
 */
export async function loadCorpus(dir: string, options: Partial<LoadOptions> = {}): Promise<Corpus> {
  const { maxFileBytes } = { ...defaultLoadOptions, ...options }
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    throw new Error(`corpus: cannot read the folder ${dir}: ${describeError(error)}`)
  }
  const files = names.filter(isArticleFileName).sort()
  const articles: Article[] = []
  const problems: CorpusProblem[] = []
  const seen = new Map<string, string>()
  const loaded = await Promise.all(files.map((file) => loadFile(dir, file, maxFileBytes)))
  for (const [i, result] of loaded.entries()) {
    const file = files[i] ?? ''
    if (!result.ok) {
      problems.push({ file, reason: result.reason })
      continue
    }
    const first = seen.get(result.article.id)
    if (first !== undefined) {
      problems.push({ file, reason: `has the same id "${result.article.id}" as ${first}` })
      continue
    }
    seen.set(result.article.id, file)
    articles.push(result.article)
  }
  return { articles, problems }
}

/** Formats a problem as the one line shown to people: `corpus: skipped broken.md: is empty`. */
export function formatProblem(problem: CorpusProblem): string {
  return `corpus: skipped ${problem.file}: ${problem.reason}`
}

type FileResult = { ok: true; article: Article } | { ok: false; reason: string }

async function loadFile(dir: string, file: string, maxFileBytes: number): Promise<FileResult> {
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
    return parseArticle(id, file, content)
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
