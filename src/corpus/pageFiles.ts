import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { decodeSavedPage } from '../ingest/charset.js'

// Web pages saved to disk, for `cli -- extract FILE` and `extract --batch DIR`: `.html`/`.htm`,
// optionally gzipped (`.html.gz`, as evaluation sets store them).

const SAVED_PAGE = /\.html?(\.gz)?$/i

/** Whether a file name is a saved web page. */
export function isSavedPageName(name: string): boolean {
  return SAVED_PAGE.test(name)
}

/** A saved page's id: its file name without `.html`, `.htm` or `.html.gz`. */
export function savedPageId(name: string): string {
  return name.replace(SAVED_PAGE, '')
}

/** The saved pages of `dir`, by file name. Throws when the folder cannot be read. */
export async function listSavedPages(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(isSavedPageName).sort()
}

/** A saved page's text: gunzipped when its name ends in `.gz`, decoded by its charset. Throws when unreadable. */
export async function readSavedPage(file: string): Promise<string> {
  const bytes = await readFile(file)
  return decodeSavedPage(file.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes)
}

/** A story file read for `add FILE`: its text and how to read it. */
export type StoryFile = { name: string; text: string; format: 'html' | 'text' | 'markdown' }

const STORY_FORMATS: ReadonlyArray<[RegExp, StoryFile['format']]> = [
  [SAVED_PAGE, 'html'],
  [/\.txt$/i, 'text'],
  [/\.md$/i, 'markdown'],
]

/** Reads a story file (a saved page, `.txt` or `.md`); an `error` sentence naming it when it cannot be used. */
export async function readStoryFile(file: string): Promise<StoryFile | { error: string }> {
  const name = path.basename(file)
  const format = STORY_FORMATS.find(([pattern]) => pattern.test(name))?.[1]
  if (format === undefined) return { error: `${name} is not a story file: add a .html, .htm, .txt or .md file (or a link)` }
  try {
    const text = format === 'html' ? await readSavedPage(file) : decodeSavedPage(await readFile(file))
    return { name, text, format }
  } catch (error) {
    return { error: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
