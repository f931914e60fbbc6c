import { parseArgs } from 'node:util'

// The command line of `cli -- extract`, parsed apart from the other commands because it needs no
// library: `extract FILE|URL [--url URL] [--json]` and `extract --batch DIR [--json]`.

/** An `extract` command line, parsed and checked. */
export type ExtractCommand =
  | { kind: 'file'; path: string; pageUrl: string | null; isJson: boolean }
  | { kind: 'link'; url: string; isJson: boolean }
  | { kind: 'batch'; dir: string; isJson: boolean }

export const EXTRACT_USAGE = `Usage: npm run --silent cli -- extract FILE|URL [--url URL] [--json]
       npm run --silent cli -- extract --batch DIR [--json]

  FILE          a saved web page (.html, or .html.gz)
  URL           a link to fetch (http or https)
  --url URL     where FILE came from: resolves its relative addresses and is the fallback address
  --batch DIR   one JSON line per *.html / *.html.gz file of DIR, with "id" = the file name
  --json        JSON instead of readable text`

const OPTIONS = {
  json: { type: 'boolean' },
  url: { type: 'string' },
  batch: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Parses the words after `extract`. Never throws; `{ help: true }` asks for the usage text. */
export function parseExtractCommand(argv: readonly string[]): ExtractCommand | { error: string } | { help: true } {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  const { values, positionals } = parsed
  if (values.help === true) return { help: true }
  const isJson = values.json === true
  if (values.batch !== undefined) {
    if (positionals.length > 0) return { error: 'extract --batch DIR takes no FILE or URL' }
    if (values.url !== undefined) return { error: '--url is for one page, not --batch' }
    return { kind: 'batch', dir: values.batch, isJson }
  }
  if (positionals.length !== 1 || positionals[0] === undefined) return { error: 'extract needs one FILE or URL (or --batch DIR)' }
  const target = positionals[0]
  if (values.url !== undefined && !isHttpUrl(values.url)) return { error: `--url must be an http(s) address, not "${values.url}"` }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    if (!isHttpUrl(target)) return { error: `only http and https links can be extracted, not "${target}"` }
    return { kind: 'link', url: target, isJson }
  }
  return { kind: 'file', path: target, pageUrl: values.url ?? null, isJson }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    // Not an address at all.
    return false
  }
}
