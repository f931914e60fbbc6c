import { readdir, readFile } from 'node:fs/promises'
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
