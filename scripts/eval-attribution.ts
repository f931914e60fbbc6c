/**
 * `npm run eval:attribution`: the three steps of ../shared/eval/attribution/README.md — write the
 * dev set as a corpus, run `cli quotes --json` over it, score the prediction — then print the
 * scorer's table and how long the CLI took.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { requireEvalFolder } from './evalData.js'

const repoRoot = path.resolve(import.meta.dirname, '..')
const evalDir = requireEvalFolder('attribution', ['dev.jsonl', 'make-corpus.mjs', 'score.mjs'])
const devSet = path.join(evalDir, 'dev.jsonl')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-eval-attribution-'))
const corpusDir = path.join(workDir, 'corpus')
const predFile = path.join(workDir, 'pred.json')

execFileSync('node', [path.join(evalDir, 'make-corpus.mjs'), devSet, corpusDir], { stdio: ['ignore', 'ignore', 'inherit'] })
const started = performance.now()
const prediction = execFileSync('npm', ['run', '--silent', 'cli', '--', 'quotes', '--corpus', corpusDir, '--no-snapshot', '--json'], {
  cwd: repoRoot,
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
  stdio: ['ignore', 'pipe', 'inherit'],
})
const seconds = (performance.now() - started) / 1000
fs.writeFileSync(predFile, prediction)
const articles = (JSON.parse(prediction) as { articles?: unknown[] }).articles?.length ?? 0
process.stdout.write(execFileSync('node', [path.join(evalDir, 'score.mjs'), devSet, predFile], { encoding: 'utf8' }))
console.log(`cli quotes: ${articles} articles in ${seconds.toFixed(1)} s (load, attribute, print JSON)`)
fs.rmSync(workDir, { recursive: true, force: true })
