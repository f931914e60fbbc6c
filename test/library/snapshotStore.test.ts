import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashCorpus, readSnapshot, type SnapshotPart, saveSnapshot, snapshotKey, snapshotPath } from '../../src/library/snapshotStore.js'

let dir = ''
let file = ''
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'byline-store-'))
  file = path.join(dir, 'cache', 'library.snapshot')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const PARTS: SnapshotPart[] = [
  { name: 'articles', data: () => JSON.stringify([{ id: 'a', text: 'Dans l’œuvre — “quoted”\nend 00 part x 3' }]) },
  { name: 'empty', data: () => '' },
  { name: 'index', data: () => '{"n":1}' },
]

describe('saveSnapshot and readSnapshot', () => {
  it('gives back every part as written, multi-byte text and lookalike lines included', async () => {
    await saveSnapshot(file, 'key-1', PARTS)
    const read = await readSnapshot(file, 'key-1')
    expect(read.status).toBe('ok')
    if (read.status !== 'ok') return
    expect([...read.parts].map(([name, bytes]) => [name, bytes.toString('utf8')])).toEqual(PARTS.map((part) => [part.name, part.data()]))
  })

  it('keeps binary parts byte for byte', async () => {
    const bytes = Uint8Array.from([0, 255, 10, 13, 0x65, 0x6e, 0x64, 32])
    await saveSnapshot(file, 'key-1', [{ name: 'binary', data: () => bytes }])
    const read = await readSnapshot(file, 'key-1')
    expect(read.status === 'ok' && [...(read.parts.get('binary') ?? [])]).toEqual([...bytes])
  })

  it('reports a missing snapshot', async () => {
    expect((await readSnapshot(file, 'key-1')).status).toBe('missing')
  })

  it('reports a snapshot written for another key as stale', async () => {
    await saveSnapshot(file, 'key-1', PARTS)
    expect(await readSnapshot(file, 'key-2')).toMatchObject({ status: 'stale' })
  })

  it.each([
    { name: 'truncated', damage: (bytes: Buffer) => bytes.subarray(0, bytes.length - 40) },
    { name: 'one byte changed', damage: (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 60), Buffer.from('X'), bytes.subarray(61)]) },
    { name: 'cut after the header', damage: (bytes: Buffer) => bytes.subarray(0, bytes.indexOf(0x0a) + 1) },
    { name: 'not a snapshot', damage: () => Buffer.from('hello\n') },
    { name: 'empty', damage: () => Buffer.alloc(0) },
  ])('reports a $name file as corrupted', async ({ damage }) => {
    await saveSnapshot(file, 'key-1', PARTS)
    await writeFile(file, damage(await readFile(file)))
    expect((await readSnapshot(file, 'key-1')).status).toBe('corrupted')
  })

  it('leaves no partial file and keeps the previous snapshot when a write fails', async () => {
    await saveSnapshot(file, 'key-1', PARTS)
    const failing: SnapshotPart[] = [
      PARTS[0] as SnapshotPart,
      {
        name: 'index',
        data: () => {
          throw new Error('serialiser failed')
        },
      },
    ]
    await expect(saveSnapshot(file, 'key-2', failing)).rejects.toThrow('serialiser failed')
    expect(await readdir(path.dirname(file))).toEqual(['library.snapshot'])
    expect((await readSnapshot(file, 'key-1')).status).toBe('ok')
  })

  it('replaces the previous snapshot as a whole', async () => {
    await saveSnapshot(file, 'key-1', PARTS)
    await saveSnapshot(file, 'key-2', [{ name: 'only', data: () => 'new' }])
    const read = await readSnapshot(file, 'key-2')
    expect(read.status === 'ok' && [...read.parts].map(([name, bytes]) => [name, bytes.toString('utf8')])).toEqual([['only', 'new']])
    expect(await readdir(path.dirname(file))).toEqual(['library.snapshot'])
  })
})

describe('snapshot keys', () => {
  it('changes the corpus hash when an article is added, changed or renamed, not for other files', async () => {
    const corpus = path.join(dir, 'corpus')
    await mkdir(corpus)
    await writeFile(path.join(corpus, 'a.txt'), 'Headline\nOne paragraph.\n')
    const first = await hashCorpus(corpus)
    await writeFile(path.join(corpus, 'notes.json'), '{}')
    await writeFile(path.join(corpus, '.hidden.txt'), 'x')
    expect(await hashCorpus(corpus)).toBe(first)
    await writeFile(path.join(corpus, 'a.txt'), 'Headline\nOne paragraph changed.\n')
    const changed = await hashCorpus(corpus)
    expect(changed).not.toBe(first)
    await writeFile(path.join(corpus, 'b.md'), '---\ntitle: B\n---\n\nText.\n')
    expect(await hashCorpus(corpus)).not.toBe(changed)
  })

  it('throws naming the folder when the corpus cannot be read', async () => {
    await expect(hashCorpus(path.join(dir, 'nope'))).rejects.toThrow(/^corpus: cannot read the folder .*nope/)
  })

  it('keys on the corpus, the code and the options', () => {
    const base = { corpus: 'c', code: 'v1', options: { maxFileBytes: 1 } }
    const key = snapshotKey(base)
    expect(snapshotKey({ ...base })).toBe(key)
    expect(snapshotKey({ ...base, corpus: 'd' })).not.toBe(key)
    expect(snapshotKey({ ...base, code: 'v2' })).not.toBe(key)
    expect(snapshotKey({ ...base, options: { maxFileBytes: 2 } })).not.toBe(key)
  })

  it('gives each corpus folder its own snapshot file', () => {
    expect(snapshotPath('.cache', 'corpus')).not.toBe(snapshotPath('.cache', 'other'))
    expect(snapshotPath('.cache', 'corpus')).toBe(snapshotPath('.cache', './corpus/'))
  })
})
