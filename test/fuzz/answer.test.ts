import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { listArticles, matchArticles } from '../../src/answer/articles.js'
import { answerQuestion } from '../../src/answer/ask.js'
import { briefArticle } from '../../src/answer/brief.js'
import { searchQuotes } from '../../src/answer/quote.js'
import { listSpeakers } from '../../src/answer/speakers.js'
import type { Article } from '../../src/corpus/article.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import { buildLibrary, type Library } from '../../src/library/library.js'
import { askJson, briefJson, quoteJson, speakersJson } from '../../src/render/json.js'
import { renderAskText, renderBriefText, renderQuoteText, renderSpeakersText } from '../../src/render/text.js'
import { EMOJI, hostileParagraph, MENTIONS, params, query, RTL } from './arbitraries.js'

// The seed article plus articles written to be awkward: right-to-left text, mentions and markdown
// in the corpus itself, a paragraph that is one long quotation, and mismatched quote marks.
const HOSTILE_ARTICLES: Article[] = [
  {
    id: 'rtl',
    file: 'rtl.txt',
    headline: `${RTL.slice(0, 3).join(' ')} ${EMOJI.join('')}`,
    byline: 'طاہر حسین',
    date: null,
    url: null,
    source: null,
    server: null,
    paragraphs: [RTL.join(' '), `“${RTL[3]} ${RTL[0]}” said Andrabi.`, `${EMOJI.join(' ')} ${'\u200b'.repeat(50)}`],
  },
  {
    id: 'mentions',
    file: 'mentions.md',
    headline: `${MENTIONS.join(' ')} **bold** ||spoiler||`,
    byline: '@everyone',
    date: '2025-10-19',
    url: 'https://example.com/<@123>',
    source: null,
    server: null,
    paragraphs: [
      `"${MENTIONS.join(' ')}," said <@&456>.`,
      '# Heading\n> quote ```code``` [x](https://e.x)',
      `“${'The talks will go on. '.repeat(400)}” he said.`,
    ],
  },
  {
    id: 'mismatched',
    file: 'mismatched.txt',
    headline: '"Unbalanced “quotes',
    byline: null,
    date: null,
    url: null,
    source: null,
    server: null,
    paragraphs: [
      '"He said “no" she said”, Pakistan’s spokesman told reporters.',
      '«Yes," he said.',
      '”backwards“ said Andrabi.',
      '‘‘‘’’’"""',
    ],
  },
]

let library: Library
let articleIds: string[]

beforeAll(async () => {
  const { articles } = await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'))
  library = buildLibrary([...articles, ...HOSTILE_ARTICLES])
  articleIds = library.articles.map((article) => article.id)
})

const articleOption = fc.oneof(
  fc.constant(null),
  fc.constantFrom('000_964c6f0d203bd963', 'rtl', 'mentions', 'mismatched'),
  fc.constantFrom('../../etc/passwd', '', 'constructor', '__proto__', '%2e%2e', 'RTL'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
)
const limit = fc.integer({ min: 1, max: 30 })
const offset = fc.integer({ min: 0, max: 60 })

describe('ask on hostile questions', () => {
  it('never throws; passages are real paragraphs, highlights lie inside them, scores are finite', () => {
    fc.assert(
      fc.property(query, articleOption, limit, offset, (question, article, max, from) => {
        const result = answerQuestion(library, question, { article, limit: max, offset: from })
        if (result.results.length > max || result.question !== question) return false
        for (const passage of result.results) {
          const source = library.articleById.get(passage.article)
          if (source === undefined || source.paragraphs[passage.paragraph - 1] !== passage.text) return false
          if (article !== null && passage.article !== article) return false
          if (!Number.isFinite(passage.score)) return false
          let at = 0
          for (const { start, end } of passage.highlights) {
            if (start < at || end <= start || end > passage.text.length) return false
            at = end
          }
        }
        renderAskText(result)
        renderAskText(result, { isColor: true })
        JSON.stringify(askJson(result))
        return true
      }),
      params(500),
    )
  })

  it('finds nothing in an article that does not exist, such as a path', () => {
    expect(answerQuestion(library, 'Afghanistan', { article: '../../etc/passwd' }).results).toEqual([])
    expect(library.articleById.has('../../etc/passwd')).toBe(false)
  })
})

describe('quote search on hostile keywords', () => {
  it('never throws; every hit is a quote of the named article and speaker filter', () => {
    const speaker = fc.oneof(
      fc.constant(null),
      fc.constantFrom('Andrabi', 'he', '', ' ', '@everyone', '.*'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    )
    fc.assert(
      fc.property(query, speaker, articleOption, limit, offset, (keyword, who, article, max, from) => {
        const result = searchQuotes(library, keyword, { speaker: who, article, limit: max, offset: from })
        if (result.results.length > max) return false
        for (const hit of result.results) {
          if (!articleIds.includes(hit.article) || (article !== null && hit.article !== article)) return false
          if (who !== null && who.trim() !== '' && hit.speaker === null) return false
          if (!Number.isFinite(hit.score)) return false
        }
        renderQuoteText(result)
        JSON.stringify(quoteJson(result))
        return true
      }),
      params(500),
    )
  })
})

describe('speakers, articles and briefs with hostile names and ids', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), query), articleOption, (name, article) => {
        const speakers = listSpeakers(library, { name, article })
        renderSpeakersText(speakers)
        JSON.stringify(speakersJson(speakers))
        matchArticles(library, name ?? '')
        const brief = briefArticle(library, article ?? '', { topic: name })
        if (brief !== null) {
          renderBriefText(brief)
          JSON.stringify(briefJson(brief))
        }
        return brief === null || articleIds.includes(article ?? '')
      }),
      params(500),
    )
  })
})

describe('a library built from random articles', () => {
  it('never throws, and answers questions made of its own words', () => {
    const article = fc.record({
      id: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      headline: hostileParagraph(),
      paragraphs: fc.array(hostileParagraph(), { minLength: 1, maxLength: 5 }),
    })
    fc.assert(
      fc.property(fc.uniqueArray(article, { maxLength: 4, selector: (a) => a.id }), query, (drafts, question) => {
        const articles: Article[] = drafts.map((draft) => ({
          ...draft,
          file: `${draft.id}.txt`,
          byline: null,
          date: null,
          url: null,
          source: null,
          server: null,
        }))
        const built = buildLibrary(articles)
        const asked = answerQuestion(built, question)
        const own = articles[0]?.paragraphs[0] ?? ''
        answerQuestion(built, own)
        searchQuotes(built, question)
        listSpeakers(built)
        listArticles(built)
        for (const { id } of articles) briefArticle(built, id)
        return asked.results.every((passage) => built.articleById.get(passage.article)?.paragraphs[passage.paragraph - 1] === passage.text)
      }),
      params(150),
    )
  })
})
