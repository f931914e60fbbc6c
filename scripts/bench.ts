/**
 * `npm run bench [-- --json] [-- --sizes 1,3,10] [-- --queries 1000]`: how byline scales.
 *
 * Writes the PolNeAR dev set (../shared/eval/attribution, 510 articles) as a corpus in a fresh
 * temporary folder, replicates it ×1, ×3 and ×10 with distinct ids, and for each size runs two
 * child processes (so each size's memory is its own): the first builds the library (load +
 * attribution + indexes), saves the snapshot, and times ask, quote and speaker autocomplete over
 * the same questions and keywords, then plain MiniSearch and Lunr over the same paragraphs; then
 * the CLI answers one question on the same corpus and snapshot (`npm run --silent cli -- ask …
 * --json`, timed from spawn to exit: a user's second call, the first having saved the snapshot);
 * the second child is a restart: a fresh process that loads the snapshot and is ready to answer. Prints one
 * table row per size, or with `--json` one JSON document (`--table FILE` prints such a document
 * as the table). The restart child then times instant indexing: `addArticle` into a server until
 * the first answer from it, and a file copied into the corpus by hand until the watch has made it
 * answerable. The eval texts never enter the repo.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { answerQuestion } from '../src/answer/ask.js'
import { searchQuotes } from '../src/answer/quote.js'
import { attributeArticle } from '../src/attribution/attributeArticle.js'
import { speakerChoices } from '../src/discord/autocomplete.js'
import type { Library } from '../src/library/library.js'
import { createLibraryHolder, type LoadedLibrary, warmDuplicateCheck } from '../src/library/libraryHolder.js'
import { codeVersion, type LibrarySource, openLibrary, watchAndReload } from '../src/library/libraryLoader.js'
import { requireEvalFolder } from './evalData.js'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const ATTRIBUTION_DIR = requireEvalFolder('attribution', ['dev.jsonl', 'make-corpus.mjs'])
const ATTRIBUTION_SET = path.join(ATTRIBUTION_DIR, 'dev.jsonl')
const MAKE_CORPUS = path.join(ATTRIBUTION_DIR, 'make-corpus.mjs')
const RETRIEVAL_SET = path.join(requireEvalFolder('retrieval', ['dev.jsonl']), 'dev.jsonl')
const HEAP_MB = 6144

/** The figures of one corpus size. Times in milliseconds, memory in MB. */
type SizeResult = {
  copies: number
  articles: number
  paragraphs: number
  quotes: number
  build: { totalMs: number; attributionMs: number; indexMs: number }
  snapshot: { saveMs: number; loadMs: number; longestBlockMs: number; restartToReadyMs: number; fileMB: number }
  /** A CLI call answering one question from the snapshot, spawn to exit (absent in runs before it was measured). */
  cli?: { secondCallMs: number }
  memory: { heapMB: number; rssMB: number; restartHeapMB: number; restartRssMB: number }
  latency: Record<'ask' | 'quote' | 'autocomplete' | 'miniSearch' | 'lunr', { p50: number; p99: number }>
  peers: { miniSearchBuildMs: number; lunrBuildMs: number }
  /** addArticle → the first answer from it (in place, no rebuild), and a file copied in by hand → answerable through the watch. */
  incremental?: Incremental
}

type Incremental = {
  added: { p50: number; p99: number; count: number }
  /** CPU time of the same (user + system, whole process): what the wall time would be on an idle machine, about. */
  addedCpu: { p50: number; p99: number }
  /** The attribution of the same articles alone (the part that depends on the article, not on the corpus size). */
  attribution: { p50: number; p99: number }
  watched: { p50: number; p99: number; count: number; debounceMs: number }
  /** A server's first view (shared + its own articles), built on demand. */
  firstViewMs: number
  /** Heap held by one more cached server view (a server with one article of its own), MB. */
  viewMB: number
  /** Heap and RSS after the additions, against the restart's. */
  heapMB: number
  rssMB: number
}

type Build = Pick<SizeResult, 'articles' | 'paragraphs' | 'quotes' | 'build' | 'latency' | 'peers'> & {
  saveMs: number
  fileMB: number
  heapMB: number
  rssMB: number
}
type Restart = {
  loadMs: number
  longestBlockMs: number
  restartToReadyMs: number
  heapMB: number
  rssMB: number
  from: string
  incremental: Incremental
}

const args = process.argv.slice(2)
const option = (name: string): string | null => {
  const at = args.indexOf(name)
  return at >= 0 ? (args[at + 1] ?? null) : null
}

async function runBench(): Promise<void> {
  const isJson = args.includes('--json')
  const sizes = (option('--sizes') ?? '1,3,10').split(',').map(Number)
  const queries = Number(option('--queries') ?? 1000)
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-'))
  const say = (line: string) => process.stderr.write(`${line}\n`)
  try {
    const base = path.join(workDir, 'base')
    execFileSync('node', [MAKE_CORPUS, ATTRIBUTION_SET, base], { stdio: ['ignore', 'ignore', 'inherit'] })
    const results: SizeResult[] = []
    for (const copies of sizes) {
      const corpus = path.join(workDir, `x${copies}`)
      replicate(base, corpus, copies)
      const cache = path.join(workDir, `cache-x${copies}`)
      say(`bench: ×${copies}: building…`)
      const build = runChild<Build>(['--child-build', corpus, cache, '--queries', String(queries)])
      // The CLI call comes before the restart: the restart then adds articles (instant indexing),
      // which changes the corpus the snapshot was saved for.
      say(`bench: ×${copies}: a CLI call from the snapshot…`)
      const cli = timeCliCall(corpus, cache)
      say(`bench: ×${copies}: restarting from the snapshot…`)
      const restart = runChild<Restart>(['--child-restart', corpus, cache])
      if (restart.from !== 'snapshot')
        throw new Error(`bench: the restart at ×${copies} did not load the snapshot (was src/ edited during the run?)`)
      results.push({
        copies,
        articles: build.articles,
        paragraphs: build.paragraphs,
        quotes: build.quotes,
        build: build.build,
        snapshot: {
          saveMs: build.saveMs,
          loadMs: restart.loadMs,
          longestBlockMs: restart.longestBlockMs,
          restartToReadyMs: restart.restartToReadyMs,
          fileMB: build.fileMB,
        },
        cli,
        memory: { heapMB: build.heapMB, rssMB: build.rssMB, restartHeapMB: restart.heapMB, restartRssMB: restart.rssMB },
        latency: build.latency,
        peers: build.peers,
        incremental: restart.incremental,
      })
      fs.rmSync(corpus, { recursive: true, force: true })
      fs.rmSync(cache, { recursive: true, force: true })
    }
    const machine = { cpus: os.availableParallelism(), cpuModel: cpuModel(), node: process.version, queries }
    if (isJson) process.stdout.write(`${JSON.stringify({ machine, results }, null, 2)}\n`)
    else
      process.stdout.write(
        `${formatTable(results)}\n\n${machine.cpus} cores · ${machine.cpuModel} · Node ${machine.node} · ${queries} queries per kind\n`,
      )
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

// Copy i of article `a.md` is `r<i>-a.md`, so every copy has its own id.
function replicate(from: string, to: string, copies: number): void {
  fs.mkdirSync(to)
  const names = fs.readdirSync(from)
  for (let i = 0; i < copies; i++) for (const name of names) fs.copyFileSync(path.join(from, name), path.join(to, `r${i}-${name}`))
}

const CLI_QUESTION = 'Who said what about the election?'

/**
 * Times `npm run --silent cli -- ask … --json` on `corpusDir` with the snapshot in `snapshotDir`,
 * from spawn to exit. Throws when the CLI fails, prints anything but one JSON document, or
 * rebuilds instead of loading the snapshot (it would save the file again).
 */
function timeCliCall(corpusDir: string, snapshotDir: string): { secondCallMs: number } {
  const snapshots = () => fs.readdirSync(snapshotDir).map((name) => `${name} ${fs.statSync(path.join(snapshotDir, name)).mtimeMs}`)
  const before = snapshots()
  const startedAt = performance.now()
  const child = spawnSync('npm', ['run', '--silent', 'cli', '--', 'ask', CLI_QUESTION, '--corpus', corpusDir, '--json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, SNAPSHOT_DIR: snapshotDir },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const secondCallMs = performance.now() - startedAt
  if (child.status !== 0) throw new Error(`bench: the CLI failed (exit ${child.status}): ${child.stderr}`)
  JSON.parse(child.stdout)
  if (snapshots().join('\n') !== before.join('\n')) throw new Error('bench: the CLI rebuilt the library instead of loading the snapshot')
  return { secondCallMs }
}

function runChild<T>(childArgs: string[]): T {
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--expose-gc', '--import', 'tsx', path.join(REPO_ROOT, 'scripts/bench.ts'), ...childArgs],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  if (child.status !== 0) throw new Error(`bench: child ${childArgs[0]} failed (exit ${child.status})`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as T
}

// The real code fingerprint, so the snapshot the build saves is the one `npm start` and the CLI open.
const sourceOf = async (corpusDir: string, snapshotDir: string): Promise<LibrarySource> => ({
  corpusDir,
  snapshotDir,
  codeVersion: await codeVersion(),
})
const silent = { log: (line: string) => process.stderr.write(`${line}\n`), onProgress: null }

async function childBuild(corpusDir: string, snapshotDir: string, queryCount: number): Promise<void> {
  const startedAt = performance.now()
  let attributedAt = startedAt
  let indexedAt = startedAt
  const opened = await openLibrary(await sourceOf(corpusDir, snapshotDir), {
    ...silent,
    onProgress: (done, total) => {
      if (done === total - 1) attributedAt = performance.now()
      if (done === total) indexedAt = performance.now()
    },
  })
  const buildStartedAt = indexedAt - (opened.ms.build ?? 0)
  const library = opened.library
  const memory = measureMemory()
  const file = fs.readdirSync(snapshotDir).map((name) => path.join(snapshotDir, name))[0] ?? ''
  const workload = makeWorkload(library, queryCount)
  const latency = {
    ask: time(workload.questions, (question) => answerQuestion(library, question)),
    quote: time(workload.keywords, (keyword) => searchQuotes(library, keyword)),
    autocomplete: time(workload.prefixes, (prefix) => speakerChoices(library, prefix, null)),
  }
  const paragraphs = library.articles.flatMap((article) => article.paragraphs).map((text, id) => ({ id, text }))
  let peerStartedAt = performance.now()
  const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
  miniSearch.addAll(paragraphs)
  const miniSearchBuildMs = performance.now() - peerStartedAt
  const miniSearchLatency = time(workload.questions, (question) => miniSearch.search(question))
  peerStartedAt = performance.now()
  const lunrIndex = lunr(function () {
    this.ref('id')
    this.field('text')
    for (const paragraph of paragraphs) this.add(paragraph)
  })
  const lunrBuildMs = performance.now() - peerStartedAt
  // The question as plain terms through Lunr's own pipeline (its query syntax would reject `:`, `-`, `~`).
  const lunrLatency = time(workload.questions, (question) => lunrIndex.query((query) => query.term(lunr.tokenizer(question), {})))
  const result: Build = {
    articles: library.articles.length,
    paragraphs: paragraphs.length,
    quotes: [...library.attributions.values()].reduce((sum, attribution) => sum + attribution.quotes.length, 0),
    build: { totalMs: opened.ms.build ?? 0, attributionMs: attributedAt - buildStartedAt, indexMs: indexedAt - attributedAt },
    saveMs: opened.ms.snapshotSave ?? 0,
    fileMB: fs.statSync(file).size / 1024 / 1024,
    heapMB: memory.heapMB,
    rssMB: memory.rssMB,
    latency: { ...latency, miniSearch: miniSearchLatency, lunr: lunrLatency },
    peers: { miniSearchBuildMs, lunrBuildMs },
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

async function childRestart(corpusDir: string, snapshotDir: string): Promise<void> {
  const source = await sourceOf(corpusDir, snapshotDir) // the code fingerprint is part of every real start
  // The longest the thread is held at once while the snapshot loads, as a reload loads it: how
  // long an interaction arriving then would wait (a 1 ms timer that notes how late it fires).
  let tickedAt = performance.now()
  let longestBlockMs = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longestBlockMs = Math.max(longestBlockMs, now - tickedAt)
    tickedAt = now
  }, 1)
  const opened = await openLibrary(source, silent)
  clearInterval(ticker)
  // performance.now() counts from the process start: Node, tsx and every import included.
  const restartToReadyMs = performance.now()
  answerQuestion(opened.library, 'ready?')
  const memory = measureMemory()
  const incremental = await measureIncremental(corpusDir, opened)
  const result: Restart = {
    loadMs: opened.ms.total,
    longestBlockMs,
    restartToReadyMs,
    heapMB: memory.heapMB,
    rssMB: memory.rssMB,
    from: opened.from,
    incremental,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

const ADDITIONS = 60
const WATCHED = 12
const WATCH_DEBOUNCE_MS = 100
const BENCH_SERVER = '100000000000000001'
const VIEW_SERVERS = 50
const TINY = {
  headline: 'A server note',
  byline: null,
  date: null,
  url: null,
  source: null,
  paragraphs: ['"The ferry runs at noon," said Wren Alder, the harbour clerk.'],
}

/**
 * Instant indexing on the restarted library: `addArticle` of a new article into a server, timed
 * until the first answer from it; then files copied into corpus/ by hand, timed from the write
 * until the watch has made them answerable. The new articles are the corpus's own, each with a
 * sentence of its own so it is not a duplicate.
 */
async function measureIncremental(corpusDir: string, opened: LoadedLibrary): Promise<Incremental> {
  const holder = createLibraryHolder(opened, async () => null, {
    corpusDir,
    maxArticlesPerServer: 1_000_000,
    maxAdditionsPerHour: 1_000_000,
  })
  // What the holder does in the background after a start: the duplicate check's fingerprints.
  await warmDuplicateCheck(opened.library.articles, async () => undefined)
  const viewStartedAt = performance.now()
  holder.viewFor(BENCH_SERVER)
  const firstViewMs = performance.now() - viewStartedAt
  const sources = opened.library.articles
  const pick = (i: number) => sources[(i * 7919) % sources.length] as (typeof sources)[number]
  const addedTimes: number[] = []
  const attributionTimes: number[] = []
  const addedCpuTimes: number[] = []
  for (let i = 0; i < ADDITIONS; i++) {
    const from = pick(i)
    const marker = `Benchmark addition number ${i} mentions the zorbluvian ledger ${i}.`
    const paragraphs = [...from.paragraphs, marker]
    const attributedAt = performance.now()
    attributeArticle({ ...from, paragraphs })
    attributionTimes.push(performance.now() - attributedAt)
    const startedAt = performance.now()
    const cpuAt = process.cpuUsage()
    const outcome = await holder.addArticle(
      BENCH_SERVER,
      {
        headline: `${from.headline} (${i})`,
        byline: from.byline,
        date: null,
        url: null,
        source: null,
        paragraphs: [...from.paragraphs, marker],
      },
      { addedBy: null },
    )
    const answer = answerQuestion(holder.viewFor(BENCH_SERVER), `zorbluvian ledger ${i}`, { limit: 1 })
    addedTimes.push(performance.now() - startedAt)
    const cpu = process.cpuUsage(cpuAt)
    addedCpuTimes.push((cpu.user + cpu.system) / 1000)
    if (outcome.status !== 'added' || answer.results[0]?.article !== outcome.id)
      throw new Error(`bench: addition ${i} was not answerable (${outcome.status})`)
  }
  const watch = watchAndReload(corpusDir, holder, () => undefined, { debounceMs: WATCH_DEBOUNCE_MS })
  const watchedTimes: number[] = []
  for (let i = 0; i < WATCHED; i++) {
    const from = pick(ADDITIONS + i)
    const text = `${from.headline}\n${[...from.paragraphs, `A hand-copied file mentions the quarvistan archive ${i}.`].join('\n')}\n`
    const startedAt = performance.now()
    fs.writeFileSync(path.join(corpusDir, `zz-watched-${i}.txt`), text)
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (answerQuestion(holder.current(), `quarvistan archive ${i}`, { limit: 1 }).results[0]?.article === `zz-watched-${i}`) break
      if (performance.now() - startedAt > 60_000) throw new Error(`bench: watched file ${i} never became answerable`)
    }
    watchedTimes.push(performance.now() - startedAt)
  }
  watch?.close()
  // What each server with articles of its own costs in memory: its view (the shared lists and the
  // speaker directory merged with its own) is cached until the LRU limit.
  const servers = Array.from({ length: VIEW_SERVERS }, (_, i) => String(BigInt(BENCH_SERVER) + 1n + BigInt(i)))
  for (const [i, server] of servers.entries())
    await holder.addArticle(server, { ...TINY, paragraphs: [`${TINY.paragraphs[0]} ${i}`] }, { addedBy: null })
  const beforeViews = measureMemory()
  const kept = servers.map((server) => holder.viewFor(server))
  const afterViews = measureMemory()
  if (kept.length !== VIEW_SERVERS) throw new Error('bench: views missing')
  const memory = measureMemory()
  return {
    added: { ...percentiles(addedTimes), count: ADDITIONS },
    attribution: percentiles(attributionTimes),
    addedCpu: percentiles(addedCpuTimes),
    watched: { ...percentiles(watchedTimes), count: WATCHED, debounceMs: WATCH_DEBOUNCE_MS },
    firstViewMs,
    viewMB: (afterViews.heapMB - beforeViews.heapMB) / VIEW_SERVERS,
    heapMB: memory.heapMB,
    rssMB: memory.rssMB,
  }
}

function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { p50: at(0.5), p99: at(0.99) }
}

function measureMemory(): { heapMB: number; rssMB: number } {
  ;(globalThis as { gc?: () => void }).gc?.()
  const usage = process.memoryUsage()
  return { heapMB: usage.heapUsed / 1024 / 1024, rssMB: usage.rss / 1024 / 1024 }
}

/**
 * The queries, the same for every size: questions from the retrieval dev set (SQuAD), quote
 * keywords (the longest word of every n-th quote) and speaker prefixes (the first 1–4 letters of
 * speakers' names), repeated to `count`.
 */
function makeWorkload(library: Library, count: number): { questions: string[]; keywords: string[]; prefixes: string[] } {
  const questions = fs
    .readFileSync(RETRIEVAL_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => (JSON.parse(line) as { questions: Array<{ q: string }> }).questions.map((question) => question.q))
  const quotes = [...library.attributions.values()].flatMap((attribution) => attribution.quotes)
  const keywords = quotes
    .filter((_, i) => i % 7 === 0)
    .map((quote) => quote.text.split(/[^\p{L}]+/u).reduce((longest, word) => (word.length > longest.length ? word : longest), ''))
    .filter((word) => word.length >= 4)
  const names = [
    ...new Set([...library.attributions.values()].flatMap((attribution) => attribution.speakers.map((speaker) => speaker.name))),
  ]
  const prefixes = names.map((name, i) => name.slice(0, 1 + (i % 4)))
  const take = (items: string[]) => Array.from({ length: count }, (_, i) => items[(i * 7919) % Math.max(items.length, 1)] ?? 'news')
  return { questions: take(questions), keywords: take(keywords), prefixes: take(prefixes) }
}

/** p50 and p99 of running `run` on each input, in ms, after a short warm-up. */
function time(inputs: readonly string[], run: (input: string) => unknown): { p50: number; p99: number } {
  for (const input of inputs.slice(0, 50)) run(input)
  const times = inputs.map((input) => {
    const startedAt = performance.now()
    run(input)
    return performance.now() - startedAt
  })
  return percentiles(times)
}

function printTable(file: string): void {
  const { machine, results } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    machine: { cpus: number; cpuModel: string; node: string; queries: number }
    results: SizeResult[]
  }
  process.stdout.write(
    `${formatTable(results)}\n\n${machine.cpus} cores · ${machine.cpuModel} · Node ${machine.node} · ${machine.queries} queries per kind\n`,
  )
}

function cpuModel(): string {
  const line = fs
    .readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('model name'))
  return line?.split(':')[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown'
}

function formatTable(results: readonly SizeResult[]): string {
  const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2))
  const s = (value: number) => (value / 1000).toFixed(1)
  const header = [
    'size',
    'articles',
    'paragraphs',
    'quotes',
    'first build s (attribution / index)',
    'snapshot save s (MB)',
    'snapshot load s (longest block ms)',
    'restart → ready s',
    'CLI call from snapshot s',
    'heap / RSS MB (after restart)',
    'ask p50 / p99 ms',
    'quote p50 / p99 ms',
    'autocomplete p50 / p99 ms',
    'MiniSearch p99 ms',
    'Lunr p99 ms',
    'ask p99 ÷ MiniSearch / Lunr',
    'added → answerable p50 / p99 ms (CPU p50 / p99; attribution alone p50 / p99)',
    'file copied in → answerable p50 / p99 ms (watch debounce)',
  ]
  const rows = results.map((result) => [
    `×${result.copies}`,
    String(result.articles),
    String(result.paragraphs),
    String(result.quotes),
    `${s(result.build.totalMs)} (${s(result.build.attributionMs)} / ${s(result.build.indexMs)})`,
    `${s(result.snapshot.saveMs)} (${result.snapshot.fileMB.toFixed(0)})`,
    `${s(result.snapshot.loadMs)} (${(result.snapshot.longestBlockMs ?? 0).toFixed(0)})`,
    s(result.snapshot.restartToReadyMs),
    result.cli === undefined ? '–' : s(result.cli.secondCallMs),
    `${result.memory.heapMB.toFixed(0)} / ${result.memory.rssMB.toFixed(0)} (${result.memory.restartHeapMB.toFixed(0)} / ${result.memory.restartRssMB.toFixed(0)})`,
    `${ms(result.latency.ask.p50)} / ${ms(result.latency.ask.p99)}`,
    `${ms(result.latency.quote.p50)} / ${ms(result.latency.quote.p99)}`,
    `${ms(result.latency.autocomplete.p50)} / ${ms(result.latency.autocomplete.p99)}`,
    ms(result.latency.miniSearch.p99),
    ms(result.latency.lunr.p99),
    `${(result.latency.ask.p99 / result.latency.miniSearch.p99).toFixed(1)}× / ${(result.latency.ask.p99 / result.latency.lunr.p99).toFixed(1)}×`,
    result.incremental === undefined
      ? '—'
      : `${ms(result.incremental.added.p50)} / ${ms(result.incremental.added.p99)} (${ms(result.incremental.addedCpu?.p50 ?? 0)} / ${ms(result.incremental.addedCpu?.p99 ?? 0)}; ${ms(result.incremental.attribution.p50)} / ${ms(result.incremental.attribution.p99)})`,
    result.incremental === undefined
      ? '—'
      : `${ms(result.incremental.watched.p50)} / ${ms(result.incremental.watched.p99)} (${result.incremental.watched.debounceMs})`,
  ])
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}

// Last, so every constant above is initialised before a child starts.
if (args[0] === '--child-build') await childBuild(args[1] ?? '', args[2] ?? '', Number(option('--queries') ?? 1000))
else if (args[0] === '--child-restart') await childRestart(args[1] ?? '', args[2] ?? '')
else if (args[0] === '--table') printTable(args[1] ?? '')
else await runBench()
