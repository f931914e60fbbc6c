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
