/**
 * `npm run eval:brief`: the three steps of ../shared/eval/summaries/README.md — write the dev set
 * as a corpus in a fresh temporary folder, run `cli brief --all --json` over it, score the
 * prediction with the shared scorer (which scores Lead-3 in the same run) — then print the
 * scorer's table and how long the CLI took. The eval texts never enter the repository.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '..')
const evalDir = path.resolve(repoRoot, '../shared/eval/summaries')
const devSet = path.join(evalDir, 'dev.jsonl')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-eval-brief-'))
const corpusDir = path.join(workDir, 'corpus')
const predFile = path.join(workDir, 'pred.json')

try {
  execFileSync('node', [path.join(evalDir, 'make-corpus.mjs'), devSet, corpusDir], { stdio: ['ignore', 'ignore', 'inherit'] })
  const started = performance.now()
  const prediction = execFileSync('npm', ['run', '--silent', 'cli', '--', 'brief', '--all', '--corpus', corpusDir, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const seconds = (performance.now() - started) / 1000
  fs.writeFileSync(predFile, prediction)
  const briefs = (JSON.parse(prediction) as { briefs?: unknown[] }).briefs?.length ?? 0
  process.stdout.write(execFileSync('node', [path.join(evalDir, 'score.mjs'), devSet, predFile], { encoding: 'utf8' }))
  console.log(`cli brief --all: ${briefs} articles in ${seconds.toFixed(1)} s (load, attribute, summarise, print JSON)`)
} finally {
  fs.rmSync(workDir, { recursive: true, force: true })
}
