import { once } from 'node:events'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runEntry } from '../support/spawn.js'

const cli = (...args: string[]) => runEntry('cli.ts', args)
const PAGES = path.join(REPO_ROOT, 'test/fixtures/pages')
const NEWS_PAGE = path.join(PAGES, 'news-article.html')
const CONTRACT_KEYS = ['articleBody', 'byline', 'date', 'headline', 'language', 'paragraphs', 'site', 'url']

describe('cli extract FILE', () => {
  it('prints the article as one JSON document with the contract fields', async () => {
    const { code, stdout } = await cli('extract', NEWS_PAGE, '--json', '--url', 'https://frontier-ledger.example/amp/story')
    expect(code).toBe(0)
    const article = JSON.parse(stdout) as Record<string, unknown> & { paragraphs: string[] }
    expect(Object.keys(article).sort()).toEqual(CONTRACT_KEYS)
    expect(article).toMatchObject({
      url: 'https://frontier-ledger.example/world/2025/11/pakistan-afghanistan-diplomatic-engagement',
      byline: 'Naeem Mehboob',
      date: '2025-11-06T04:30:00Z',
      site: 'The Frontier Ledger',
      language: 'en',
    })
    expect(article.paragraphs).toHaveLength(15)
    expect(article.articleBody).toBe(article.paragraphs.join('\n\n'))
  })

  it('prints readable text without --json', async () => {
    const { code, stdout } = await cli('extract', NEWS_PAGE)
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^Pakistan Says Diplomatic Engagement With Afghanistan Ongoing Despite Terrorism Concerns\nBy Naeem Mehboob · 2025-11-06T04:30:00Z · The Frontier Ledger/,
    )
    expect(stdout).toContain('15 paragraphs')
    expect(stdout).not.toContain('Sign up')
  })

  it('says there is no article text on a paywall page, and exits 1', async () => {
    const { code, stdout, stderr } = await cli('extract', path.join(PAGES, 'paywall.html'), '--json')
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ error: 'no-article-text' })
    expect(stderr).toContain('paywall')
  })

  it.each([
    { name: 'a missing file', args: ['extract', 'no-such-page.html'], message: 'cannot read no-such-page.html' },
    {
      name: 'no file at all (the other usage errors: test/textCommands/extractCommand.test.ts)',
      args: ['extract'],
      message: 'extract needs one FILE or URL',
    },
  ])('exits 2 for $name', async ({ args, message }) => {
    const { code, stdout, stderr } = await cli(...args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
  })
})

describe('cli extract URL', () => {
  let server: Server
  let base = ''
  beforeAll(async () => {
    const page = await readFile(NEWS_PAGE)
    server = createServer((request, response) => {
      if (request.url === '/story') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        response.end(page)
      } else {
        response.writeHead(404).end()
      }
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('fetches a page the operator allowed (FETCH_ALLOW_PRIVATE_HOSTS) and prints its article', async () => {
    const { code, stdout } = await runEntry('cli.ts', ['extract', `${base}/story`, '--json'], {
      env: { FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' },
    })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ byline: 'Naeem Mehboob', site: 'The Frontier Ledger' })
  })

  it('refuses a loopback address nobody allowed, and exits 1 with the reason', async () => {
    const { code, stdout, stderr } = await runEntry('cli.ts', ['extract', `${base}/story`], { env: { FETCH_ALLOW_PRIVATE_HOSTS: '' } })
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('not allowed')
  })
})

describe('cli extract --batch DIR', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'byline-extract-'))
    await copyFile(NEWS_PAGE, path.join(dir, 'story-a.html'))
    await writeFile(path.join(dir, 'story-b.html.gz'), gzipSync(await readFile(NEWS_PAGE)))
    await copyFile(path.join(PAGES, 'script-only.html'), path.join(dir, 'empty-app.html'))
    await writeFile(path.join(dir, 'notes.txt'), 'not a page')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('prints one JSON line per .html and .html.gz file, with its id, in file-name order', async () => {
    const { code, stdout, stderr } = await cli('extract', '--batch', dir, '--json')
    expect(code).toBe(0)
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((line) => line.id)).toEqual(['empty-app', 'story-a', 'story-b'])
    expect(lines[0]).toMatchObject({ error: 'no-article-text', paragraphs: [], articleBody: '' })
    expect(Object.keys(lines[1] ?? {}).sort()).toEqual(['id', ...CONTRACT_KEYS].sort())
    expect(lines[2]).toEqual({ ...lines[1], id: 'story-b' })
    expect(stderr).toMatch(/extract: 3 pages, [\d.]+ ms median, [\d.]+ ms p90 a page/)
  })
})
