/**
 * `npm run test:reliability`: the hardening report of issue 8. Runs the fast hardening suites
 * (fuzz properties at FUZZ_SCALE× their usual runs, hostile corpus files, network faults, the rate
 * limiter) through vitest, then a load run against the local Discord emulator: 1,000 interactions
 * over 10 s, then more up to 10,000 to compare the heap. Prints one table; exits 1 on any failure.
 *
 * Usage: npm run test:reliability [-- --scale N --total N --load-only]   (defaults: scale 3, total 10,000)
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs, stripVTControlCharacters } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { type InteractionRecord, startEmulator } from '../test/e2e/emulator.js'
import { startTestBot } from '../test/e2e/harness.js'
import { autocomplete, chatInput } from '../test/e2e/interactions.js'
import type { ReliabilityEntry } from '../test/fuzz/report.js'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '3' },
    total: { type: 'string', default: '10000' },
    'load-only': { type: 'boolean', default: false },
  },
})
const SCALE = Number(values.scale)
const TOTAL = Number(values.total)
const FIRST = 1_000
const FIRST_OVER_MS = 10_000
const USERS = 50

type Row = [string, string, string]
const rows: Row[] = []
let isFailed = false
const row = (what: string, result: string, isOk: boolean) => {
  rows.push([what, result, isOk ? 'ok' : 'FAIL'])
  if (!isOk) isFailed = true
}

// ── 1. The fast suites, at a larger scale ────────────────────────────────────────────────────
function runSuites(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'byline-reliability-'))
  const report = path.join(dir, 'report.jsonl')
  const suites = ['test/fuzz', 'test/corpus/hostile.test.ts', 'test/e2e/faults.test.ts', 'test/discord']
  const run = spawnSync('npx', ['vitest', 'run', ...suites], {
    env: { ...process.env, RELIABILITY_REPORT: report, FUZZ_SCALE: String(SCALE) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const summary = /Tests\s+(.*)/.exec(stripVTControlCharacters(run.stdout))?.[1]?.trim() ?? 'no summary'
  row(`vitest ${suites.join(' ')}`, summary, run.status === 0)
  if (run.status !== 0) process.stderr.write(run.stdout.slice(-4_000) + run.stderr.slice(-2_000))
  let entries: ReliabilityEntry[] = []
  try {
    entries = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReliabilityEntry)
  } catch {
    row('reliability entries', 'none recorded', false)
  }
  rmSync(dir, { recursive: true, force: true })
  for (const entry of entries) {
    if (entry.kind === 'property') {
      row(
        `property: ${entry.name.slice(0, 90)}`,
        `${entry.inputs} inputs${entry.skipped > 0 ? ` (${entry.skipped} skipped)` : ''}`,
        !entry.failed,
      )
    }
  }
  for (const entry of entries) {
    if (entry.kind === 'corpus')
      row('hostile corpus files', `${entry.files} tried: ${entry.reported} reported with a reason, ${entry.loaded} loaded`, true)
  }
  const faults = entries.filter((entry): entry is Extract<ReliabilityEntry, { kind: 'fault' }> => entry.kind === 'fault')
  for (const fault of faults) row(`fault: ${fault.name.slice(0, 90)}`, fault.survived ? 'survived' : 'NOT survived', fault.survived)
  row(
    'faults injected / survived',
    `${faults.length} / ${faults.filter((fault) => fault.survived).length}`,
    faults.every((fault) => fault.survived),
  )
}

// ── 2. Load through the emulator ─────────────────────────────────────────────────────────────
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
const heapAfterGc = () => {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed
}

const QUESTIONS = [
  'Who said Afghanistan could become a regional hub?',
  'When was the ceasefire announced?',
  'terrorism',
  'What did Andrabi say about talks?',
]
function payloadFor(i: number): Record<string, unknown> {
  const userId = `40000000000000${String(1_000 + (i % USERS)).padStart(5, '0')}`
  switch (i % 6) {
    case 0:
    case 1:
      return chatInput('ask', { question: QUESTIONS[i % QUESTIONS.length] ?? 'talks' }, { userId })
    case 2:
      return chatInput('quote', { keyword: 'terrorism' }, { userId })
    case 3:
      return chatInput('speakers', {}, { userId })
    case 4:
      return autocomplete('ask', { question: 'x', article: 'pak' }, 'article', { userId })
    default:
      return chatInput('articles', {}, { userId })
  }
}

async function runLoad(): Promise<void> {
  let rejections = 0
  const onRejection = () => {
    rejections += 1
  }
  process.on('unhandledRejection', onRejection)
  const emulator = await startEmulator()
  // The limit is on (so its bookkeeping is under load too) but raised far above this run's rate.
  const bot = await startTestBot(emulator, { env: { RATE_LIMIT_COMMANDS: '1000000', RATE_LIMIT_WINDOW_SECONDS: '10' } })
  let sent = 0
  let answered = 0
  let late = 0
  let lost = 0

  /** Waits for every record's content response; counts answered, late (acknowledgement refused) and lost. */
  async function settle(records: InteractionRecord[]): Promise<void> {
    await Promise.all(
      records.map(async (record) => {
        try {
          await emulator.waitForResponse(record, 15_000)
          answered += 1
          // The emulator answers an acknowledgement later than 3 s with 404 (10062).
          if (record.responses[0]?.status !== 204) late += 1
        } catch {
          lost += 1
        }
      }),
    )
    // The emulator keeps every request and interaction; forget them so the heap measures the bot.
    emulator.requests.length = 0
    for (const record of records) emulator.interactions.delete(record.token)
  }

  try {
    // 1,000 interactions spread evenly over 10 s.
    const started = Date.now()
    const first: InteractionRecord[] = []
    for (let i = 0; i < FIRST; i++) {
      const due = started + (i * FIRST_OVER_MS) / FIRST
      const wait = due - Date.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      first.push(emulator.interact(payloadFor(i)))
      sent += 1
    }
    const spreadMs = Date.now() - started
    await settle(first)
    const heapAt1000 = heapAfterGc()
    row(
      `load: ${FIRST} interactions over ${(spreadMs / 1_000).toFixed(1)} s`,
      `sent ${sent}, answered ${answered}, lost ${lost}, acknowledged late ${late}`,
      answered === sent && late === 0 && lost === 0,
    )

    // The rest as fast as the bot keeps up, 10 in flight at most: about the concurrency of the first
    // 1,000 (more would open more sockets and buffers, and measure those rather than the bot).
    // The heap halfway shows whether any growth is steady (a leak) or levels off (warm-up).
    const batch = 10
    const halfway = Math.round(TOTAL / 2 / batch) * batch
    let heapHalfway = 0
    for (let i = FIRST; i < TOTAL; i += batch) {
      if (i === halfway) heapHalfway = heapAfterGc()
      const records: InteractionRecord[] = []
      for (let j = i; j < Math.min(TOTAL, i + batch); j++) {
        records.push(emulator.interact(payloadFor(j)))
        sent += 1
      }
      await settle(records)
    }
    const heapAtTotal = heapAfterGc()
    const growth = (heapAtTotal - heapAt1000) / heapAt1000
    row(
      `load: ${TOTAL} interactions in all`,
      `sent ${sent}, answered ${answered}, lost ${lost}, acknowledged late ${late}`,
      answered === sent && late === 0 && lost === 0,
    )
    row(
      `heap after ${TOTAL} vs after ${FIRST}`,
      `${mb(heapAt1000)} → ${heapHalfway > 0 ? `${mb(heapHalfway)} at ${halfway} → ` : ''}${mb(heapAtTotal)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
      growth < 0.1,
    )
    const caches = bot.client
    row(
      'discord.js caches after the load',
      `users ${caches.users.cache.size}, channels ${caches.channels.cache.size}, guilds ${caches.guilds.cache.size}`,
      true,
    )
    row('unhandled rejections', String(rejections), rejections === 0)
  } finally {
    await bot.stop()
    await emulator.close()
    process.off('unhandledRejection', onRejection)
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function printTable(): void {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['check', 'result', ''][i]?.length ?? 0))
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`
  process.stdout.write(
    `${line(['check', 'result', ''])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`,
  )
}

if (values['load-only'] !== true) runSuites()
await runLoad()
printTable()
process.exitCode = isFailed ? 1 : 0
