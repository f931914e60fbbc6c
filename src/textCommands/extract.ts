import path from 'node:path'
import { listSavedPages, readSavedPage, savedPageId } from '../corpus/pageFiles.js'
import { extractArticle } from '../ingest/extractArticle.js'
import { type FetchPolicy, fetchPage } from '../ingest/fetchPage.js'
import { extractedJson, renderExtractedText } from '../render/extracted.js'
import { EXTRACT_USAGE, type ExtractCommand, parseExtractCommand } from './extractCommand.js'

// `cli -- extract`: a saved page or a link → extractArticle → stdout. It needs no library, so
// cli.ts runs it before loading the corpus. Nothing is saved.

/** Where `extract` writes, and how it may fetch a link. */
export type ExtractIo = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; fetchPolicy: Partial<FetchPolicy> }

/** Runs `extract` with the words after it; returns the exit code (0 done, 1 no article or an unreadable page, 2 bad arguments). */
export async function runExtract(argv: readonly string[], io: ExtractIo): Promise<number> {
  const { stdout, stderr } = io
  const command = parseExtractCommand(argv)
  if ('help' in command) {
    stdout.write(`${EXTRACT_USAGE}\n`)
    return 0
  }
  if ('error' in command) {
    stderr.write(`cli: ${command.error}\n\n${EXTRACT_USAGE}\n`)
    return 2
  }
  if (command.kind === 'batch') return runBatch(command, io)
  let html: string
  let pageUrl: string | null
  if (command.kind === 'link') {
    const fetched = await fetchPage(command.url, io.fetchPolicy)
    if (!fetched.ok) {
      stderr.write(`cli: ${command.url}: ${fetched.message}\n`)
      return 1
    }
    html = fetched.page.text
    pageUrl = fetched.page.url
  } else {
    try {
      html = await readSavedPage(command.path)
    } catch (error) {
      stderr.write(`cli: cannot read ${command.path}: ${describe(error)}\n`)
      return 2
    }
    pageUrl = command.pageUrl
  }
  const label = command.kind === 'link' ? command.url : command.path
  const result = extractArticle(html, { url: pageUrl })
  if (!result.ok) {
    if (command.isJson) stdout.write(`${JSON.stringify({ error: result.reason, message: result.message })}\n`)
    stderr.write(`cli: ${label}: ${result.message}\n`)
    return 1
  }
  stdout.write(`${command.isJson ? JSON.stringify(extractedJson(result.article)) : renderExtractedText(result.article)}\n`)
  return 0
}

// One line per page in file-name order (JSON with --json, else "id: headline (n paragraphs)").
// How long each extraction took goes to stderr as a median and 90th percentile, so stdout stays
// one line per page.
async function runBatch(command: Extract<ExtractCommand, { kind: 'batch' }>, { stdout, stderr }: ExtractIo): Promise<number> {
  let names: string[]
  try {
    names = await listSavedPages(command.dir)
  } catch (error) {
    stderr.write(`cli: cannot read the folder ${command.dir}: ${describe(error)}\n`)
    return 2
  }
  const times: number[] = []
  let unreadable = 0
  for (const name of names) {
    const id = savedPageId(name)
    let html: string
    try {
      html = await readSavedPage(path.join(command.dir, name))
    } catch (error) {
      unreadable++
      stderr.write(`cli: cannot read ${name}: ${describe(error)}; skipped\n`)
      continue
    }
    const started = performance.now()
    const result = extractArticle(html)
    times.push(performance.now() - started)
    if (!command.isJson) {
      stdout.write(
        `${id}: ${result.ok ? `${result.article.headline ?? '(no headline)'} (${result.article.paragraphs.length} paragraphs)` : result.message}\n`,
      )
      continue
    }
    const line = result.ok
      ? extractedJson(result.article, id)
      : {
          id,
          error: result.reason,
          message: result.message,
          url: null,
          headline: null,
          byline: null,
          date: null,
          site: null,
          language: null,
          paragraphs: [],
          articleBody: '',
        }
    stdout.write(`${JSON.stringify(line)}\n`)
  }
  times.sort((a, b) => a - b)
  const at = (share: number): string => (times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0).toFixed(1)
  stderr.write(`extract: ${times.length} pages, ${at(0.5)} ms median, ${at(0.9)} ms p90 a page\n`)
  return unreadable > 0 ? 1 : 0
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
