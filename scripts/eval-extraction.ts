/**
 * `npm run eval:extraction [-- --per-page]`: the dev pages of ../shared/eval/extraction/ (see its
 * README) through `cli extract --batch DIR --json`, spawned as a user would run it; byline's
 * prediction and every peer's output in dev/peers.json scored by the shared scorer in the same
 * run; one table, the peers' rows and byline's row under them, with byline's milliseconds a page
 * (median and 90th percentile of the extraction alone, as the batch measures it), and for scale
 * the time plain Readability on linkedom takes on the same pages in the same run (the machine is
 * shared, so absolute times vary with its load). `--per-page`
 * adds byline's precision and recall on each page, worst first, to find the pages to study. The
 * pages never enter the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { requireEvalFolder } from './evalData.js'

type Score = {
  f1: number
  precision: number
  recall: number
  accuracy: number
  per_page?: Array<{ id: string; url: string; precision: number; recall: number }>
}
type Peers = Record<string, { version?: string; output: Record<string, { articleBody?: string }> }>

const repoRoot = path.resolve(import.meta.dirname, '..')
const evalDir = requireEvalFolder('extraction', ['dev/html', 'dev/ground-truth.json', 'dev/peers.json', 'score.mjs'])
const htmlDir = path.join(evalDir, 'dev/html')
const truthFile = path.join(evalDir, 'dev/ground-truth.json')
const peersFile = path.join(evalDir, 'dev/peers.json')
const scorerFile = path.join(evalDir, 'score.mjs')
const isPerPage = process.argv.includes('--per-page')

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-eval-extraction-'))
try {
  const started = performance.now()
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'extract', '--batch', htmlDir, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  if (run.status !== 0) {
    process.stderr.write(run.stderr)
    console.log(`eval:extraction: cli extract --batch exited with ${run.status}`)
    process.exit(1)
  }
  const predFile = path.join(workDir, 'byline.jsonl')
  fs.writeFileSync(predFile, run.stdout)
  const timing = /(\d+) pages, ([\d.]+) ms median, ([\d.]+) ms p90/.exec(run.stderr)

  const peers = JSON.parse(fs.readFileSync(peersFile, 'utf8')) as Peers
  const rows: Array<{ name: string; score: Score; time: string }> = []
  for (const [name, peer] of Object.entries(peers)) {
    const file = path.join(workDir, `${name}.json`)
    fs.writeFileSync(file, JSON.stringify(peer.output))
    rows.push({ name: `${name}${peer.version ? ` ${peer.version}` : ''}`, score: score(file, false), time: '' })
  }
  rows.sort((a, b) => b.score.f1 - a.score.f1)
  const byline = score(predFile, isPerPage)
  rows.push({ name: 'byline', score: byline, time: timing === null ? '?' : `${timing[2]} / ${timing[3]}` })

  const pages = timing?.[1] ?? '?'
  console.log(`Article extraction on ${pages} dev pages (${path.relative(repoRoot, evalDir)}), scored by its score.mjs`)
  console.log(table(rows))
  console.log(
    `cli extract --batch: ${seconds.toFixed(1)} s in all (start, read, gunzip, extract, print); ms a page = extraction alone, median / p90`,
  )
  console.log(`for scale, in this run: @mozilla/readability on linkedom alone ${readabilityTimes()} ms a page, median / p90`)
  if (isPerPage && byline.per_page !== undefined) {
    const pagesByF1 = byline.per_page.map((page) => ({ ...page, f1: f1(page.precision, page.recall) })).sort((a, b) => a.f1 - b.f1)
    console.log('\nbyline per page, worst first: F1  precision  recall  id  url')
    for (const page of pagesByF1)
      console.log(`${page.f1.toFixed(3)}  ${page.precision.toFixed(3)}  ${page.recall.toFixed(3)}  ${page.id.slice(0, 12)}  ${page.url}`)
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true })
}

// Parse + Readability for each page, timed as the batch times extraction (the pages already in memory).
function readabilityTimes(): string {
  const pages = fs
    .readdirSync(htmlDir)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((name) => gunzipSync(fs.readFileSync(path.join(htmlDir, name))).toString('utf8'))
  const times: number[] = []
  for (const html of pages) {
    const started = performance.now()
    new Readability(parseHTML(html).document as never).parse()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (share: number): string => (times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0).toFixed(1)
  return `${at(0.5)} / ${at(0.9)}`
}

function score(predictionFile: string, withPages: boolean): Score {
  const args = [scorerFile, truthFile, predictionFile, '--json', ...(withPages ? ['--per-page'] : [])]
  return JSON.parse(execFileSync('node', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Score
}

function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
}

function table(rows: ReadonlyArray<{ name: string; score: Score; time: string }>): string {
  const header = ['extractor', 'F1', 'precision', 'recall', 'accuracy', 'ms a page']
  const lines = rows.map(({ name, score: s, time }) => [
    name,
    s.f1.toFixed(3),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
    s.accuracy.toFixed(3),
    time,
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)))
  const format = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [format(header), rule, ...lines.slice(0, -1).map(format), rule, ...lines.slice(-1).map(format)].join('\n')
}
