import { describe, expect, it } from 'vitest'
import { parseExtractCommand } from '../../src/textCommands/extractCommand.js'

describe('parseExtractCommand', () => {
  it.each([
    { argv: ['page.html'], expected: { kind: 'file', path: 'page.html', pageUrl: null, isJson: false } },
    {
      argv: ['page.html.gz', '--json', '--url', 'https://news.example/a'],
      expected: { kind: 'file', path: 'page.html.gz', pageUrl: 'https://news.example/a', isJson: true },
    },
    { argv: ['https://news.example/a'], expected: { kind: 'link', url: 'https://news.example/a', isJson: false } },
    { argv: ['--batch', 'pages/', '--json'], expected: { kind: 'batch', dir: 'pages/', isJson: true } },
    { argv: ['--help'], expected: { help: true } },
  ])('$argv', ({ argv, expected }) => {
    expect(parseExtractCommand(argv)).toEqual(expected)
  })

  it.each([
    { argv: [], error: 'extract needs one FILE or URL' },
    { argv: ['a.html', 'b.html'], error: 'extract needs one FILE or URL' },
    { argv: ['ftp://news.example/a'], error: 'only http and https links' },
    { argv: ['a.html', '--url', 'news.example/a'], error: '--url must be an http(s) address' },
    { argv: ['--batch', 'dir', 'a.html'], error: 'takes no FILE or URL' },
    { argv: ['--batch', 'dir', '--url', 'https://news.example/'], error: '--url is for one page' },
    { argv: ['a.html', '--colour'], error: "Unknown option '--colour'" },
  ])('$argv is a usage error', ({ argv, error }) => {
    const parsed = parseExtractCommand(argv)
    expect('error' in parsed ? parsed.error : '').toContain(error)
  })
})
