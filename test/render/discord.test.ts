import { describe, expect, it } from 'vitest'
import { escapeMarkdown, readQuery } from '../../src/render/discord.js'

describe('escapeMarkdown', () => {
  it.each([
    { name: 'bold and italics', input: '**bold** _it_', expected: '\\*\\*bold\\*\\* \\_it\\_' },
    { name: 'mentions', input: '@everyone <@123> <@&456>', expected: '\\@everyone \\<\\@123\\> \\<\\@&456\\>' },
    { name: 'code and spoilers', input: '`x` ||s||', expected: '\\`x\\` \\|\\|s\\|\\|' },
    { name: 'a masked link', input: '[click](https://x.test)', expected: '\\[click\\](https://x.test)' },
    { name: 'a heading and a list at line start', input: '# Title\n- item\n1. first', expected: '\\# Title\n\\- item\n\\1. first' },
    { name: 'hyphens and numbers inside a line', input: 'al-Khawarij in 2025. Ok', expected: 'al-Khawarij in 2025. Ok' },
    { name: 'a backslash', input: 'a\\b', expected: 'a\\\\b' },
  ])('escapes $name', ({ input, expected }) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })
})

describe('readQuery', () => {
  it('reads the query back from the header embed, and null from anything else', () => {
    expect(readQuery([{ author: { name: '🔎 Who said it?' } }])).toBe('Who said it?')
    expect(readQuery([{ author: { name: 'someone' } }])).toBeNull()
    expect(readQuery([])).toBeNull()
  })
})
