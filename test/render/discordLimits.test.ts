import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { EMBED_LIMITS, embedLength, fitMessage, listValue, truncateText } from '../../src/render/discordLimits.js'

describe('truncateText', () => {
  it.each([
    { name: 'keeps text that fits', input: 'short text', max: 20, expected: 'short text' },
    { name: 'cuts at the last word boundary', input: 'one two three four', max: 12, expected: 'one two…' },
    { name: 'cuts a single long word mid-word', input: 'abcdefghijklmnop', max: 6, expected: 'abcde…' },
    { name: 'never leaves a dangling escape', input: 'abcd\\*efgh', max: 6, expected: 'abcd…' },
    { name: 'never leaves a dangling escape before a trimmed space', input: 'a\\ bcdefgh', max: 4, expected: 'a…' },
    { name: 'trims a space left by a dropped backslash', input: 'a \\ bcdefgh', max: 5, expected: 'a…' },
    { name: 'never splits a surrogate pair', input: 'abcd😀efgh', max: 6, expected: 'abcd…' },
  ])('$name', ({ input, max, expected }) => {
    const cut = truncateText(input, max)
    expect(cut).toBe(expected)
    expect(cut.length).toBeLessThanOrEqual(max)
  })
})

describe('fitMessage', () => {
  const long = (n: number) => 'word '.repeat(n).trim()

  it('clamps every field of an embed to its limit', () => {
    const embed: APIEmbed = {
      title: long(100),
      description: long(1000),
      author: { name: long(100) },
      footer: { text: long(500) },
      fields: Array.from({ length: 30 }, () => ({ name: long(60), value: long(300) })),
    }
    const [fitted] = fitMessage({ embeds: [embed], components: [] }).embeds
    expect(fitted?.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title)
    expect(fitted?.description?.length).toBeLessThanOrEqual(EMBED_LIMITS.description)
    expect(fitted?.author?.name.length).toBeLessThanOrEqual(EMBED_LIMITS.author)
    expect(fitted?.footer?.text.length).toBeLessThanOrEqual(EMBED_LIMITS.footer)
    expect(fitted?.fields).toHaveLength(EMBED_LIMITS.fields)
    for (const field of fitted?.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName)
      expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue)
    }
  })

  it('keeps at most 10 embeds and 6,000 characters in all', () => {
    const embeds = Array.from({ length: 12 }, (): APIEmbed => ({ description: long(900) }))
    const fitted = fitMessage({ embeds, components: [] }).embeds
    expect(fitted.length).toBeLessThanOrEqual(EMBED_LIMITS.embeds)
    expect(fitted.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total)
    expect(fitted.every((embed) => (embed.description?.length ?? 0) >= 100)).toBe(true)
  })
})

describe('listValue', () => {
  const lines = ['• one', '• two', '• three', '• four']
  it.each([
    { name: 'says the empty text when there are no lines', lines: [], max: 50, expected: 'none' },
    { name: 'joins lines that fit, even exactly', lines, max: 26, expected: '• one\n• two\n• three\n• four' },
    { name: 'keeps whole lines and counts the rest', lines, max: 25, expected: '• one\n• two\n…and 2 more' },
    {
      name: 'shortens a single line longer than the room',
      lines: ['word '.repeat(20).trim()],
      max: 30,
      expected: 'word word word word word…',
    },
  ])('$name', ({ lines: input, max, expected }) => {
    const value = listValue(input, 'none', max)
    expect(value).toBe(expected)
    expect(value.length).toBeLessThanOrEqual(max)
  })
})
