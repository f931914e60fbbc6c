/**
 * `npm run eval:smoke` (run by .ci/run): every evaluation (`npm run eval:*` in package.json) run
 * once end to end against ../shared/eval with `--smoke`, failing when one exits non-zero. It
 * checks that the evaluations still run and score, not their figures: those are read by people,
 * with the peers printed beside them. `--smoke` lets an evaluation leave out what only measures
 * time (eval:retrieval's latency runs); the others ignore it. Prints each evaluation's last
 * lines and how long it took.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { EVAL_ROOT } from './evalData.js'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const TAIL_LINES = 6

if (!fs.existsSync(EVAL_ROOT)) {
  process.stderr.write('eval: ../shared/eval is missing: the evaluation data lives beside the repository; nothing was run\n')
  process.exit(2)
}
const scripts = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
const evaluations = Object.keys(scripts).filter((name) => name.startsWith('eval:') && name !== 'eval:smoke')
let failed = 0
for (const name of evaluations) {
  const startedAt = performance.now()
  const run = spawnSync('npm', ['run', '--silent', name, '--', '--smoke'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
  const isOk = run.status === 0
  if (!isOk) failed++
  console.log(`${isOk ? 'ok  ' : 'FAIL'} ${name} (${seconds} s, exit ${run.status ?? run.signal})`)
  const tail = `${run.stdout}${isOk ? '' : run.stderr}`.trimEnd().split('\n').slice(-TAIL_LINES)
  for (const line of tail) console.log(`     ${line}`)
}
console.log(`evaluations: ${evaluations.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
