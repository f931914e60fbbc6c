import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { decodePage } from './ingest/decodePage.js'
import { extractArticle } from './ingest/extractArticle.js'
import { EXTRACT_USAGE, type ExtractCommand, parseExtractCommand } from './ingest/extractCommand.js'
import { extractedJson, renderExtractedText } from './render/extracted.js'

// Composition root of `cli -- extract`: files (or, once wired, links) → extractArticle → stdout.
// It needs no library, so cli.ts runs it before loading the corpus. Reading files stays here;
// src/ingest/ is pure.

/** Runs `extract` with the words after it; returns the exit code (0 done, 1 no article or an unreadable page, 2 bad arguments). */
export async function runExtract(argv: readonly string[]): Promise<number> {
  const command = parseExtractCommand(argv)
  if ('help' in command) {
    process.stdout.write(`${EXTRACT_USAGE}\n`)
    return 0
  }
  if ('error' in command) {
    process.stderr.write(`cli: ${command.error}\n\n${EXTRACT_USAGE}\n`)
    return 2
  }
  if (command.kind === 'link') {
    process.stderr.write(`cli: fetching links is not wired yet; save the page and run: extract FILE --url ${command.url}\n`)
    return 2
  }
  if (command.kind === 'batch') return runBatch(command)
  let html: string
  try {
    html = await readPage(command.path)
  } catch (error) {
    process.stderr.write(`cli: cannot read ${command.path}: ${describe(error)}\n`)
    return 2
  }
  const result = extractArticle(html, { url: command.pageUrl })
  if (!result.ok) {
    if (command.isJson) process.stdout.write(`${JSON.stringify({ error: result.reason, message: result.message })}\n`)
    process.stderr.write(`cli: ${command.path}: ${result.message}\n`)
    return 1
  }
  process.stdout.write(`${command.isJson ? JSON.stringify(extractedJson(result.article)) : renderExtractedText(result.article)}\n`)
  return 0
}

// One line per page in file-name order (JSON with --json, else "id: headline (n paragraphs)").
// How long each extraction took goes to stderr as a median and 90th percentile, so stdout stays
// one line per page.
async function runBatch(command: Extract<ExtractCommand, { kind: 'batch' }>): Promise<number> {
  let names: string[]
  try {
    names = (await readdir(command.dir)).filter((name) => PAGE_FILE.test(name)).sort()
  } catch (error) {
    process.stderr.write(`cli: cannot read the folder ${command.dir}: ${describe(error)}\n`)
    return 2
  }
  const times: number[] = []
  let unreadable = 0
  for (const name of names) {
    const id = name.replace(PAGE_FILE, '')
    let html: string
    try {
      html = await readPage(path.join(command.dir, name))
    } catch (error) {
      unreadable++
      process.stderr.write(`cli: cannot read ${name}: ${describe(error)}; skipped\n`)
      continue
    }
    const started = performance.now()
    const result = extractArticle(html)
    times.push(performance.now() - started)
    if (!command.isJson) {
      process.stdout.write(`${id}: ${result.ok ? `${result.article.headline ?? '(no headline)'} (${result.article.paragraphs.length} paragraphs)` : result.message}\n`)
      continue
    }
    const line = result.ok
      ? extractedJson(result.article, id)
      : { id, error: result.reason, message: result.message, url: null, headline: null, byline: null, date: null, site: null, language: null, paragraphs: [], articleBody: '' }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  }
  times.sort((a, b) => a - b)
  const at = (share: number): string => (times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0).toFixed(1)
  process.stderr.write(`extract: ${times.length} pages, ${at(0.5)} ms median, ${at(0.9)} ms p90 a page\n`)
  return unreadable > 0 ? 1 : 0
}

const PAGE_FILE = /\.html?(\.gz)?$/i

/** A saved page's text: gunzipped when its name ends in .gz, decoded by its charset. */
async function readPage(file: string): Promise<string> {
  const bytes = await readFile(file)
  return decodePage(file.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
