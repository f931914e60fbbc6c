/**
 * Development harness for attribution: reads the PolNeAR dev set directly (no corpus loader or
 * CLI needed), runs `attributeArticle` on every article, writes the CLI's `quotes --json` shape
 * and runs the shared scorer on it.
 *   npx tsx scripts/attribution-harness.ts [--limit N] [--dump FILE]
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { attributeArticle } from '../src/attribution/attributeArticle.js'
import type { Article } from '../src/corpus/article.js'
import { requireEvalFolder } from './evalData.js'

type Record = { id: string; title?: string; author?: string; paragraphs: string[] }

const evalDir = requireEvalFolder('attribution', ['dev.jsonl', 'score.mjs'])
const args = process.argv.slice(2)
const limitAt = args.indexOf('--limit')
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity
const records: Record[] = fs
  .readFileSync(path.join(evalDir, 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .slice(0, limit)
  .map((l) => JSON.parse(l) as Record)

const started = performance.now()
const articles = records.map((r) => {
  const article: Article = {
    id: r.id,
    file: `${r.id}.md`,
    headline: r.title ?? r.paragraphs[0] ?? '',
    byline: r.author ?? null,
    date: null,
    url: null,
    source: null,
    server: null,
    // make-corpus.mjs folds line breaks inside a paragraph to spaces; do the same.
    paragraphs: r.paragraphs.slice(1).map((p) => p.replace(/\s*\n\s*/gu, ' ')),
  }
  const { quotes } = attributeArticle(article)
  return {
    id: r.id,
    headline: article.headline,
    quotes: quotes.map((q) => ({
      paragraph: q.paragraph,
      text: q.text,
      kind: q.kind,
      cue: q.cue,
      mention: q.mention,
      speaker: q.speaker === null ? null : { name: q.speaker.name, role: q.speaker.role },
    })),
  }
})
const seconds = (performance.now() - started) / 1000
const out = path.join(os.tmpdir(), 'byline-attribution-pred.json')
fs.writeFileSync(out, JSON.stringify({ articles }))
const dumpAt = args.indexOf('--dump')
if (dumpAt >= 0) fs.copyFileSync(out, args[dumpAt + 1] ?? 'pred.json')
process.stdout.write(execFileSync('node', [path.join(evalDir, 'score.mjs'), path.join(evalDir, 'dev.jsonl'), out], { encoding: 'utf8' }))
console.log(`attributed ${articles.length} articles in ${seconds.toFixed(1)} s`)
