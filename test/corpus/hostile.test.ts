import { mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Corpus, formatProblem, loadCorpus } from '../../src/corpus/loadCorpus.js'
import { recordReliability } from '../fuzz/report.js'

// Record every file the loader reads, and make one file vanish between its stat and its read:
// the loader must stat first (so a 50 MB file is never read) and survive a file deleted mid-load.
const reads = vi.hoisted(() => [] as string[])
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...actual,
    lstat: async (...args: Parameters<typeof actual.lstat>) => {
      const info = await actual.lstat(...args)
      if (String(args[0]).endsWith('vanishing.txt')) await actual.unlink(args[0])
      return info
    },
    readFile: async (...args: Parameters<typeof actual.readFile>) => {
      reads.push(path.basename(String(args[0])))
      return actual.readFile(...args)
    },
  }
})

const HUGE_BYTES = 50 * 1024 * 1024
const LINES = 100_000
const VALID = 'A valid article\nBy Jane Doe\nThe talks went on, officials said.\n'

let dir: string
let corpus: Corpus
let heapGrowth: number

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'byline-hostile-'))
  const files: Record<string, string | Buffer> = {
    'valid.txt': VALID,
    'empty.txt': '',
    'binary.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]),
    'invalid-utf8.txt': Buffer.from('Headline\nCaf\xe9 society\n', 'latin1'),
    'bom.txt': `\uFEFF${VALID}`,
    'crlf.txt': VALID.replace(/\n/g, '\r\n'),
    'lines.txt': `A hundred thousand lines\n${Array.from({ length: LINES - 1 }, (_, i) => `Line ${i + 1}.`).join('\n')}\n`,
    'long-quote.txt': `One long quote\n“${'The talks will go on and on, '.repeat(20_000)}\n`,
    'mismatched.txt': 'Mismatched quotes\n"He said “no" she said”, Andrabi said.\n«Yes," he said.\n”backwards“\n',
    'vanishing.txt': VALID,
    'only-headline.txt': 'Just a headline\n',
    'broken.md': '---\ntitle: [unclosed\n---\nBody\n',
  }
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content)
  // A sparse 50 MB file: it takes no disk, and reading it would take 50 MB of memory.
  const huge = await open(path.join(dir, 'huge.txt'), 'w')
  await huge.truncate(HUGE_BYTES)
  await huge.close()
  await symlink('loop-b.txt', path.join(dir, 'loop-a.txt'))
  await symlink('loop-a.txt', path.join(dir, 'loop-b.txt'))
  await symlink('/dev/zero', path.join(dir, 'device.txt'))
  await mkdir(path.join(dir, 'folder.txt'))

  const before = process.memoryUsage()
  corpus = await loadCorpus(dir)
  const after = process.memoryUsage()
  heapGrowth = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('loadCorpus on hostile files', () => {
  it.each([
    { file: 'empty.txt', reason: /is empty/ },
    { file: 'binary.txt', reason: /binary/ },
    { file: 'invalid-utf8.txt', reason: /not valid UTF-8/ },
    { file: 'huge.txt', reason: /too large \(50\.0 MB/ },
    { file: 'loop-a.txt', reason: /symbolic link loop/ },
    { file: 'loop-b.txt', reason: /symbolic link loop/ },
    { file: 'device.txt', reason: /not a regular file/ },
    { file: 'folder.txt', reason: /not a regular file/ },
    { file: 'vanishing.txt', reason: /does not exist \(deleted while loading\?\)/ },
    { file: 'only-headline.txt', reason: /no paragraphs/ },
    { file: 'broken.md', reason: /broken front matter/ },
  ])('reports $file by name with the reason', ({ file, reason }) => {
    const problem = corpus.problems.find((p) => p.file === file)
    expect(problem?.reason).toMatch(reason)
    expect(formatProblem(problem ?? { file: '', reason: '' })).toMatch(new RegExp(`^corpus: skipped ${file.replace('.', '\\.')}: `))
  })

  it('reports each bad file exactly once and loads every other one', () => {
    expect(corpus.problems).toHaveLength(11)
    expect(corpus.articles.map((article) => article.id).sort()).toEqual(['bom', 'crlf', 'lines', 'long-quote', 'mismatched', 'valid'])
    recordReliability({
      kind: 'corpus',
      files: corpus.problems.length + corpus.articles.length,
      reported: corpus.problems.length,
      loaded: corpus.articles.length,
    })
  })

  it('loads a file with a BOM or CRLF line ends exactly like the plain one', () => {
    const byId = new Map(corpus.articles.map((article) => [article.id, article]))
    const plain = byId.get('valid')
    for (const id of ['bom', 'crlf']) {
      const article = byId.get(id)
      expect(article?.headline).toBe(plain?.headline)
      expect(article?.byline).toBe('Jane Doe')
      expect(article?.paragraphs).toEqual(plain?.paragraphs)
    }
  })

  it('loads a 100,000-line file as one paragraph a line, and one long quotation as one paragraph', () => {
    const byId = new Map(corpus.articles.map((article) => [article.id, article]))
    expect(byId.get('lines')?.paragraphs).toHaveLength(LINES - 1)
    expect(byId.get('long-quote')?.paragraphs).toHaveLength(1)
    expect(byId.get('mismatched')?.paragraphs).toHaveLength(3)
  })

  it('stats before reading: the 50 MB file is never read, and memory grows far less than its size', () => {
    expect(reads).not.toContain('huge.txt')
    expect(reads).not.toContain('device.txt')
    expect(heapGrowth).toBeLessThan(HUGE_BYTES / 2)
  })
})
