/**
 * `npx tsx scripts/eval-answers.ts [--global] [--errors] [--squad-pred FILE] [--questions-pred FILE]`:
 * the answer line's coverage and precision (see answerLineScores.ts) on SQuAD's dev half and on
 * the questions set. Writes each set as a corpus into a fresh temporary folder, runs
 * `cli ask --batch --json` on its local questions (and global ones with `--global`), and prints
 * one table per set: overall, by answer type, by question kind. `--errors` also lists every wrong
 * answer shown, by kind; `--…-pred` scores an existing batch output instead of running the CLI.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type AnswerLineCell, type AnswerLineScores, answerLineScores, RIGHT_F1 } from './answerLineScores.js'
import { requireEvalFolder } from './evalData.js'

const repoRoot = path.resolve(import.meta.dirname, '..')
const retrievalDir = requireEvalFolder('retrieval', ['dev.jsonl', 'make-corpus.mjs'])
const questionsDir = requireEvalFolder('questions', ['dev.jsonl'])
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string) => {
  const at = args.indexOf(name)
  return at < 0 ? null : (args[at + 1] ?? null)
}

const SETS = [
  { name: 'SQuAD v1.1 dev half', key: 'squad', file: path.join(retrievalDir, 'dev.jsonl'), pred: option('--squad-pred') },
  { name: 'questions set (dev)', key: 'questions', file: path.join(questionsDir, 'dev.jsonl'), pred: option('--questions-pred') },
] as const
const settings = flag('--global') ? (['local', 'global'] as const) : (['local'] as const)
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-eval-answers-'))

for (const set of SETS) {
  for (const setting of settings) {
    const predFile = set.pred ?? runBatch(set.key, set.file, setting)
    const scores = answerLineScores(set.file, predFile)
    printScores(`${set.name}, ${setting}`, scores)
    if (flag('--errors')) printErrors(scores)
  }
}

/** Runs the CLI over one set's questions, as a user would; returns the prediction file. */
function runBatch(key: string, setFile: string, setting: 'local' | 'global'): string {
  const dir = path.join(workDir, key)
  const corpusDir = path.join(dir, 'corpus')
  if (!fs.existsSync(corpusDir)) {
    execFileSync('node', [path.join(retrievalDir, 'make-corpus.mjs'), setFile, corpusDir, dir], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const predFile = path.join(dir, `pred-${setting}.jsonl`)
  const out = fs.openSync(predFile, 'w')
  const batch = path.join(dir, `questions-${setting}.jsonl`)
  execFileSync('npm', ['run', '--silent', 'cli', '--', 'ask', '--corpus', corpusDir, '--batch', batch, '--limit', '1', '--json'], {
    cwd: repoRoot,
    stdio: ['ignore', out, 'inherit'],
  })
  fs.closeSync(out)
  return predFile
}

function printScores(title: string, scores: AnswerLineScores): void {
  const pct = (x: number | null) => (x === null ? '  –  ' : x.toFixed(3))
  const line = (label: string, cell: AnswerLineCell) =>
    `| ${label} | ${cell.n} | ${cell.shown} | ${pct(cell.coverage)} | ${cell.right} | ${pct(cell.precision)} | ${pct(cell.shown === 0 ? null : cell.contained / cell.shown)} |`
  console.log(`\n${title}: answer line (right = token F1 ≥ ${RIGHT_F1} with a gold answer)`)
  console.log('| group | questions | shown | coverage | right | precision | precision (or inside a gold answer) |')
  console.log('|---|---|---|---|---|---|---|')
  console.log(line('**all**', scores.overall))
  for (const [type, cell] of Object.entries(scores.byType))
    console.log(line(`type ${type}`, { ...cell, coverage: cell.n / scores.overall.n }))
  for (const [kind, cell] of Object.entries(scores.byKind)) console.log(line(`kind ${kind}`, cell))
}

function printErrors(scores: AnswerLineScores): void {
  const wrong = scores.rows.filter((row) => row.f1 !== null && row.f1 < RIGHT_F1).sort((a, b) => a.kind.localeCompare(b.kind))
  console.log(`\nwrong answers shown (${wrong.length}):`)
  for (const row of wrong) {
    console.log(`[${row.kind}] ${row.question}\n    shown ${row.answer?.type}: ${row.answer?.text}  ·  gold: ${row.gold.join(' | ')}`)
  }
}
