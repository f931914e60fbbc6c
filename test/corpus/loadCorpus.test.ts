import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { formatProblem, loadCorpus } from '../../src/corpus/loadCorpus.js'

const SEED_ID = '000_964c6f0d203bd963'
const CORPUS = path.resolve(import.meta.dirname, '../../corpus')

const folders: string[] = []
async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'byline-corpus-'))
  folders.push(dir)
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content)
  return dir
}
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true })
})

describe('loadCorpus on the embedded corpus', () => {
  it('loads the seed article with its headline, byline and 15 paragraphs, and no problems', async () => {
    const { articles, problems } = await loadCorpus(CORPUS)
    expect(problems).toEqual([])
    const seed = articles.find((article) => article.id === SEED_ID)
    expect(seed?.headline).toBe('Pakistan Says Diplomatic Engagement With Afghanistan Ongoing Despite Terrorism Concerns')
    expect(seed?.byline).toBe('Naeem Mehboob')
    expect(seed?.paragraphs).toHaveLength(15)
    expect(seed?.paragraphs[2]).toMatch(/^In October 2025, Pakistan shut down/)
  })
})

describe('loadCorpus skips each kind of bad file with a reason', () => {
  const big = `Headline\n${'word '.repeat(500_000)}`
  it.each([
    { name: 'an empty file', file: 'empty.txt', content: '', reason: /is empty/ },
    { name: 'only white space', file: 'blank.md', content: ' \n\n \n', reason: /is empty/ },
    { name: 'a binary file', file: 'image.txt', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), reason: /binary/ },
    {
      name: 'invalid UTF-8',
      file: 'latin1.txt',
      content: Buffer.from([0x48, 0x65, 0x61, 0x64, 0xe9, 0x0a, 0x42, 0xff]),
      reason: /not valid UTF-8/,
    },
    { name: 'a headline and no paragraphs', file: 'headline.txt', content: 'Only a headline\n', reason: /no paragraphs/ },
    { name: 'a file over 2 MB', file: 'huge.txt', content: big + big, reason: /too large/ },
    { name: 'front matter that never closes', file: 'open.md', content: '---\ntitle: x\n\nBody', reason: /never closes/ },
    {
      name: 'front matter that is not YAML',
      file: 'yaml.md',
      content: '---\ntitle: "unclosed\n---\n\nBody text.',
      reason: /broken front matter/,
    },
    { name: 'front matter without a title', file: 'untitled.md', content: '---\nauthor: Jane\n---\n\nBody text.', reason: /no title/ },
    {
      name: 'a date that is not ISO 8601',
      file: 'date.md',
      content: '---\ntitle: T\ndate: last Tuesday\n---\n\nBody.',
      reason: /not ISO 8601/,
    },
    { name: 'markdown without front matter', file: 'bare.md', content: '# Title\n\nBody.', reason: /no front matter/ },
  ])('$name', async ({ file, content, reason }) => {
    const dir = await folderWith({ [file]: content, 'good.txt': 'A headline\nBy Jane Doe\nA paragraph.' })
    const { articles, problems } = await loadCorpus(dir)
    expect(articles.map((article) => article.id)).toEqual(['good'])
    expect(problems).toHaveLength(1)
    expect(problems[0]?.file).toBe(file)
    expect(problems[0]?.reason).toMatch(reason)
  })

  it('skips the second file of a duplicate id and names the first', async () => {
    const dir = await folderWith({ 'same.md': '---\ntitle: T\n---\n\nBody.', 'same.txt': 'Headline\nBody.' })
    const { articles, problems } = await loadCorpus(dir)
    expect(articles).toHaveLength(1)
    expect(problems).toEqual([{ file: 'same.txt', reason: 'has the same id "same" as same.md' }])
  })

  it('reports a dangling symbolic link and a folder named like an article', async () => {
    const dir = await folderWith({ 'good.txt': 'Headline\nBody.' })
    await symlink(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'))
    await mkdir(path.join(dir, 'folder.md'))
    const { problems } = await loadCorpus(dir)
    expect(problems.map(formatProblem)).toEqual([
      'corpus: skipped dangling.txt: cannot be read: it does not exist (deleted while loading?)',
      'corpus: skipped folder.md: is not a regular file',
    ])
  })

  it('throws a message naming the folder when the folder is missing', async () => {
    await expect(loadCorpus('/nonexistent/byline-corpus')).rejects.toThrow('corpus: cannot read the folder /nonexistent/byline-corpus')
  })
})

describe('parsing the two formats', () => {
  it.each([
    {
      name: 'txt with a "By" byline',
      file: 'a.txt',
      content: 'Headline here\nBy Jane Doe\nFirst.\nSecond.',
      expected: { headline: 'Headline here', byline: 'Jane Doe', paragraphs: ['First.', 'Second.'] },
    },
    {
      name: 'txt with a shouting name and colon',
      file: 'b.txt',
      content: 'Headline\nJOHN SMITH:\nFirst.',
      expected: { headline: 'Headline', byline: 'John Smith', paragraphs: ['First.'] },
    },
    {
      name: 'txt without byline',
      file: 'c.txt',
      content: 'Headline\nThe first paragraph: it has a colon.\nSecond.',
      expected: { headline: 'Headline', byline: null, paragraphs: ['The first paragraph: it has a colon.', 'Second.'] },
    },
    {
      name: 'txt with CRLF, BOM and blank-line paragraphs',
      file: 'd.txt',
      content: '\uFEFFHeadline\r\n\r\nOne line\r\nwrapped.\r\n\r\nTwo.\r\n',
      expected: { headline: 'Headline', byline: null, paragraphs: ['One line wrapped.', 'Two.'] },
    },
    {
      name: 'md with front matter',
      file: 'e.md',
      content:
        '---\ntitle: "A: quoted title"\nauthor: Jane Doe\ndate: 2025-10-19\nurl: https://example.com/a\nsource: Example\n---\n\nFirst\nline.\n\nSecond.\n',
      expected: {
        headline: 'A: quoted title',
        byline: 'Jane Doe',
        date: '2025-10-19',
        url: 'https://example.com/a',
        source: 'Example',
        paragraphs: ['First line.', 'Second.'],
      },
    },
  ])('$name', async ({ file, content, expected }) => {
    const dir = await folderWith({ [file]: content })
    const { articles, problems } = await loadCorpus(dir)
    expect(problems).toEqual([])
    expect(articles[0]).toMatchObject(expected)
  })
})

describe('loadCorpus reads per-server collections from servers/<server id>/', () => {
  const A = '200000000000000001'
  const B = '200000000000000002'
  async function corpusWith(files: Record<string, string>): Promise<string> {
    const dir = await folderWith({})
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
      await writeFile(path.join(dir, name), content)
    }
    return dir
  }

  it('loads shared articles first, then each server folder in id order, each article with its collection', async () => {
    const dir = await corpusWith({
      'shared.txt': 'Shared headline\nA paragraph.',
      [`servers/${B}/budget.md`]: '---\ntitle: B budget\n---\n\nBody.',
      [`servers/${A}/budget.md`]: '---\ntitle: A budget\n---\n\nBody.',
      [`servers/${A}/notes.txt`]: 'Notes\nBody.',
    })
    const { articles, problems } = await loadCorpus(dir)
    expect(problems).toEqual([])
    expect(articles.map(({ id, server, file }) => ({ id, server, file }))).toEqual([
      { id: 'shared', server: null, file: 'shared.txt' },
      { id: 'budget', server: A, file: `servers/${A}/budget.md` },
      { id: 'notes', server: A, file: `servers/${A}/notes.txt` },
      { id: 'budget', server: B, file: `servers/${B}/budget.md` },
    ])
  })

  it.each([
    { name: 'a folder name that is not digits', entry: 'servers/general/a.txt', problem: 'servers/general' },
    { name: 'a server id too short to be a snowflake', entry: 'servers/123/a.txt', problem: 'servers/123' },
    { name: 'digits and a letter', entry: 'servers/20000000000000000x/a.txt', problem: 'servers/20000000000000000x' },
    { name: 'a file where a server folder belongs', entry: 'servers/200000000000000003', problem: 'servers/200000000000000003' },
  ])('rejects $name with a problem and loads the rest', async ({ entry, problem }) => {
    const dir = await corpusWith({ 'shared.txt': 'Shared\nBody.', [entry]: 'Headline\nBody.' })
    const { articles, problems } = await loadCorpus(dir)
    expect(articles.map((article) => article.id)).toEqual(['shared'])
    expect(problems).toEqual([{ file: problem, reason: expect.stringMatching(/is not a server folder/) }])
  })

  it("skips a server's file whose id is a shared article's, naming the shared file", async () => {
    const dir = await corpusWith({ 'same.txt': 'Shared\nBody.', [`servers/${A}/same.md`]: '---\ntitle: T\n---\n\nBody.' })
    const { articles, problems } = await loadCorpus(dir)
    expect(articles.map((article) => article.server)).toEqual([null])
    expect(problems).toEqual([{ file: `servers/${A}/same.md`, reason: 'has the same id "same" as same.txt' }])
  })

  it('ignores hidden entries (an interrupted atomic write leaves a hidden temporary file)', async () => {
    const dir = await corpusWith({ [`servers/${A}/.budget.md.tmp`]: 'x', [`servers/${A}/ok.txt`]: 'OK\nBody.', 'servers/.DS_Store': '' })
    const { articles, problems } = await loadCorpus(dir)
    expect(problems).toEqual([])
    expect(articles.map((article) => article.id)).toEqual(['ok'])
  })
})
