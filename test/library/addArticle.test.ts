import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { answerQuestion } from '../../src/answer/ask.js'
import { listSpeakers } from '../../src/answer/speakers.js'
import { type ArticleFileSystem, nodeArticleFileSystem } from '../../src/corpus/articleFile.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import type { CorpusWatch } from '../../src/corpus/watchCorpus.js'
import { createLibraryHolder, type HolderOptions, type LibraryHolder, type NewArticle } from '../../src/library/libraryHolder.js'
import { type LibrarySource, openLibrary, watchAndReload } from '../../src/library/libraryLoader.js'

const A = '400000000000000001'
const B = '400000000000000002'
const SHARED = 'Harbour wall repairs begin\nRepairs to the harbour wall in Port Elvane began on Monday.\n'
const STORY: NewArticle = {
  headline: 'Marsh reeds harvested early',
  byline: 'Ada Quint',
  date: '2026-03-02',
  url: 'https://news.example/marsh-reeds?utm_source=feed',
  source: 'Example News',
  paragraphs: ['"The reed harvest was the best in years," said Ondine Farrow, the warden.', 'Cutting began in the\n\nnorth fen.'],
}

let dir = ''
let source: LibrarySource
let watch: CorpusWatch | null = null
let reloads = 0
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'byline-add-'))
  await mkdir(path.join(dir, 'corpus'))
  await writeFile(path.join(dir, 'corpus', 'harbour.txt'), SHARED)
  source = { corpusDir: path.join(dir, 'corpus'), snapshotDir: null, codeVersion: 'test' }
  reloads = 0
})
afterEach(async () => {
  watch?.close()
  watch = null
  await rm(dir, { recursive: true, force: true })
})

const hooks = { log: () => undefined, onProgress: null }
async function holderWith(options: Partial<HolderOptions> = {}): Promise<LibraryHolder> {
  return createLibraryHolder(
    await openLibrary(source, hooks),
    (current) => {
      reloads++
      return openLibrary(source, hooks, current)
    },
    { corpusDir: source.corpusDir, ...options },
  )
}
const top = (holder: LibraryHolder, server: string | null, question: string) =>
  answerQuestion(holder.viewFor(server), question).results[0] ?? null
const filesIn = async (folder: string) => (await readdir(folder).catch(() => [] as string[])).sort()

describe('addArticle', () => {
  it('saves the article as Markdown in the server folder and answers from it at once, in that server only', async () => {
    const holder = await holderWith()
    const outcome = await holder.addArticle(A, STORY, { addedBy: '500000000000000001', now: new Date('2026-03-03T10:00:00Z') })
    expect(outcome).toEqual({ status: 'added', id: 'marsh-reeds-harvested-early', file: `servers/${A}/marsh-reeds-harvested-early.md` })
    expect(top(holder, A, 'reed harvest')?.article).toBe('marsh-reeds-harvested-early')
    expect(top(holder, A, 'reed harvest')?.speakers).toEqual([{ name: 'Ondine Farrow', title: null, role: 'the warden' }])
    expect(top(holder, B, 'reed harvest')).toBeNull()
    expect(top(holder, null, 'reed harvest')).toBeNull()
    expect(listSpeakers(holder.viewFor(A), { name: 'Ondine' }).speakers.map((speaker) => speaker.name)).toEqual(['Ondine Farrow'])
    expect(reloads).toBe(0)
    const text = await readFile(path.join(source.corpusDir, 'servers', A, 'marsh-reeds-harvested-early.md'), 'utf8')
    expect(text).toBe(
      [
        '---',
        'title: "Marsh reeds harvested early"',
        'author: "Ada Quint"',
        'date: "2026-03-02"',
        'url: "https://news.example/marsh-reeds?utm_source=feed"',
        'source: "Example News"',
        'added_by: "500000000000000001"',
        'added_at: "2026-03-03T10:00:00.000Z"',
        '---',
        '',
        '"The reed harvest was the best in years," said Ondine Farrow, the warden.',
        '',
        'Cutting began in the north fen.',
        '',
      ].join('\n'),
    )
    // What a full load reads from that file is the article answered now.
    const loaded = await loadCorpus(source.corpusDir)
    expect(loaded.problems).toEqual([])
    expect(loaded.articles.find((article) => article.server === A)).toEqual(
      holder.viewFor(A).articleById.get(outcome.status === 'added' ? outcome.id : ''),
    )
  })

  it.each([
    {
      name: 'the same canonical URL',
      story: { ...STORY, paragraphs: ['Other words entirely.'], url: 'http://www.news.example/marsh-reeds/#top' },
    },
    {
      name: 'the same text',
      story: { ...STORY, url: null, headline: 'Another headline', paragraphs: STORY.paragraphs.map((p) => p.toUpperCase()) },
    },
  ])('finds a duplicate by $name and saves nothing', async ({ story }) => {
    const holder = await holderWith()
    await holder.addArticle(A, STORY, { addedBy: null })
    expect(await holder.addArticle(A, story, { addedBy: null })).toEqual({ status: 'duplicate', id: 'marsh-reeds-harvested-early' })
    expect(await filesIn(path.join(source.corpusDir, 'servers', A))).toEqual(['marsh-reeds-harvested-early.md'])
  })

  it("adds the same story in another server (another server's article is not a duplicate), and a shared one is", async () => {
    const holder = await holderWith()
    await holder.addArticle(A, STORY, { addedBy: null })
    expect((await holder.addArticle(B, STORY, { addedBy: null })).status).toBe('added')
    const shared = { ...STORY, url: null, paragraphs: ['Repairs to the harbour wall in Port Elvane began on Monday.'] }
    expect(await holder.addArticle(B, shared, { addedBy: null })).toEqual({ status: 'duplicate', id: 'harbour' })
  })

  it('picks a free slug when the headline is taken in the view', async () => {
    const holder = await holderWith()
    const outcome = await holder.addArticle(A, { ...STORY, url: null, headline: 'Harbour', paragraphs: ['New text.'] }, { addedBy: null })
    expect(outcome).toMatchObject({ status: 'added', id: 'harbour-2' })
  })

  it('skips a name taken on disk by a file that did not load', async () => {
    await mkdir(path.join(source.corpusDir, 'servers', A), { recursive: true })
    await writeFile(path.join(source.corpusDir, 'servers', A, 'marsh-reeds-harvested-early.md'), '')
    const holder = await holderWith()
    expect(await holder.addArticle(A, STORY, { addedBy: null })).toMatchObject({ status: 'added', id: 'marsh-reeds-harvested-early-2' })
    expect(await readFile(path.join(source.corpusDir, 'servers', A, 'marsh-reeds-harvested-early.md'), 'utf8')).toBe('')
  })

  it.each([
    { name: 'too many articles', options: { maxArticlesPerServer: 1 }, adds: 1, reason: 'too-many-articles' },
    { name: 'too many additions in an hour', options: { maxAdditionsPerHour: 2 }, adds: 2, reason: 'too-many-additions' },
    { name: 'no paragraphs', options: {}, adds: 0, reason: 'no-paragraphs', story: { ...STORY, paragraphs: ['  ', '\n'] } },
  ])('refuses $name and writes nothing', async ({ options, adds, reason, story }) => {
    const holder = await holderWith(options)
    const now = new Date('2026-03-03T10:00:00Z')
    for (let i = 0; i < adds; i++)
      await holder.addArticle(A, { ...STORY, url: null, paragraphs: [`Story ${i}.`], headline: `Story ${i}` }, { addedBy: null, now })
    const before = await filesIn(path.join(source.corpusDir, 'servers', A))
    const outcome = await holder.addArticle(A, story ?? STORY, { addedBy: null, now })
    expect(outcome).toMatchObject({ status: 'refused', reason, message: expect.any(String) })
    expect(await filesIn(path.join(source.corpusDir, 'servers', A))).toEqual(before)
    expect(top(holder, A, 'reed harvest')).toBeNull()
  })

  it('counts additions per hour: an hour later the server may add again', async () => {
    const holder = await holderWith({ maxAdditionsPerHour: 1 })
    await holder.addArticle(A, { ...STORY, url: null, paragraphs: ['First.'] }, { addedBy: null, now: new Date('2026-03-03T10:00:00Z') })
    expect((await holder.addArticle(A, STORY, { addedBy: null, now: new Date('2026-03-03T10:30:00Z') })).status).toBe('refused')
    expect((await holder.addArticle(A, STORY, { addedBy: null, now: new Date('2026-03-03T11:00:01Z') })).status).toBe('added')
  })

  it.each([
    { name: 'the temporary file cannot be written', fail: 'writeFile' as const },
    { name: 'the file cannot be given its name', fail: 'link' as const },
  ])('leaves nothing on disk and nothing answerable when $name', async ({ fail }) => {
    const failing: ArticleFileSystem = {
      ...nodeArticleFileSystem,
      [fail]: async (target: string) => {
        if (fail === 'writeFile') await writeFile(target, 'half an arti')
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      },
    }
    const holder = await holderWith({ fileSystem: failing })
    expect(await holder.addArticle(A, STORY, { addedBy: null })).toEqual({
      status: 'refused',
      reason: 'write-failed',
      message: 'The article could not be saved (ENOSPC).',
    })
    expect(await filesIn(path.join(source.corpusDir, 'servers', A))).toEqual([])
    expect(top(holder, A, 'reed harvest')).toBeNull()
  })

  it('throws for a server that is not a server id (a path trick)', async () => {
    const holder = await holderWith()
    expect(() => holder.addArticle('../../etc', STORY, { addedBy: null })).toThrow(/not a server id/)
  })
})

describe('removeArticle', () => {
  it("deletes the file and the article's answers, in its own server only", async () => {
    const holder = await holderWith()
    await holder.addArticle(A, STORY, { addedBy: null })
    expect(await holder.removeArticle(B, 'marsh-reeds-harvested-early')).toEqual({ status: 'not-found' })
    expect(await holder.removeArticle(A, 'harbour')).toEqual({ status: 'not-found' })
    expect(await holder.removeArticle(A, 'marsh-reeds-harvested-early')).toEqual({ status: 'removed', id: 'marsh-reeds-harvested-early' })
    expect(top(holder, A, 'reed harvest')).toBeNull()
    expect(listSpeakers(holder.viewFor(A)).speakers.map((speaker) => speaker.name)).not.toContain('Ondine Farrow')
    expect(await filesIn(path.join(source.corpusDir, 'servers', A))).toEqual([])
    expect(top(holder, A, 'harbour wall')?.article).toBe('harbour')
  })
})

describe('the folder watch, one file at a time', () => {
  const EXTRA = 'Lighthouse keepers return to Skerryvore\nThe Northern Lighthouse Board said the keepers would return in May.\n'
  async function watched() {
    const logs: string[] = []
    const holder = await holderWith()
    watch = watchAndReload(source.corpusDir, holder, (line) => logs.push(line), { debounceMs: 50 })
    return { holder, logs }
  }

  it('indexes a file copied in, a changed file and a deleted one without a rebuild', async () => {
    const { holder, logs } = await watched()
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    await vi.waitFor(() => expect(top(holder, null, 'Skerryvore keepers')?.article).toBe('extra'), { timeout: 10_000 })
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA.replace('in May', 'in June'))
    await vi.waitFor(() => expect(top(holder, null, 'Skerryvore keepers')?.text).toContain('in June'), { timeout: 10_000 })
    await unlink(path.join(source.corpusDir, 'extra.txt'))
    await vi.waitFor(() => expect(top(holder, null, 'Skerryvore keepers')).toBeNull(), { timeout: 10_000 })
    expect(reloads).toBe(0)
    expect(logs.filter((line) => line.includes('without a rebuild'))).toHaveLength(3)
  })

  it("indexes a file copied into a server folder for that server only, and ignores the holder's own writes", async () => {
    const { holder } = await watched()
    await mkdir(path.join(source.corpusDir, 'servers', A), { recursive: true })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await writeFile(path.join(source.corpusDir, 'servers', A, 'extra.txt'), EXTRA)
    await vi.waitFor(() => expect(top(holder, A, 'Skerryvore keepers')?.article).toBe('extra'), { timeout: 10_000 })
    expect(top(holder, B, 'Skerryvore keepers')).toBeNull()
    const added = await holder.addArticle(A, STORY, { addedBy: null })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(holder.viewFor(A).articles.map((article) => article.id)).toEqual(['harbour', 'extra', added.status === 'added' ? added.id : ''])
  })

  it('reports a broken file and reloads for a change it cannot apply alone', async () => {
    const { holder } = await watched()
    await writeFile(path.join(source.corpusDir, 'broken.txt'), Buffer.from([0x48, 0x00, 0x49]))
    await vi.waitFor(() => expect(holder.problems()).toEqual(['corpus: skipped broken.txt: is binary (it contains NUL bytes)']), {
      timeout: 10_000,
    })
    // A server's file with a shared article's id is for the loader to judge: a reload.
    await mkdir(path.join(source.corpusDir, 'servers', A), { recursive: true })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await writeFile(path.join(source.corpusDir, 'servers', A, 'harbour.txt'), EXTRA)
    await vi.waitFor(
      () => expect(holder.problems()).toContain(`corpus: skipped servers/${A}/harbour.txt: has the same id "harbour" as harbour.txt`),
      { timeout: 10_000 },
    )
    expect(reloads).toBeGreaterThan(0)
  })
})
