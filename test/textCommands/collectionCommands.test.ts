import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runEntry } from '../support/spawn.js'

// `cli -- add` and `cli -- remove` change the corpus folder through the same holder the bot uses.
const SERVER = '200000000000000001'
const STORY =
  'Tram line opens in the old town\nBy Aino Virtanen\nThe new tram line opened on Friday after two years of work.\n"It is quiet and quick," said Pekka Laine, who rode the first tram.\n'

describe('cli add and remove', () => {
  let dir = ''
  let corpus = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'byline-add-'))
    corpus = path.join(dir, 'corpus')
    await writeFile(path.join(dir, 'tram.txt'), STORY)
    await writeFile(path.join(dir, 'notes.pdf'), '%PDF-1.7')
    await mkdir(corpus)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const cli = (...args: string[]) => runEntry('cli.ts', [...args, '--corpus', corpus])

  it('adds a story file to a server and prints its brief as JSON', async () => {
    const { code, stdout } = await cli('add', path.join(dir, 'tram.txt'), '--server', SERVER, '--json')
    expect(code).toBe(0)
    const added = JSON.parse(stdout) as { status: string; id: string; speakers: Array<{ name: string }> }
    expect(added).toMatchObject({ status: 'added', id: 'tram-line-opens-in-the-old-town' })
    expect(added.speakers.map((speaker) => speaker.name)).toContain('Pekka Laine')
    expect(await readdir(path.join(corpus, 'servers', SERVER))).toEqual(['tram-line-opens-in-the-old-town.md'])
  })

  it('shows it in that server’s view only', async () => {
    expect((await cli('articles', '--server', SERVER)).stdout).toContain('Tram line opens')
    expect((await cli('articles')).stdout).not.toContain('Tram line opens')
  })

  it('says the same story is already there', async () => {
    const { code, stdout } = await cli('add', path.join(dir, 'tram.txt'), '--server', SERVER)
    expect(code).toBe(0)
    expect(stdout).toContain('already here as tram-line-opens-in-the-old-town')
  })

  it.each([
    { name: 'a file of another kind', args: ['add', 'PDF', '--server', SERVER], message: 'notes.pdf is not a story file' },
    { name: 'a missing file', args: ['add', 'missing.txt'], message: 'cannot read' },
    { name: 'an article of another collection', args: ['remove', 'tram-line-opens-in-the-old-town'], message: 'among the shared articles' },
    { name: 'two links at once', args: ['add', 'https://a.example/1', 'https://b.example/2'], message: 'add needs one link or file' },
  ])('refuses $name with exit code 2', async ({ args, message }) => {
    const { code, stderr } = await cli(...args.map((arg) => (arg === 'PDF' ? path.join(dir, 'notes.pdf') : arg)))
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })

  it('removes it from the server, file and all', async () => {
    const { code, stdout } = await cli('remove', 'tram-line-opens-in-the-old-town', '--server', SERVER)
    expect(code).toBe(0)
    expect(stdout).toContain('Removed tram-line-opens-in-the-old-town')
    expect(await readdir(path.join(corpus, 'servers', SERVER))).toEqual([])
  })
})
