import { describe, expect, it } from 'vitest'
import { firstLink } from '../../src/discord/commands/addFromLink.js'

describe('firstLink', () => {
  it.each([
    { name: 'a bare link', text: 'https://news.example/a', expected: 'https://news.example/a' },
    { name: 'the first of two', text: 'see http://a.example/1 and https://b.example/2', expected: 'http://a.example/1' },
    { name: 'a link ending a sentence', text: 'Read this: https://news.example/story.', expected: 'https://news.example/story' },
    { name: 'a link in brackets', text: 'the story (https://news.example/story) is long', expected: 'https://news.example/story' },
    {
      name: "Discord's <…> that hides the preview",
      text: '<https://news.example/story?id=3>',
      expected: 'https://news.example/story?id=3',
    },
    { name: 'a query and a fragment kept', text: 'https://news.example/s?a=1&b=2#p3 wow', expected: 'https://news.example/s?a=1&b=2#p3' },
    { name: 'no link', text: 'no link here, just news.example', expected: null },
    { name: 'another scheme only', text: 'ftp://files.example/story', expected: null },
  ])('finds $name', ({ text, expected }) => {
    expect(firstLink(text)).toBe(expected)
  })
})
