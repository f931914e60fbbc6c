import { copyFile, mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { answerQuestion } from '../../src/answer/ask.js'
import type { CorpusWatch } from '../../src/corpus/watchCorpus.js'
import { buildLibrary, type Library } from '../../src/library/library.js'
import { createLibraryHolder, type LoadedLibrary } from '../../src/library/libraryHolder.js'
import { type LibrarySource, openLibrary, rebuildInBackground, watchAndReload } from '../../src/library/libraryLoader.js'
import { snapshotPath } from '../../src/library/snapshotStore.js'

const SEED = 'corpus/000_964c6f0d203bd963.txt'
const EXTRA =
  'Lighthouse keepers return to Skerryvore\nThe Northern Lighthouse Board said the keepers would return to the Skerryvore rock in May.\n'

let dir = ''
let source: LibrarySource
let logs: string[] = []
let watch: CorpusWatch | null = null
const hooks = { log: (line: string) => logs.push(line), onProgress: null }

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'byline-reload-'))
  await mkdir(path.join(dir, 'corpus'))
  await copyFile(SEED, path.join(dir, 'corpus', 'seed.txt'))
  source = { corpusDir: path.join(dir, 'corpus'), snapshotDir: path.join(dir, 'cache'), codeVersion: 'test' }
  logs = []
})
afterEach(async () => {
  watch?.close()
  watch = null
  await rm(dir, { recursive: true, force: true })
})

const ids = (library: Library) => library.articles.map((article) => article.id)
const topText = (library: Library, question: string) => answerQuestion(library, question).results[0]?.text ?? null

describe('openLibrary', () => {
  it('builds and saves on the first start, then loads the snapshot with the same answers', async () => {
    const first = await openLibrary(source, hooks)
    const second = await openLibrary(source, hooks)
    expect([first.from, second.from]).toEqual(['build', 'snapshot'])
    expect(topText(second.library, 'ceasefire announced')).toBe(topText(first.library, 'ceasefire announced'))
    expect(logs).toEqual([])
  })

  it('rebuilds with a log line, never a crash, when the snapshot is corrupted', async () => {
    await openLibrary(source, hooks)
    await writeFile(snapshotPath(source.snapshotDir as string, source.corpusDir), 'byline-snapshot 1 garbage')
    const opened = await openLibrary(source, hooks)
    expect(opened.from).toBe('build')
    expect(logs).toEqual([expect.stringMatching(/^snapshot: .* is corrupted \(.*\); rebuilding$/)])
    expect((await openLibrary(source, hooks)).from).toBe('snapshot')
  })

  it.each([
    { name: 'the corpus changed', change: () => writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA) },
    {
      name: 'the code changed',
      change: async () => {
        source = { ...source, codeVersion: 'test-2' }
      },
    },
  ])('rebuilds with a log line when the snapshot is stale: $name', async ({ change }) => {
    await openLibrary(source, hooks)
    await change()
    expect((await openLibrary(source, hooks)).from).toBe('build')
    expect(logs).toEqual([expect.stringMatching(/is stale .*; rebuilding$/)])
  })

  it('keeps working without snapshots when the snapshot folder cannot be written', async () => {
    await writeFile(path.join(dir, 'not-a-folder'), '')
    const opened = await openLibrary({ ...source, snapshotDir: path.join(dir, 'not-a-folder') }, hooks)
    expect(ids(opened.library)).toEqual(['seed'])
    expect(logs).toEqual([expect.stringMatching(/^snapshot: cannot save .*; the next start will build again$/)])
  })

  it('reuses the attribution of unchanged articles from a stale snapshot', async () => {
    const first = await openLibrary(source, hooks)
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    const second = await openLibrary(source, hooks)
    expect(second.from).toBe('build')
    expect(second.library.attributions.get('seed')).toEqual(first.library.attributions.get('seed'))
    expect(ids(second.library)).toEqual(['extra', 'seed'])
  })

  it('reports the skipped files of a snapshot as it did when building', async () => {
    await writeFile(path.join(source.corpusDir, 'broken.md'), '')
    const first = await openLibrary(source, hooks)
    const second = await openLibrary(source, hooks)
    expect(second.from).toBe('snapshot')
    expect(second.problems).toEqual(first.problems)
    expect(second.problems).toEqual(['corpus: skipped broken.md: is empty'])
  })
})

describe('rebuildInBackground', () => {
  it('builds in a worker thread and swaps in the library it saved, answering from the old one meanwhile', async () => {
    const holder = createLibraryHolder(await openLibrary(source, hooks), (current) => rebuildInBackground(source, hooks, current))
    const before = holder.current()
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    const reloading = holder.reload()
    expect(holder.current()).toBe(before)
    expect(topText(holder.current(), 'ceasefire announced')).toContain('ceasefire')
    const outcome = await reloading
    expect(outcome.status).toBe('reloaded')
    expect(ids(holder.current())).toEqual(['extra', 'seed'])
    expect(topText(holder.current(), 'Skerryvore keepers')).toContain('Skerryvore rock in May')
    // Logged by the worker; no "building here", so the worker did the build.
    expect(logs).toEqual([expect.stringMatching(/is stale .*; rebuilding$/)])
    expect((await holder.reload()).status).toBe('unchanged')
  })

  it('builds on its own thread when snapshots are off', async () => {
    const off = { ...source, snapshotDir: null }
    const holder = createLibraryHolder(await openLibrary(off, hooks), (current) => rebuildInBackground(off, hooks, current))
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    expect((await holder.reload()).status).toBe('reloaded')
    expect(ids(holder.current())).toEqual(['extra', 'seed'])
  })
})

describe('live reload', () => {
  async function startWatching() {
    const holder = createLibraryHolder(await openLibrary(source, hooks), (current) => openLibrary(source, hooks, current))
    watch = watchAndReload(source.corpusDir, holder, hooks.log, { debounceMs: 50 })
    return holder
  }

  it('swaps in a new library when a file is added, changed and removed', async () => {
    const holder = await startWatching()
    expect(ids(holder.current())).toEqual(['seed'])

    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    await vi.waitFor(() => expect(ids(holder.current())).toEqual(['extra', 'seed']), { timeout: 10_000 })
    expect(topText(holder.current(), 'Skerryvore keepers')).toContain('Skerryvore rock in May')

    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA.replace('in May', 'in June'))
    await vi.waitFor(() => expect(topText(holder.current(), 'Skerryvore keepers')).toContain('in June'), { timeout: 10_000 })

    await unlink(path.join(source.corpusDir, 'extra.txt'))
    await vi.waitFor(() => expect(ids(holder.current())).toEqual(['seed']), { timeout: 10_000 })
    expect(logs.filter((line) => line.startsWith('reload: '))).toHaveLength(3)
  })

  it('reports a broken new file and keeps the rest of the corpus working', async () => {
    const holder = await startWatching()
    await writeFile(path.join(source.corpusDir, 'broken.txt'), Buffer.from([0x48, 0x00, 0x49]))
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    await vi.waitFor(() => expect(ids(holder.current())).toEqual(['extra', 'seed']), { timeout: 10_000 })
    expect(holder.problems()).toEqual(['corpus: skipped broken.txt: is binary (it contains NUL bytes)'])
    expect(logs).toContain('corpus: skipped broken.txt: is binary (it contains NUL bytes)')
    expect(topText(holder.current(), 'ceasefire announced')).toContain('ceasefire')
  })

  it('ignores files that are not articles', async () => {
    const holder = await startWatching()
    const before = holder.current()
    await writeFile(path.join(source.corpusDir, 'notes.json'), '{}')
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    await vi.waitFor(() => expect(ids(holder.current())).toEqual(['extra', 'seed']), { timeout: 10_000 })
    expect(holder.current()).not.toBe(before)
    expect(await readdir(path.join(dir, 'cache'))).toHaveLength(1)
  })
})

describe('createLibraryHolder', () => {
  const seedLibrary = buildLibrary([])
  const otherLibrary = buildLibrary([])
  const initial: LoadedLibrary = { library: seedLibrary, problems: [], key: 'k1' }

  function deferred<T>() {
    let resolve: (value: T) => void = () => undefined
    let reject: (error: Error) => void = () => undefined
    const promise = new Promise<T>((ok, fail) => {
      resolve = ok
      reject = fail
    })
    return { promise, resolve, reject }
  }

  it('answers from the previous library while a rebuild runs, then swaps at once', async () => {
    const pending = deferred<LoadedLibrary | null>()
    const holder = createLibraryHolder(initial, () => pending.promise)
    const reloading = holder.reload()
    expect(holder.isReloading()).toBe(true)
    expect(holder.current()).toBe(seedLibrary)
    pending.resolve({ library: otherLibrary, problems: ['corpus: skipped x.md: is empty'], key: 'k2' })
    expect(await reloading).toEqual({
      status: 'reloaded',
      library: otherLibrary,
      problems: ['corpus: skipped x.md: is empty'],
      error: null,
    })
    expect(holder.current()).toBe(otherLibrary)
    expect(holder.isReloading()).toBe(false)
  })

  it('keeps the previous library when a rebuild fails', async () => {
    const holder = createLibraryHolder(initial, () => Promise.reject(new Error('corpus: cannot read the folder corpus')))
    expect(await holder.reload()).toEqual({
      status: 'failed',
      library: seedLibrary,
      problems: [],
      error: 'corpus: cannot read the folder corpus',
    })
    expect(holder.current()).toBe(seedLibrary)
  })

  it('reports an unchanged corpus without swapping', async () => {
    const holder = createLibraryHolder(initial, () => Promise.resolve(null))
    expect((await holder.reload()).status).toBe('unchanged')
    expect(holder.current()).toBe(seedLibrary)
  })

  it('runs one follow-up rebuild for all the reloads asked for during a rebuild', async () => {
    const runs = [deferred<LoadedLibrary | null>(), deferred<LoadedLibrary | null>()]
    let calls = 0
    const holder = createLibraryHolder(initial, () => (runs[calls++] as (typeof runs)[number]).promise)
    const first = holder.reload()
    const second = holder.reload()
    const third = holder.reload()
    expect(second).toBe(third)
    runs[0]?.resolve({ library: otherLibrary, problems: [], key: 'k2' })
    await first
    const latest = buildLibrary([])
    runs[1]?.resolve({ library: latest, problems: [], key: 'k3' })
    expect((await third).library).toBe(latest)
    expect(calls).toBe(2)
  })
})
