import fc from 'fast-check'
import { describe, it } from 'vitest'
import { parseArticle, parseByline } from '../../src/corpus/parseArticle.js'
import { hostileParagraph, hostileText, params } from './arbitraries.js'

const fileName = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom('.txt', '.md', '.MD', '.TXT'))
  .map(([stem, ext]) => stem + ext)

// Text shaped like corpus files: front matter (valid, broken, unclosed), bylines, blank lines, CRLF.
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constant('---\ntitle: T\n---\n'),
  fc.constant('---\ntitle: T\ndate: 2025-10-19\nauthor: A\nurl: https://e.x\n---\n'),
  fc.constant('---\ntitle: [unclosed\n---\n'),
  fc.constant('---\ntitle: T\n'),
  fc.constant('---\n- a list\n---\n'),
  fc.constant('---\ntitle: {a: 1}\n---\n'),
  fc.constant('---\ntitle: T\ndate: 19 October\n---\n'),
  fc.constant('---\ntitle: &a T\nauthor: *a\n---\n'),
  hostileText(10).map((text) => `---\n${text}\n---\n`),
)
const corpusLike = fc
  .tuple(
    fc.constantFrom('', '\uFEFF'),
    frontMatter,
    fc.array(fc.oneof(hostileParagraph(), fc.constantFrom('By Jane Doe', 'NAEEM MEHBOOB:', '', ' ', '---')), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
  )
  .map(([bom, front, lines, newline]) => bom + front.replace(/\n/g, newline) + lines.join(newline))

// Random bytes decoded leniently, as a file that passed the UTF-8 check might still look.
const decodedBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes))

describe('parseArticle on hostile file contents', () => {
  it('never throws; an article it accepts has a headline and non-empty, trimmed paragraphs; a refusal has a reason', () => {
    fc.assert(
      fc.property(fc.oneof(corpusLike, hostileText(), fc.string({ unit: 'binary' }), decodedBytes), fileName, (content, file) => {
        const result = parseArticle('id', file, content)
        if (!result.ok) return result.reason.length > 0
        const { article } = result
        if (article.headline.trim() === '' || article.paragraphs.length === 0) return false
        return article.paragraphs.every((paragraph) => paragraph.length > 0 && paragraph === paragraph.trim())
      }),
      params(3_000),
    )
  })

  it('parseByline never throws on any line', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), fc.string({ unit: 'binary' })), (line) => {
        const byline = parseByline(line)
        return byline === null || typeof byline === 'string'
      }),
      params(3_000),
    )
  })
})
