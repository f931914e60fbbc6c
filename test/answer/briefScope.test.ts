import { describe, expect, it } from 'vitest'
import { chooseBriefScope } from '../../src/answer/briefScope.js'
import type { Article } from '../../src/corpus/article.js'
import { parseArticle } from '../../src/corpus/parseArticle.js'
import { buildLibrary } from '../../src/library/library.js'

function articleOf(id: string): Article {
  const parsed = parseArticle(id, `${id}.txt`, `Headline ${id}\n\nA first paragraph about ${id}.\n\nA second paragraph.`)
  if (!('article' in parsed)) throw new Error(`test article ${id} did not parse`)
  return parsed.article
}

describe('chooseBriefScope', () => {
  it.each([
    { name: 'an empty corpus has nothing to brief', ids: [], asked: null, expected: { kind: 'empty' } },
    { name: 'the only article is briefed when none is asked for', ids: ['a'], asked: null, expected: { kind: 'article', article: 'a' } },
    { name: 'several articles and none asked for give the corpus brief', ids: ['a', 'b'], asked: null, expected: { kind: 'corpus' } },
    { name: 'the article asked for is briefed among several', ids: ['a', 'b'], asked: 'b', expected: { kind: 'article', article: 'b' } },
  ])('$name', ({ ids, asked, expected }) => {
    expect(chooseBriefScope(buildLibrary(ids.map(articleOf)), asked)).toEqual(expected)
  })
})
