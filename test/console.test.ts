import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitConsoleLine } from '../src/console.js'
import { runEntry } from './support/spawn.js'

describe('npm start without a token', () => {
  it('opens the console with --console, answers /ask and leaves on /quit', async () => {
    const { code, stdout } = await runEntry('main.ts', ['--console'], {
      input: '/ask When was the ceasefire announced?\n/nonsense\n/quit\n/ask never reached\n',
    })
    expect(code).toBe(0)
    expect(stdout).toContain('No DISCORD_TOKEN')
    expect(stdout).toContain('**ceasefire**')
    expect(stdout).toContain('¶3 · Pakistan Says Diplomatic Engagement')
    expect(stdout).toContain('unknown command "nonsense"')
    expect(stdout).not.toContain('never reached')
  })

  it('adds a story file with /add and removes it with /remove, in the server given by --server', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'byline-console-'))
    await mkdir(path.join(dir, 'corpus'))
    await writeFile(path.join(dir, 'story.txt'), 'Ferry fares frozen\nThe ferry company froze fares for the winter, it said on Monday.\n')
    const { code, stdout } = await runEntry('main.ts', ['--console', '--server', '200000000000000001'], {
      env: { CORPUS_DIR: path.join(dir, 'corpus'), SNAPSHOT_DIR: 'off' },
      input: `/add ${path.join(dir, 'story.txt')}\n/articles\n/remove ferry-fares-frozen\n/articles\n/quit\n`,
    })
    await rm(dir, { recursive: true, force: true })
    expect(code).toBe(0)
    expect(stdout).toContain('Added as ferry-fares-frozen (servers/200000000000000001/ferry-fares-frozen.md)')
    expect(stdout).toContain('Removed ferry-fares-frozen: Ferry fares frozen')
    expect(stdout.split('Removed')[1]).not.toContain('[ferry-fares-frozen]')
  })

  it('exits 1 naming DISCORD_TOKEN when there is no terminal', async () => {
    const { code, stderr } = await runEntry('main.ts', [])
    expect(code).toBe(1)
    expect(stderr).toContain('config: DISCORD_TOKEN is missing')
  })

  it('fails fast naming a bad setting', async () => {
    const { code, stderr } = await runEntry('main.ts', [], { env: { LOG_LEVEL: 'loud' } })
    expect(code).toBe(1)
    expect(stderr).toContain('config: LOG_LEVEL must be one of')
  })
})

describe('splitConsoleLine', () => {
  it.each([
    { input: '/ask When was the ceasefire announced?', expected: ['/ask', 'When', 'was', 'the', 'ceasefire', 'announced?'] },
    { input: '/quote "at all costs"', expected: ['/quote', '"at', 'all', 'costs"'] },
    { input: '/quote border --speaker "Jane Doe"', expected: ['/quote', 'border', '--speaker', 'Jane Doe'] },
    { input: "/ask what's next --json", expected: ['/ask', "what's", 'next', '--json'] },
  ])('$input', ({ input, expected }) => {
    expect(splitConsoleLine(input)).toEqual(expected)
  })
})
