import { describe, expect, it } from 'vitest'
import { listArticles } from '../../src/answer/articles.js'
import { answerQuestion } from '../../src/answer/ask.js'
import { briefArticle, briefCorpus } from '../../src/answer/brief.js'
import { searchQuotes } from '../../src/answer/quote.js'
import { listSpeakers } from '../../src/answer/speakers.js'
import type { Article } from '../../src/corpus/article.js'
import { articleChoices, speakerChoices } from '../../src/discord/autocomplete.js'
import { addToCollections, removeFromCollections } from '../../src/library/collections.js'
import { buildCollections, buildLibrary, type Library, viewOf } from '../../src/library/library.js'
import { restoreLibrary, serializeCollections } from '../../src/library/librarySnapshot.js'
import { suggestQueries } from '../../src/search/paragraphIndex.js'
import { suggestQuoteTerms } from '../../src/search/quoteIndex.js'

// Invented stories: one shared, one only server A holds (with a speaker and words found nowhere
// else), one only server B holds under the same id as A's.
const A = '300000000000000001'
const B = '300000000000000002'

function article(id: string, server: string | null, headline: string, paragraphs: string[]): Article {
  const file = server === null ? `${id}.txt` : `servers/${server}/${id}.md`
  return { id, file, server, headline, byline: null, date: null, url: null, source: null, paragraphs }
}

const SHARED = article('harbour', null, 'Harbour wall repairs begin', [
  'Repairs to the harbour wall in Port Elvane began on Monday after the winter storms.',
  '"The wall will be safe by summer," said Tomas Reyle, the harbour master.',
])
const SECRET_A = article('budget', A, 'Zephyrine council budget vote', [
  'The Zephyrine council voted on the quillwort budget on Tuesday.',
  '"Quillwort funding keeps the marsh alive," said Ondine Farrow, the council treasurer.',
])
const SECRET_B = article('budget', B, 'Brackenfold school budget', [
  'The Brackenfold school board approved its budget for the new year.',
  '"Every classroom gets new books," said Petra Lindqvist, the board chair.',
])

const collections = buildCollections([SHARED, SECRET_A, SECRET_B])
const views: Record<'dm' | 'a' | 'b', Library> = { dm: viewOf(collections, null), a: viewOf(collections, A), b: viewOf(collections, B) }

// Everything a view says, as text: A's words, speaker or headline must appear in none of B's or DM's.
const ASKED: Array<{ name: string; run: (library: Library) => unknown }> = [
  { name: 'ask', run: (library) => answerQuestion(library, 'What did the council vote on the quillwort budget?') },
  { name: 'ask for the speaker', run: (library) => answerQuestion(library, 'Who said quillwort funding keeps the marsh alive?') },
  { name: 'ask with a typo (suggestions)', run: (library) => answerQuestion(library, 'quillwrt zephyrin') },
  { name: 'ask in the article', run: (library) => answerQuestion(library, 'budget vote', { article: 'budget' }) },
  { name: 'quote', run: (library) => searchQuotes(library, 'quillwort') },
  { name: 'quote by speaker', run: (library) => searchQuotes(library, 'funding', { speaker: 'Ondine Farrow' }) },
  { name: 'quote with a typo (suggestions)', run: (library) => searchQuotes(library, 'quilwort') },
  { name: 'brief of the article', run: (library) => briefArticle(library, 'budget') },
  { name: 'corpus brief', run: (library) => briefCorpus(library) },
  { name: 'speakers', run: (library) => listSpeakers(library) },
  { name: 'speakers by name', run: (library) => listSpeakers(library, { name: 'Ondine' }) },
  { name: 'speakers of the article', run: (library) => listSpeakers(library, { article: 'budget' }) },
  { name: 'articles', run: (library) => listArticles(library) },
  { name: 'article autocomplete', run: (library) => articleChoices(library, 'zephyr') },
  { name: 'speaker autocomplete', run: (library) => speakerChoices(library, 'ond', null) },
  { name: 'paragraph suggestions', run: (library) => suggestQueries(library.paragraphs, 'quillwrt') },
  { name: 'quote suggestions', run: (library) => suggestQuoteTerms(library.quotes, 'quillwrt') },
  {
    name: 'every field of the view',
    run: (library) => ({
      articles: library.articles,
      byId: [...library.articleById.entries()],
      attributions: [...library.attributions.entries()],
      patterns: library.speakerPatterns.map((pattern) => [pattern.article, pattern.speaker.name]),
      directory: library.speakerDirectory.speakers,
      statements: [...library.speakerDirectory.statements.entries()],
    }),
  },
]
const SECRET_WORDS = /quillwort|zephyrine|ondine|farrow/i
// What was asked is echoed back (`question`, `query`): the rest is what the view told.
const told = (value: unknown) => JSON.stringify(value, (key, field: unknown) => (key === 'question' || key === 'query' ? undefined : field))

describe("a view never shows another server's article", () => {
  it.each(ASKED.flatMap((asked) => (['dm', 'b'] as const).map((viewer) => ({ ...asked, viewer }))))(
    '$name from $viewer shows nothing of server A',
    ({ run, viewer }) => {
      expect(told(run(views[viewer]))).not.toMatch(SECRET_WORDS)
    },
  )

  it.each([
    {
      name: 'ask',
      run: (library: Library) => answerQuestion(library, 'What did the council vote on the quillwort budget?').results[0]?.text,
    },
    { name: 'quote', run: (library: Library) => searchQuotes(library, 'quillwort').results[0]?.speaker?.name },
    { name: 'brief', run: (library: Library) => briefArticle(library, 'budget')?.article.headline },
    { name: 'speakers', run: (library: Library) => listSpeakers(library, { name: 'Ondine' }).speakers[0]?.name },
    { name: 'autocomplete', run: (library: Library) => articleChoices(library, 'zephyr')[0]?.name },
  ])('$name from server A finds its own article', ({ run }) => {
    expect(run(views.a)).toMatch(SECRET_WORDS)
  })

  it('resolves the same id to each server its own article, and to nothing in direct messages', () => {
    expect(views.a.articleById.get('budget')?.headline).toBe(SECRET_A.headline)
    expect(views.b.articleById.get('budget')?.headline).toBe(SECRET_B.headline)
    expect(views.dm.articleById.has('budget')).toBe(false)
    expect(briefArticle(views.dm, 'budget')).toBeNull()
  })

  it("keeps the top N right: a server's best passages are not crowded out by another's", () => {
    // Many B paragraphs match "budget" better; A still gets its own budget paragraph in a top 1.
    const crowded = buildCollections([
      SHARED,
      SECRET_A,
      ...Array.from({ length: 30 }, (_, i) => article(`b${i}`, B, `Budget budget ${i}`, [`Budget budget budget news ${i}.`])),
    ])
    const [top] = answerQuestion(viewOf(crowded, A), 'budget', { limit: 1 }).results
    expect(top?.article).toBe('budget')
  })

  it('gives the shared view the passages a library of the shared articles alone gives', () => {
    // The scores differ a little: term statistics count every collection's paragraphs.
    const passages = (library: Library) =>
      answerQuestion(library, 'harbour wall').results.map(({ article, paragraph }) => ({ article, paragraph }))
    expect(passages(views.dm)).toEqual(passages(buildLibrary([SHARED])))
  })
})

describe('adding and removing in place', () => {
  const ADDED = article('marsh', A, 'Marsh reeds harvested', ['"The reed harvest was the best in years," said Ondine Farrow on Friday.'])

  it('makes an added article answerable in its server at once, and nowhere else', () => {
    const next = addToCollections(buildCollections([SHARED, SECRET_A, SECRET_B]), ADDED)
    expect(answerQuestion(viewOf(next, A), 'reed harvest').results[0]?.article).toBe('marsh')
    expect(answerQuestion(viewOf(next, B), 'reed harvest').results).toEqual([])
    expect(answerQuestion(viewOf(next, null), 'reed harvest').results).toEqual([])
    const farrow = listSpeakers(viewOf(next, A), { name: 'Ondine Farrow' })
    expect(farrow.speakers[0]?.articles).toEqual(['budget', 'marsh'])
    expect(farrow.statements).toHaveLength(2)
  })

  it('answers after an add exactly as a library built with the article', () => {
    const added = viewOf(addToCollections(buildCollections([SHARED, SECRET_A]), ADDED), A)
    const built = viewOf(buildCollections([SHARED, SECRET_A, ADDED]), A)
    for (const question of ['reed harvest', 'Who said the wall will be safe?', 'quillwort budget']) {
      const strip = (library: Library) =>
        answerQuestion(library, question).results.map(({ article, paragraph, text }) => ({ article, paragraph, text }))
      expect(strip(added)).toEqual(strip(built))
    }
    expect(searchQuotes(added, 'reed').results).toEqual(searchQuotes(built, 'reed').results)
    expect(listSpeakers(added).speakers).toEqual(listSpeakers(built).speakers)
    expect(added.articles.map((one) => one.id)).toEqual(built.articles.map((one) => one.id))
  })

  it('forgets a removed article in every field and search', () => {
    const next = removeFromCollections(buildCollections([SHARED, SECRET_A, SECRET_B]), A, 'budget')
    const view = viewOf(next, A)
    expect(told(ASKED.map(({ run }) => run(view)))).not.toMatch(SECRET_WORDS)
    expect(answerQuestion(view, 'harbour wall').results[0]?.article).toBe('harbour')
    expect(viewOf(next, B).articleById.get('budget')?.headline).toBe(SECRET_B.headline)
  })

  it('refuses to save a snapshot of indexes changed in place, and restores a fresh build with every collection', async () => {
    expect(() => serializeCollections(removeFromCollections(buildCollections([SHARED, SECRET_A]), null, 'harbour'))).toThrow(
      /changed in place/,
    )
    const parts = new Map(serializeCollections(collections).map((part) => [part.name, Buffer.from(part.data())]))
    const restored = await restoreLibrary(parts, async () => undefined)
    if (!('collections' in restored)) throw new Error(restored.reason)
    for (const server of [null, A, B]) {
      const question = 'Who said it about the budget?'
      expect(answerQuestion(viewOf(restored.collections, server), question)).toEqual(answerQuestion(viewOf(collections, server), question))
    }
  })
})
