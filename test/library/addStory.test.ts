import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addStory, type StorySource } from '../../src/library/addStory.js'
import { extractInWorker } from '../../src/library/extractInWorker.js'
import type { AddOutcome, NewArticle } from '../../src/library/libraryHolder.js'

// addStory turns what a member gave (a page, a file) into the article the holder saves. A holder
// that records what it is given stands in for the real one (tested in libraryHolder's tests).
function recordingHolder() {
  const added: Array<{ server: string | null; article: NewArticle; addedBy: string | null }> = []
  return {
    added,
    addArticle: async (server: string | null, article: NewArticle, meta: { addedBy: string | null }): Promise<AddOutcome> => {
      added.push({ server, article, addedBy: meta.addedBy })
      return { status: 'added', id: 'story', file: `servers/${server}/story.md` }
    },
  }
}

const NEWS_PAGE = readFileSync('test/fixtures/pages/news-article.html', 'utf8')
const page = (text: string, format: 'html' | 'text' | 'markdown', url: string | null = null): StorySource => ({
  kind: 'page',
  name: 'story',
  text,
  format,
  url,
})

describe('addStory', () => {
  it.each([
    {
      name: 'a news page: headline, byline, date, canonical address and site from its markup',
      source: page(NEWS_PAGE, 'html', 'https://frontier-ledger.example/amp/story'),
      expected: {
        headline: 'Pakistan Says Diplomatic Engagement With Afghanistan Ongoing Despite Terrorism Concerns',
        byline: 'Naeem Mehboob',
        source: 'The Frontier Ledger',
        url: 'https://frontier-ledger.example/world/2025/11/pakistan-afghanistan-diplomatic-engagement',
      },
      paragraphs: 15,
    },
    {
      name: 'a page with no headline anywhere: named by the start of its first paragraph',
      source: page(
        `<html><body><article>${'<p>The reservoir above the town reached its highest level in a decade on Sunday after a week of steady rain across the hills.</p>'.repeat(4)}</article></body></html>`,
        'html',
      ),
      expected: { headline: 'The reservoir above the town reached its highest level in a decade…', byline: null },
      paragraphs: 4,
    },
    {
      name: 'a text file, read as the corpus reads .txt (headline, "By" line)',
      source: page(
        'Tram line opens\nBy Aino Virtanen\nThe new tram line opened on Friday.\n"It is quiet and quick," said a rider.\n',
        'text',
      ),
      expected: { headline: 'Tram line opens', byline: 'Aino Virtanen', url: null },
      paragraphs: 2,
    },
    {
      name: 'a Markdown file with front matter',
      source: page(
        '---\ntitle: "Library extends hours"\nauthor: "Sam Okafor"\ndate: 2025-03-02\nurl: https://news.example/library\n---\n\nThe library will open until 9 pm.\n',
        'markdown',
      ),
      expected: { headline: 'Library extends hours', byline: 'Sam Okafor', date: '2025-03-02', url: 'https://news.example/library' },
      paragraphs: 1,
    },
  ])('adds $name', async ({ source, expected, paragraphs }) => {
    const holder = recordingHolder()
    expect(await addStory(holder, '200000000000000001', source, { addedBy: '42' })).toEqual({
      status: 'added',
      id: 'story',
      file: 'servers/200000000000000001/story.md',
    })
    expect(holder.added).toHaveLength(1)
    expect(holder.added[0]).toMatchObject({ server: '200000000000000001', addedBy: '42', article: expected })
    expect(holder.added[0]?.article.paragraphs).toHaveLength(paragraphs)
  })

  it.each([
    {
      name: 'a page with no article text',
      source: page('<html><body><div id="app"></div><script src="/a.js"></script></body></html>', 'html'),
      reason: 'no-article-text',
      message: /\.txt or \.md file/,
    },
    {
      name: 'an empty text file',
      source: page('   \n', 'text'),
      reason: 'unreadable-file',
      message: /story cannot be read as an article: it is empty/,
    },
    {
      name: 'a text file with a headline only',
      source: page('Just a headline\n', 'text'),
      reason: 'unreadable-file',
      message: /no paragraphs/,
    },
    {
      name: 'a link that is not http(s)',
      source: { kind: 'link', url: 'file:///etc/passwd' } as const,
      reason: 'scheme-not-allowed',
      message: /http/,
    },
    {
      name: 'a link to a private address',
      source: { kind: 'link', url: 'http://192.168.1.10/story' } as const,
      reason: 'address-not-allowed',
      message: /not allowed/,
    },
    {
      name: 'an attachment from a host that is not Discord’s',
      source: {
        kind: 'attachment',
        attachment: { url: 'https://files.example/story.txt', filename: 'story.txt', size: 10, contentType: 'text/plain' },
      } as const,
      reason: 'attachment-not-allowed',
      message: /Discord/,
    },
  ])('refuses $name with a reason and a sentence, adding nothing', async ({ source, reason, message }) => {
    const holder = recordingHolder()
    const outcome = await addStory(holder, '200000000000000001', source)
    expect(outcome).toMatchObject({ status: 'refused', reason })
    expect(outcome.status === 'refused' ? outcome.message : '').toMatch(message)
    expect(holder.added).toEqual([])
  })
})

describe('extractInWorker', () => {
  it('extracts a page in a worker thread, as extractArticle does on this one', async () => {
    const result = await extractInWorker(NEWS_PAGE, null)
    expect(result.ok && result.article.byline).toBe('Naeem Mehboob')
  })

  it('gives up at the deadline and says the page took too long, so a slow page never holds the bot', async () => {
    // A deadline shorter than a worker's start: the answer must be "too slow", not a hang.
    expect(await extractInWorker(NEWS_PAGE, null, 1)).toEqual({
      ok: false,
      reason: 'too-slow',
      message: 'The page took longer than 0.001 s to read.',
    })
  })
})
