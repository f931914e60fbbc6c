/**
 * `npm run eval:brief`: the three steps of ../shared/eval/summaries/README.md — write the dev set
 * as a corpus in a fresh temporary folder, run `cli brief --all --json` over it, score the
 * prediction with the shared scorer (which scores Lead-3 in the same run) — then print the
 * scorer's table, how many points the briefs have, and the paired difference to Lead-3 per
 * article with its 95% confidence interval (the scorer's ± is for each system alone; the paired
 * interval is the one that says whether a gain over Lead-3 is more than noise). The eval texts
 * never enter the repository.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { requireEvalFolder } from './evalData.js'

type Rouge = { r1: number; r2: number; rlsum: number }
type Scorer = {
  rouge: (candidate: string[], reference: string[]) => Rouge
  splitSentences: (text: string) => string[]
}
type ScoredArticle = { id: string; points: number; 'R-1': number; 'R-2': number; 'R-Lsum': number }
type EvalArticle = { id: string; paragraphs: string[]; reference_sentences: string[] }

const repoRoot = path.resolve(import.meta.dirname, '..')
const evalDir = requireEvalFolder('summaries', ['dev.jsonl', 'make-corpus.mjs', 'score.mjs'])
const devSet = path.join(evalDir, 'dev.jsonl')
const scorerFile = path.join(evalDir, 'score.mjs')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-eval-brief-'))
const corpusDir = path.join(workDir, 'corpus')
const predFile = path.join(workDir, 'pred.json')

try {
  execFileSync('node', [path.join(evalDir, 'make-corpus.mjs'), devSet, corpusDir], { stdio: ['ignore', 'ignore', 'inherit'] })
  const started = performance.now()
  const prediction = execFileSync(
    'npm',
    ['run', '--silent', 'cli', '--', 'brief', '--all', '--corpus', corpusDir, '--no-snapshot', '--json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const seconds = (performance.now() - started) / 1000
  fs.writeFileSync(predFile, prediction)
  const briefs = (JSON.parse(prediction) as { briefs?: unknown[] }).briefs?.length ?? 0
  process.stdout.write(execFileSync('node', [scorerFile, devSet, predFile], { encoding: 'utf8' }))
  const scored = JSON.parse(
    execFileSync('node', [scorerFile, devSet, predFile, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as {
    per_article: ScoredArticle[]
  }
  console.log(pointsLine(scored.per_article))
  console.log(await pairedLine(scored.per_article))
  console.log(`cli brief --all: ${briefs} articles in ${seconds.toFixed(1)} s (load, attribute, summarise, print JSON)`)
} finally {
  fs.rmSync(workDir, { recursive: true, force: true })
}

function pointsLine(rows: readonly ScoredArticle[]): string {
  const points = rows.map((row) => row.points)
  return `points per brief: min ${Math.min(...points)} · mean ${mean(points).toFixed(2)} · max ${Math.max(...points)}`
}

// Lead-3 per article exactly as the scorer computes it (its own rouge and sentence split), then
// candidate minus Lead-3 per article: mean ± 1.96 standard errors, and wins/losses.
async function pairedLine(rows: readonly ScoredArticle[]): Promise<string> {
  const scorer = (await import(pathToFileURL(scorerFile).href)) as Scorer
  const articles = new Map(
    fs
      .readFileSync(devSet, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const article = JSON.parse(line) as EvalArticle
        return [article.id, article] as const
      }),
  )
  const parts = (['R-1', 'R-2', 'R-Lsum'] as const).map((metric) => {
    const key = metric === 'R-1' ? 'r1' : metric === 'R-2' ? 'r2' : 'rlsum'
    const deltas = rows.map((row) => {
      const article = articles.get(row.id) as EvalArticle
      const lead = scorer.rouge(article.paragraphs.slice(0, 3).flatMap(scorer.splitSentences), article.reference_sentences)
      return row[metric] - 100 * lead[key]
    })
    const wins = deltas.filter((delta) => delta > 0).length
    const losses = deltas.filter((delta) => delta < 0).length
    return `${metric} ${signed(mean(deltas))} ±${halfWidth(deltas).toFixed(2)} (${wins} up, ${losses} down)`
  })
  return `paired vs Lead-3, per article: ${parts.join(' · ')}`
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1)
}

function halfWidth(values: readonly number[]): number {
  const m = mean(values)
  const variance = values.reduce((sum, value) => sum + (value - m) ** 2, 0) / Math.max(values.length - 1, 1)
  return (1.96 * Math.sqrt(variance)) / Math.sqrt(Math.max(values.length, 1))
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`
}
