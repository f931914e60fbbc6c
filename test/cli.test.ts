import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { REPO_ROOT, runEntry } from './support/spawn.js'

const SEED_ID = '000_964c6f0d203bd963'
const cli = (...args: string[]) => runEntry('cli.ts', args)

/** Parses stdout as exactly one JSON document (throws when anything else is printed). */
function onlyJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>
}

describe('the CLI JSON contract on the seed', () => {
  it('ask ranks the ceasefire paragraph first, with full paragraph text', async () => {
    const { code, stdout } = await cli('ask', 'When was the ceasefire announced?', '--json')
    expect(code).toBe(0)
    const json = onlyJson(stdout) as { question: string; answer: unknown; results: Array<Record<string, unknown>> }
    expect(json.question).toBe('When was the ceasefire announced?')
    expect(json.results[0]).toMatchObject({ article: SEED_ID, paragraph: 3, headline: expect.stringContaining('Pakistan Says') })
    expect(json.results[0]?.text).toMatch(/^In October 2025, Pakistan shut down .* cross-border trade has yet to resume\.$/)
    expect(Object.keys(json.results[0] ?? {}).sort()).toEqual(['article', 'headline', 'paragraph', 'score', 'speakers', 'text'])
  })

  it.each([
    { command: ['quotes', '--json'], key: 'articles' },
    { command: ['speakers', '--json'], key: 'speakers' },
    { command: ['articles', '--json'], key: 'articles' },
    { command: ['quote', 'terrorism', '--json'], key: 'results' },
  ])('$command.0 prints one JSON document with "$key"', async ({ command, key }) => {
    const { code, stdout } = await cli(...command)
    expect(code).toBe(0)
    expect(onlyJson(stdout)).toHaveProperty(key)
  })

  it('articles counts the seed paragraphs', async () => {
    const json = onlyJson((await cli('articles', '--json')).stdout) as { articles: Array<Record<string, unknown>> }
    expect(json.articles).toEqual([expect.objectContaining({ id: SEED_ID, byline: 'Naeem Mehboob', date: null, paragraphs: 15 })])
  })

  it('brief prints the article with points, speakers and timeline', async () => {
    const json = onlyJson((await cli('brief', '--json')).stdout)
    expect(json).toMatchObject({ article: { id: SEED_ID, byline: 'Naeem Mehboob' } })
    expect(Object.keys(json).sort()).toEqual(['article', 'points', 'speakers', 'timeline'])
  })

  it('prints readable text without --json', async () => {
    const { code, stdout } = await cli('ask', 'ceasefire')
    expect(code).toBe(0)
    expect(stdout).toContain('**ceasefire**')
    expect(stdout).toContain('¶3')
  })
})

describe('bad arguments exit 2 with a clear message', () => {
  it.each([
    { name: 'an unknown command', args: ['summarise'], message: 'unknown command "summarise"' },
    { name: 'an unknown option', args: ['ask', 'x', '--colour'], message: "Unknown option '--colour'" },
    { name: 'a limit of zero', args: ['ask', 'x', '--limit', '0'], message: '--limit must be a whole number from 1 to 100' },
    { name: 'ask without a question', args: ['ask', '--json'], message: 'ask needs a question' },
    { name: 'an unknown article', args: ['ask', 'ceasefire', '--article', '../../etc/passwd'], message: 'no article "../../etc/passwd"' },
    {
      name: 'a missing corpus folder',
      args: ['articles', '--corpus', '/nonexistent/byline'],
      message: 'corpus: cannot read the folder /nonexistent/byline',
      code: 1,
    },
  ])('$name', async ({ args, message, code }) => {
    const result = await cli(...args)
    expect(result.code).toBe(code ?? 2)
    expect(result.stderr).toContain(message)
    expect(result.stdout).toBe('')
  })
})

describe('a corpus with broken files', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'byline-cli-'))
    await copyFile(path.join(REPO_ROOT, 'corpus', `${SEED_ID}.txt`), path.join(dir, `${SEED_ID}.txt`))
    await writeFile(path.join(dir, 'empty.txt'), '')
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3]))
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x41]))
    await writeFile(path.join(dir, 'headline-only.txt'), 'Just a headline')
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n\nBody.')
    await writeFile(
      path.join(dir, 'questions.jsonl'),
      [
        JSON.stringify({ id: 'q1', question: 'When was the ceasefire announced?' }),
        JSON.stringify({ id: 'q2', question: 'Doha Agreement', article: SEED_ID }),
        JSON.stringify({ id: 'q3', question: 'zzzzqqq' }),
      ].join('\n'),
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('loads the seed, reports five problems naming their files, and exits 0', async () => {
    const { code, stdout, stderr } = await cli('articles', '--corpus', dir, '--json')
    expect(code).toBe(0)
    expect((onlyJson(stdout).articles as unknown[]).length).toBe(1)
    const problems = stderr.trim().split('\n')
    expect(problems).toHaveLength(5)
    for (const file of ['empty.txt', 'binary.txt', 'latin1.txt', 'headline-only.txt', 'broken.md']) {
      expect(problems.some((line) => line.startsWith(`corpus: skipped ${file}: `))).toBe(true)
    }
  })

  it('ask --batch prints one JSON line per question, with its id', async () => {
    const { code, stdout } = await cli('ask', '--corpus', dir, '--batch', path.join(dir, 'questions.jsonl'), '--json')
    expect(code).toBe(0)
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; results: Array<{ paragraph: number }> })
    expect(lines.map((line) => line.id)).toEqual(['q1', 'q2', 'q3'])
    expect(lines[0]?.results[0]?.paragraph).toBe(3)
    expect(lines[1]?.results[0]?.paragraph).toBe(15)
    expect(lines[2]?.results).toEqual([])
  })
})

describe('the CLI with --server', () => {
  const SERVER = '200000000000000009'
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'byline-cli-server-'))
    await copyFile(path.join(REPO_ROOT, 'corpus', `${SEED_ID}.txt`), path.join(dir, `${SEED_ID}.txt`))
    const folder = path.join(dir, 'servers', SERVER)
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'own.md'), '---\ntitle: A server story\n---\n\nOnly this server holds it.\n')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    { name: 'with --server: the shared articles and its own', args: ['--server', SERVER], expected: [SEED_ID, 'own'] },
    { name: 'without: the shared articles only', args: [], expected: [SEED_ID] },
  ])('articles $name', async ({ args, expected }) => {
    const { code, stdout } = await cli('articles', '--json', '--corpus', dir, ...args)
    expect(code).toBe(0)
    expect((onlyJson(stdout) as { articles: Array<{ id: string }> }).articles.map((article) => article.id)).toEqual(expected)
  })

  it('refuses a --server that is not a server id', async () => {
    const { code, stderr } = await cli('articles', '--corpus', dir, '--server', '../etc')
    expect(code).toBe(2)
    expect(stderr).toContain('--server must be a Discord server id')
  })
})

describe('the library snapshot, as npm start uses it', () => {
  // Each test spawns the CLI two or three times: generous timeouts for a loaded machine.
  const SPAWNS_TIMEOUT_MS = 60_000
  let snapshotDir: string
  const cliWithSnapshots = (...args: string[]) => runEntry('cli.ts', args, { env: { SNAPSHOT_DIR: snapshotDir } })
  const snapshotFile = async () => {
    const names = (await readdir(snapshotDir)).filter((name) => name.endsWith('.snapshot'))
    expect(names).toHaveLength(1)
    return path.join(snapshotDir, names[0] ?? '')
  }
  beforeEach(async () => {
    snapshotDir = await mkdtemp(path.join(tmpdir(), 'byline-cli-snapshot-'))
  })
  afterEach(() => rm(snapshotDir, { recursive: true, force: true }))

  it(
    'saves one on the first call and answers the same from it on the second, without saving again',
    async () => {
      const first = await cliWithSnapshots('ask', 'When was the ceasefire announced?', '--json')
      expect(first.code).toBe(0)
      const file = await snapshotFile()
      const savedAt = (await stat(file)).mtimeMs
      const second = await cliWithSnapshots('ask', 'When was the ceasefire announced?', '--json')
      expect(second).toEqual({ code: 0, stdout: first.stdout, stderr: '' })
      expect((await stat(file)).mtimeMs).toBe(savedAt)
    },
    SPAWNS_TIMEOUT_MS,
  )

  it(
    'reads the snapshot: a damaged one is reported on stderr and rebuilt, stdout still one JSON document',
    async () => {
      expect((await cliWithSnapshots('articles', '--json')).code).toBe(0)
      const file = await snapshotFile()
      await writeFile(file, (await readFile(file)).subarray(0, 5_000))
      const { code, stdout, stderr } = await cliWithSnapshots('articles', '--json')
      expect(code).toBe(0)
      expect(onlyJson(stdout)).toHaveProperty('articles')
      expect(stderr).toMatch(/^snapshot: .* is corrupted \(.*\); rebuilding\n$/)
    },
    SPAWNS_TIMEOUT_MS,
  )

  it('neither reads nor writes one with --no-snapshot', async () => {
    const { code, stdout } = await cliWithSnapshots('articles', '--json', '--no-snapshot')
    expect(code).toBe(0)
    expect(onlyJson(stdout)).toHaveProperty('articles')
    expect(await readdir(snapshotDir)).toEqual([])
  })
})
