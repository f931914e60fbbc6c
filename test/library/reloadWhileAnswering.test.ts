import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/ask.js'
import type { Library } from '../../src/library/library.js'
import { createLibraryHolder } from '../../src/library/libraryHolder.js'
import { type LibrarySource, openLibrary } from '../../src/library/libraryLoader.js'

// A reload must not stop the bot answering: the new library's snapshot is loaded in small steps,
// and an interaction that arrives meanwhile is answered from the previous library before the
// load ends. The pause below gives the thread back after every step, as the 20 ms slices do on a
// corpus large enough to need them, so the test needs no timing and no huge corpus.

const SEED = 'corpus/000_964c6f0d203bd963.txt'
const EXTRA =
  'Lighthouse keepers return to Skerryvore\nThe Northern Lighthouse Board said the keepers would return to the Skerryvore rock in May.\n'
const COPIES = 30

let dir = ''
let source: LibrarySource
const hooks = { log: () => undefined, onProgress: null }

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'byline-reload-answering-'))
  await mkdir(path.join(dir, 'corpus'))
  for (let i = 0; i < COPIES; i++) await copyFile(SEED, path.join(dir, 'corpus', `seed-${i}.txt`))
  source = { corpusDir: path.join(dir, 'corpus'), snapshotDir: path.join(dir, 'cache'), codeVersion: 'test' }
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a reload in progress', () => {
  it('lets a question be answered from the previous library before the new one is loaded', async () => {
    let isLoading = false
    let steps = 0
    const pause = async () => {
      isLoading = true
      steps++
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    const holder = createLibraryHolder(await openLibrary(source, hooks), (current) => openLibrary(source, { ...hooks, pause }, current))
    const before = holder.current()
    await writeFile(path.join(source.corpusDir, 'extra.txt'), EXTRA)
    // What the background worker does: build the new library and save its snapshot, so the
    // reload below only loads it.
    expect((await openLibrary(source, hooks)).from).toBe('build')

    const events: string[] = []
    let answeredFrom: Library | null = null
    const reloading = holder.reload().then((outcome) => {
      events.push('reloaded')
      return outcome
    })
    // An interaction arriving while the snapshot loads.
    await new Promise<void>((resolve) => {
      const tryToAnswer = () => {
        if (events.includes('reloaded')) return resolve()
        if (!isLoading) return void setImmediate(tryToAnswer)
        answeredFrom = holder.current()
        const answer = answerQuestion(answeredFrom, 'When was the ceasefire announced?')
        events.push(answer.results.length > 0 ? 'answered' : 'no answer')
        resolve()
      }
      setImmediate(tryToAnswer)
    })
    const outcome = await reloading

    expect(events).toEqual(['answered', 'reloaded'])
    expect(answeredFrom).toBe(before)
    expect(outcome.status).toBe('reloaded')
    expect(holder.current().articles).toHaveLength(COPIES + 1)
    // Many small steps, not one long one.
    expect(steps).toBeGreaterThan(COPIES)
  })
})
