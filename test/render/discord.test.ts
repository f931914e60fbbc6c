import { describe, expect, it } from 'vitest'
import { escapeMarkdown, readQuery, renderSpeakersMessage } from '../../src/render/discord.js'
import { EMBED_LIMITS } from '../../src/render/discordLimits.js'

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

describe('renderSpeakersMessage', () => {
  const speaker = (i: number) => ({
    name: `Speaker Number ${i}`,
    role: 'deputy minister for planning and regional development',
    kind: 'person' as const,
    aliases: [],
    articles: ['a'],
    quotes: 2,
  })

  it('lists whole lines and counts the rest when who is who overflows a description', () => {
    const [embed] = renderSpeakersMessage({ speakers: Array.from({ length: 100 }, (_, i) => speaker(i)), statements: [] }, new Map()).embeds
    expect(embed?.description?.length).toBeLessThanOrEqual(EMBED_LIMITS.description)
    expect(embed?.description).toMatch(/in 1 article\n…and \d+ more$/)
  })

  it.each([
    { name: 'the name asked for', typed: 'Zed', expected: 'No speaker matches “Zed”.' },
    { name: 'an empty corpus', typed: null, expected: 'No speaker found: no quote in the articles is attributed to anyone yet.' },
  ])('says no speaker matched, with $name', ({ typed, expected }) => {
    const [embed] = renderSpeakersMessage({ speakers: [], statements: [] }, new Map(), typed).embeds
    expect(embed?.description).toContain(expected)
  })
})
