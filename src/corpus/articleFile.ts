import { randomBytes } from 'node:crypto'
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify as stringifyYaml } from 'yaml'
import { SERVERS_FOLDER, serverFolder } from './loadCorpus.js'

// Writing and deleting the article files that `/add` and `/remove` make: the same Markdown format
// the loader reads (front matter, then paragraphs separated by blank lines), so an operator can
// read, edit or delete them with ordinary tools.

/** What an added article's file holds. `date` must be ISO 8601 (else it is left out); `addedAt` is written as ISO. */
export type ArticleFileContent = {
  headline: string
  byline: string | null
  date: string | null
  url: string | null
  source: string | null
  paragraphs: readonly string[]
  /** The Discord user id of who added it; null when unknown (the CLI). */
  addedBy: string | null
  addedAt: Date
}

/** The file operations {@link writeArticleFile} and {@link deleteArticleFile} use; tests inject failing ones. */
export type ArticleFileSystem = {
  mkdir: (dir: string) => Promise<unknown>
  writeFile: (file: string, text: string) => Promise<void>
  /** Makes `to` name the file `from` names, failing with EEXIST when `to` exists (no clobbering). */
  link: (from: string, to: string) => Promise<void>
  rename: (from: string, to: string) => Promise<void>
  unlink: (file: string) => Promise<void>
}

export const nodeArticleFileSystem: ArticleFileSystem = {
  mkdir: (dir) => mkdir(dir, { recursive: true }),
  writeFile: (file, text) => writeFile(file, text, { flag: 'wx' }),
  link,
  rename,
  unlink,
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/
const MAX_SLUG_CHARS = 60

/** The Markdown text of an added article: front matter (`title`, `author`, `date`, `url`, `source`, `added_by`, `added_at`) and the paragraphs. */
export function formatArticleFile(content: ArticleFileContent): string {
  const date = content.date !== null && ISO_DATE.test(content.date) && !Number.isNaN(Date.parse(content.date)) ? content.date : null
  const front: Record<string, string> = { title: oneLine(content.headline) }
  if (content.byline !== null && oneLine(content.byline) !== '') front.author = oneLine(content.byline)
  if (date !== null) front.date = date
  if (content.url !== null) front.url = oneLine(content.url)
  if (content.source !== null && oneLine(content.source) !== '') front.source = oneLine(content.source)
  if (content.addedBy !== null) front.added_by = content.addedBy
  front.added_at = content.addedAt.toISOString()
  // Every value as a quoted string: a title "No: 1" or a date must come back as the same text.
  const yaml = stringifyYaml(front, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })
  const body = content.paragraphs.map(oneLine).filter((paragraph) => paragraph !== '')
  return `---\n${yaml}---\n\n${body.join('\n\n')}\n`
}

/** A file-name slug of a headline: lowercase ASCII letters and digits joined by `-`, at most 60 characters; `article` when none is left. */
export function slugOf(headline: string): string {
  const words = headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > MAX_SLUG_CHARS) break
    slug = next
  }
  return slug === '' ? (words[0]?.slice(0, MAX_SLUG_CHARS) ?? 'article') || 'article' : slug
}

/** The path of a collection's article file relative to the corpus folder: `slug.md` or `servers/<id>/slug.md`. */
export function articleFilePath(server: string | null, slug: string): string {
  return server === null ? `${slug}.md` : `${SERVERS_FOLDER}/${server}/${slug}.md`
}

/**
 * Writes `text` as `corpusDir/<file>` atomically: into a hidden temporary file in the same folder
 * (which the loader and the watch ignore), then linked to its name, so the file appears whole or
 * not at all, and never replaces an existing one (EEXIST). Creates the server's folder. On any
 * failure nothing is left behind and the error is thrown.
 */
export async function writeArticleFile(
  corpusDir: string,
  server: string | null,
  slug: string,
  text: string,
  fileSystem: ArticleFileSystem = nodeArticleFileSystem,
): Promise<string> {
  const folder = server === null ? corpusDir : serverFolder(corpusDir, server)
  const file = articleFilePath(server, slug)
  const target = path.join(corpusDir, file)
  const temporary = path.join(folder, `.${slug}.md.${randomBytes(6).toString('hex')}.tmp`)
  await fileSystem.mkdir(folder)
  try {
    await fileSystem.writeFile(temporary, text)
    try {
      await fileSystem.link(temporary, target)
    } catch (error) {
      // A file system without hard links: rename (which would replace a file of that name, so
      // the caller picks a free name first).
      const code = error instanceof Error && 'code' in error ? error.code : null
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error
      await fileSystem.rename(temporary, target)
    }
  } finally {
    await fileSystem.unlink(temporary).catch(() => undefined)
  }
  return file
}

/** Deletes the article file `file` (relative to `corpusDir`); a file already gone is not an error. */
export async function deleteArticleFile(
  corpusDir: string,
  file: string,
  fileSystem: ArticleFileSystem = nodeArticleFileSystem,
): Promise<void> {
  try {
    await fileSystem.unlink(path.join(corpusDir, file))
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
