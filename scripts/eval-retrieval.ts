/**
 * `npm run eval:retrieval`: ../shared/eval/retrieval/README.md end to end. Writes the dev set as a
 * corpus into a fresh temporary folder, runs `cli ask --batch` on the local and global question
 * files, runs two lexical peers in this process over the same paragraphs (MiniSearch with its
 * defaults, Lunr with its defaults), scores everything with the shared scorer and prints the
 * table, then ask latency over the global pool and over two pools near the issue's size.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { answerQuestion } from '../src/answer/ask.js'
import type { Article } from '../src/corpus/article.js'
import { loadCorpus } from '../src/corpus/loadCorpus.js'
import { buildLibrary } from '../src/library/library.js'
import { EVAL_ROOT, requireEvalFolder } from './evalData.js'

const repoRoot = path.resolve(import.meta.dirname, '..')
const evalDir = requireEvalFolder('retrieval', ['dev.jsonl', 'make-corpus.mjs', 'score.mjs'])
requireEvalFolder('attribution', ['dev.jsonl'])
const devSet = path.join(evalDir, 'dev.jsonl')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-eval-retrieval-'))
const corpusDir = path.join(workDir, 'corpus')
const SETTINGS = ['local', 'global'] as const
type Setting = (typeof SETTINGS)[number]
type Question = { id: string; question: string; article?: string }
type Paragraph = { article: string; paragraph: number; text: string }
// The issue's latency budget is for 2,067 paragraphs (both SQuAD halves); the dev half has 950.
const ISSUE_POOL_PARAGRAPHS = 2067
type ArticleScores = { n: number; 'R@1': number; 'MRR@10': number }
type Scores = {
  'R@1': number
  'R@3': number
  'MRR@10': number
  'answer@1': number
  empty: number
  per_article: Record<string, ArticleScores>
}

execFileSync('node', [path.join(evalDir, 'make-corpus.mjs'), devSet, corpusDir, workDir], { stdio: ['ignore', 'ignore', 'inherit'] })
const questionsOf = (setting: Setting): Question[] =>
  fs
    .readFileSync(path.join(workDir, `questions-${setting}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Question)

// The paragraphs exactly as the project reads them, so peers and byline rank the same texts.
const corpus = await loadCorpus(corpusDir)
const paragraphs: Paragraph[] = corpus.articles.flatMap((article) =>
  article.paragraphs.map((text, i) => ({ article: article.id, paragraph: i + 1, text })),
)

const scores = new Map<string, Record<Setting, Scores>>()

// byline: the CLI, as a user would run it.
const ours = {} as Record<Setting, Scores>
for (const setting of SETTINGS) {
  const predFile = path.join(workDir, `pred-byline-${setting}.jsonl`)
  const out = fs.openSync(predFile, 'w')
  execFileSync(
    'npm',
    [
      'run',
      '--silent',
      'cli',
      '--',
      'ask',
      '--corpus',
      corpusDir,
      '--batch',
      path.join(workDir, `questions-${setting}.jsonl`),
      '--limit',
      '10',
      '--json',
    ],
    {
      cwd: repoRoot,
      // The snapshot lives (and is deleted) with the temporary corpus: the first setting builds
      // and saves it, the second loads it, as a user's second call would.
      env: { ...process.env, SNAPSHOT_DIR: path.join(workDir, 'cache') },
      stdio: ['ignore', out, 'inherit'],
    },
  )
  fs.closeSync(out)
  ours[setting] = score(predFile)
}
scores.set('byline (BM25 + re-rank)', ours)

// Peers: one index per article for the local setting (as the reference bench), one over the
// whole corpus for the global one; paragraph text only, the libraries' own query parsing.
type Peer = (docs: readonly Paragraph[]) => (query: string) => number[]
const miniSearchDefault: Peer = (docs) => {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
  index.addAll(docs.map((doc, id) => ({ id, text: doc.text })))
  return (query) => index.search(query).map((result) => result.id as number)
}
const lunrDefault: Peer = (docs) => {
  const index = lunr(function () {
    this.ref('id')
    this.field('text')
    for (const [id, doc] of docs.entries()) this.add({ id: String(id), text: doc.text })
  })
  // Lunr's query-string parser skips the trimmer and stop-word filter its index used, so "war?"
  // would never match "war": run the question through the same steps, then its stemmer.
  return (query) => {
    const words = lunr
      .tokenizer(query)
      .map((token) => lunr.stopWordFilter(lunr.trimmer(token)))
      .filter((token) => token !== undefined)
    return index.query((q) => q.term(words, {})).map((result) => Number(result.ref))
  }
}
for (const [name, peer] of [
  ['MiniSearch 7 default', miniSearchDefault],
  ['Lunr 2.3 default', lunrDefault],
] as const) {
  const byArticle = new Map<string, Paragraph[]>()
  for (const doc of paragraphs) byArticle.set(doc.article, [...(byArticle.get(doc.article) ?? []), doc])
  const searchers = new Map([...byArticle].map(([article, docs]) => [article, { docs, search: peer(docs) }]))
  const global = { docs: paragraphs, search: peer(paragraphs) }
  const result = {} as Record<Setting, Scores>
  for (const setting of SETTINGS) {
    const predFile = path.join(workDir, `pred-${name.split(' ')[0]?.toLowerCase()}-${setting}.jsonl`)
    const lines = questionsOf(setting).map((question) => {
      const searcher = (question.article === undefined ? global : searchers.get(question.article)) ?? global
      const results = searcher
        .search(question.question)
        .slice(0, 10)
        .map((id) => searcher.docs[id] as Paragraph)
      return JSON.stringify({ id: question.id, results })
    })
    fs.writeFileSync(predFile, `${lines.join('\n')}\n`)
    result[setting] = score(predFile)
  }
  scores.set(name, result)
}

const f = (x: number) => x.toFixed(3)
console.log(
  `SQuAD v1.1 dev half: ${corpus.articles.length} articles, ${paragraphs.length} paragraphs, ${questionsOf('local').length} questions`,
)
console.log('| system | local R@1 | R@3 | MRR@10 | answer@1 | global R@1 | R@3 | MRR@10 | answer@1 |')
console.log('|---|---|---|---|---|---|---|---|---|')
for (const [name, { local, global }] of scores) {
  console.log(
    `| ${name} | ${f(local['R@1'])} | ${f(local['R@3'])} | ${f(local['MRR@10'])} | ${f(local['answer@1'])} | ${f(global['R@1'])} | ${f(global['R@3'])} | ${f(global['MRR@10'])} | ${f(global['answer@1'])} |`,
  )
}
console.log('targets (issue 4): local R@1 ≥ 0.880, global R@1 ≥ 0.860, local MRR@10 ≥ 0.920')

// The same scores on each half of the articles (A: 1st, 3rd, … line of dev.jsonl; B: the others),
// the split weights were set on: a change that helps only one half is noise, not a gain.
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
const halfOf = new Map(
  fs
    .readFileSync(devSet, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => [slug((JSON.parse(line) as { title: string }).title), i % 2 === 0 ? 'A' : 'B'] as const),
)
const halfScores = (result: Scores, half: 'A' | 'B') => {
  let n = 0
  let r1 = 0
  let mrr = 0
  for (const [article, scored] of Object.entries(result.per_article)) {
    if (halfOf.get(article) !== half) continue
    n += scored.n
    r1 += scored['R@1'] * scored.n
    mrr += scored['MRR@10'] * scored.n
  }
  return `${f(r1 / n)} / ${f(mrr / n)}`
}
console.log('| system (R@1 / MRR@10) | local A | local B | global A | global B |')
console.log('|---|---|---|---|---|')
for (const [name, { local, global }] of scores) {
  console.log(
    `| ${name} | ${halfScores(local, 'A')} | ${halfScores(local, 'B')} | ${halfScores(global, 'A')} | ${halfScores(global, 'B')} |`,
  )
}

// Latency of answerQuestion itself (no process start, no JSON), over three pools: the dev
// corpus, and two near the issue's size (2,067 paragraphs: both SQuAD halves) built without the
// held-out half: the dev paragraphs plus PolNeAR news articles up to 2,067 (read at run time,
// never copied), and the dev articles twice under distinct ids (1,900 paragraphs of SQuAD's
// length; every term twice as frequent, twice as many paragraphs match).
const polnear = fs
  .readFileSync(path.join(EVAL_ROOT, 'attribution/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; title: string; paragraphs: string[] })
const news: Article[] = []
let pooled = paragraphs.length
for (const record of polnear) {
  if (pooled >= ISSUE_POOL_PARAGRAPHS) break
  // paragraphs[0] is the headline.
  const body = record.paragraphs.slice(1).filter((text) => text.trim() !== '')
  if (body.length === 0) continue
  news.push({
    id: `polnear-${record.id}`,
    file: `${record.id}.md`,
    headline: record.title,
    byline: null,
    date: null,
    url: null,
    source: null,
    server: null,
    paragraphs: body,
  })
  pooled += body.length
}
const twice = corpus.articles.map((article) => ({ ...article, id: `${article.id}-copy`, file: `copy-${article.file}` }))
const globalQuestions = questionsOf('global')
const percentiles = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2)
  return `p50 ${at(50)} ms, p99 ${at(99)} ms, max ${at(100)} ms`
}
console.log(
  `ask latency (${globalQuestions.length} questions over the whole pool, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}):`,
)
const pools: Array<[string, readonly Article[]]> = [
  ['dev corpus', corpus.articles],
  ['dev + PolNeAR news', [...corpus.articles, ...news]],
  ['dev twice', [...corpus.articles, ...twice]],
]
for (const [name, articles] of pools) {
  const library = buildLibrary(articles)
  for (const question of globalQuestions.slice(0, 200)) answerQuestion(library, question.question, { limit: 10 })
  // Each question is timed three times: the first run's figures include whatever else the
  // machine is doing, the fastest of three shows the code's own cost.
  const runs = globalQuestions.map((question) =>
    [0, 1, 2].map(() => {
      const started = performance.now()
      answerQuestion(library, question.question, { limit: 10 })
      return performance.now() - started
    }),
  )
  const count = articles.reduce((sum, article) => sum + article.paragraphs.length, 0)
  console.log(
    `  ${name} (${count} paragraphs): first run ${percentiles(runs.map((times) => times[0] ?? 0))}; fastest of three ${percentiles(runs.map((times) => Math.min(...times)))}`,
  )
}
console.log(
  `  load average after: ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
)
fs.rmSync(workDir, { recursive: true, force: true })

function score(predFile: string): Scores {
  const report = execFileSync('node', [path.join(evalDir, 'score.mjs'), devSet, predFile, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(report) as Scores
}
