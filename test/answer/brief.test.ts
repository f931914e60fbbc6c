import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Brief, briefArticle, briefCorpus, timelineOf } from '../../src/answer/brief.js'
import { summarizeSentences } from '../../src/answer/summarize.js'
import { speakerDisplay } from '../../src/attribution/speakerRoles.js'
import type { Article } from '../../src/corpus/article.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import { buildLibrary, type Library } from '../../src/library/library.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')

type Gold = {
  speakers: Array<{ name: string; kind: string; role: string }>
  dates: Array<{ p: number; text: string }>
}
const gold = JSON.parse(readFileSync(path.resolve(repoRoot, 'test/fixtures/seed-gold.json'), 'utf8')) as Gold

let library: Library
let seed: Article
let brief: Brief

beforeAll(async () => {
  const { articles } = await loadCorpus(path.resolve(repoRoot, 'corpus'))
  library = buildLibrary(articles)
  seed = articles[0] as Article
  brief = briefArticle(library, seed.id) as Brief
})

describe('briefArticle on the seed', () => {
  it.each(gold.speakers.filter((speaker) => speaker.kind === 'person'))('names $name with the office the text gives', ({ name, role }) => {
    const speaker = brief.speakers.find((candidate) => candidate.name === name)
    expect(speaker?.quotes).toBeGreaterThan(0)
    // The gold's role packs the rank in after the office ("Director-General of Inter-Services Public
    // Relations (ISPR), Lieutenant General"); the display puts the rank before the name, so the
    // office holds the gold role's head noun and organisation, not its rank.
    const office = role.split(',')[0] ?? role
    const head = office.split(' ')[0] ?? office
    expect(speaker?.role).toContain(head)
    expect(speaker?.role).toContain(/\(([A-Z]+)\)/.exec(office)?.[1] ?? office.split(' ').slice(-1)[0])
  })

  it.each([
    { name: 'Ahmed Sharif Chaudhry', display: 'Lt Gen Ahmed Sharif Chaudhry, Director-General of ISPR' },
    { name: 'Tahir Hussain Andrabi', display: 'Tahir Hussain Andrabi, Foreign Office spokesperson' },
  ])('shows $name with the title before the name and the office after it', ({ name, display }) => {
    const speaker = brief.speakers.find((candidate) => candidate.name === name)
    expect(speaker === undefined ? null : speakerDisplay(speaker)).toBe(display)
  })

  it('gives each speaker representative statements of their own', () => {
    const quotes = library.attributions.get(seed.id)?.quotes ?? []
    for (const speaker of brief.speakers) {
      expect(speaker.statements.length).toBeGreaterThan(0)
      for (const statement of speaker.statements) {
        // The statement is the quote, or the quote after its object cue ("urged …").
        expect(quotes.some((quote) => quote.speaker?.name === speaker.name && statement.text.endsWith(quote.text))).toBe(true)
      }
    }
  })

  it('gives a speaker of one statement one, and a frequent speaker two different ones', () => {
    for (const speaker of brief.speakers) expect(speaker.statements).toHaveLength(speaker.quotes >= 3 ? 2 : 1)
  })

  it('shows every statement in who’s who as a phrase of its paragraph, a report on an object with its cue', () => {
    for (const statement of brief.speakers.flatMap((speaker) => speaker.statements)) {
      expect(seed.paragraphs[statement.paragraph - 1]).toContain(statement.text)
    }
    const accused = brief.speakers.flatMap((speaker) => speaker.statements).find((statement) => statement.text.includes('militant groups'))
    expect(accused?.text).toBe('accusing militant groups of operating from Afghan territory')
  })

  it('states the spokesperson’s demand in who’s who', () => {
    const said = brief.speakers
      .find((speaker) => speaker.name === 'Tahir Hussain Andrabi')
      ?.statements.map((statement) => statement.text)
      .join(' ')
    expect(said).toMatch(/demand/)
  })

  it('dates the October 19 ceasefire', () => {
    expect(brief.timeline).toContainEqual(
      expect.objectContaining({ date: 'October 19', when: '2025-10-19', paragraph: 3, text: expect.stringContaining('ceasefire') }),
    )
  })

  it.each(gold.dates)('lists "$text" of ¶$p in the timeline', ({ p, text }) => {
    expect(brief.timeline.some((entry) => entry.paragraph === p && entry.date === text)).toBe(true)
  })

  it('sorts the timeline by date where known, then the undated in reading order', () => {
    const known = brief.timeline.filter((entry) => entry.when !== null).map((entry) => entry.when ?? '')
    expect(known).toEqual([...known].sort())
    const firstUndated = brief.timeline.findIndex((entry) => entry.when === null)
    expect(brief.timeline.slice(firstUndated).every((entry) => entry.when === null)).toBe(true)
    expect(brief.timeline.find((entry) => entry.date === 'on Thursday')?.when).toBeNull()
  })

  it('gives three to five key points, each a sentence of its paragraph or its main clause, in the article’s order', () => {
    expect(brief.points.length).toBeGreaterThanOrEqual(3)
    expect(brief.points.length).toBeLessThanOrEqual(5)
    for (const point of brief.points) {
      const kept = point.text.replace(/…$/, '')
      const paragraph = seed.paragraphs[point.paragraph - 1] ?? ''
      expect(paragraph).toContain(kept)
      // A shortened point stops where a clause of its sentence goes on: ", with Pakistan …".
      if (kept !== point.text) expect(paragraph.slice(paragraph.indexOf(kept) + kept.length)).toMatch(/^, \p{Ll}/u)
    }
    const order = brief.points.map((point) => point.paragraph)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(brief.points[0]?.paragraph).toBe(1)
  })

  it('covers the lead, the deteriorating relations and the border closures of the first three paragraphs', () => {
    expect(brief.points.map((point) => point.paragraph)).toEqual([1, 2, 3])
    expect(brief.points[0]?.text).toContain('diplomatic channels with Afghanistan remain open')
    expect(brief.points[1]?.text).toBe('Relations between Islamabad and Kabul have deteriorated in recent months…')
    expect(brief.points[2]?.text).toContain('shut down several major border crossings')
  })

  it('names the speaker of a point that reports a statement', () => {
    expect(brief.points.find((point) => point.paragraph === 1)?.speaker?.name).toBe('Ministry of Foreign Affairs')
  })

  it.each([
    { topic: 'written assurances', text: 'written, verifiable, and concrete assurances', speaker: 'Tahir Hussain Andrabi' },
    { topic: 'ceasefire', text: 'ceasefire was announced on October 19', speaker: null },
  ])('restricts the brief to passages about "$topic"', ({ topic, text, speaker }) => {
    const about = briefArticle(library, seed.id, { topic }) as Brief
    const point = about.points.find((candidate) => candidate.text.includes(text))
    expect(point?.speaker?.name ?? null).toBe(speaker)
    const words = topic.split(' ')
    for (const paragraph of [...about.points, ...about.timeline].map((entry) => entry.paragraph)) {
      expect(words.some((word) => (seed.paragraphs[paragraph - 1] ?? '').toLowerCase().includes(word))).toBe(true)
    }
  })

  it('prefers the sentences that name the topic over their paragraph’s other sentences', () => {
    const texts = (briefArticle(library, seed.id, { topic: 'ceasefire border' }) as Brief).points.map((point) => point.text)
    expect(texts.some((text) => text.includes('ceasefire was announced on October 19'))).toBe(true)
    expect(texts.some((text) => text.includes('does not interfere in Afghanistan’s internal affairs'))).toBe(false)
  })

  it('is empty for a topic the article does not mention', () => {
    expect(briefArticle(library, seed.id, { topic: 'volcano' })).toMatchObject({ points: [], speakers: [], timeline: [] })
  })

  it('is null for an unknown article', () => {
    expect(briefArticle(library, 'no-such-article')).toBeNull()
  })
})

describe('briefCorpus', () => {
  const other: Article = {
    id: 'zz-harbour',
    file: 'zz-harbour.md',
    headline: 'Harbour bridge reopens after repairs',
    byline: null,
    date: '2024-05-02',
    url: null,
    source: null,
    server: null,
    paragraphs: [
      'The harbour bridge reopened on Thursday after six months of repairs, the city council said.',
      '“Traffic will flow normally from Monday,” said Maria Lopez, the council’s transport director.',
    ],
  }

  it('lists the top stories, dated first, and the most-quoted speakers', () => {
    const corpus = briefCorpus(buildLibrary([seed, other]))
    expect(corpus.articles).toBe(2)
    expect(corpus.stories.map((story) => story.article.id)).toEqual([other.id, seed.id])
    expect(corpus.speakers[0]?.name).toBe('Ahmed Sharif Chaudhry')
    for (const story of corpus.stories) expect(story.points.length).toBeGreaterThan(0)
  })

  it('keeps only the stories about a topic', () => {
    const corpus = briefCorpus(buildLibrary([seed, other]), { topic: 'bridge' })
    expect(corpus.stories.map((story) => story.article.id)).toEqual([other.id])
  })
})

describe('timelineOf', () => {
  it('quotes a dated lead sentence as the key points do, without its wire dateline', () => {
    const article: Article = {
      id: 'railway',
      file: 'railway.md',
      headline: 'Railway opens',
      byline: null,
      date: null,
      url: null,
      source: null,
      server: null,
      paragraphs: ['ROME (Wire) -- Officials opened the valley railway on Monday after years of delay.'],
    }
    expect(timelineOf(article)).toEqual([
      { date: 'on Monday', when: null, text: 'Officials opened the valley railway on Monday after years of delay.', paragraph: 1 },
    ])
  })
})

describe('summarizeSentences', () => {
  const filler = (n: number) => `Officials described event number ${n} in the valley with several more words of detail.`

  it.each([
    {
      name: 'drops a wire dateline from the lead',
      paragraphs: ['ROME (Wire) -- Officials opened the new valley railway on Monday after years of delay.', filler(1), filler(2)],
      first: 'Officials opened the new valley railway on Monday after years of delay.',
    },
    {
      name: 'skips a fragment in favour of a full sentence',
      paragraphs: ['Really?', 'Officials opened the new valley railway on Monday after years of delay and debate.', filler(1)],
      first: 'Officials opened the new valley railway on Monday after years of delay and debate.',
    },
  ])('$name', ({ paragraphs, first }) => {
    expect(summarizeSentences(paragraphs)[0]?.text).toBe(first)
  })

  it('gives three points even past the word budget, and keeps the article’s order', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => filler(i))
    const points = summarizeSentences(paragraphs, [], { maxWords: 30 })
    expect(points).toHaveLength(3)
    expect(points.map((point) => point.paragraph)).toEqual([...points.map((point) => point.paragraph)].sort((a, b) => a - b))
  })

  it('adds points while short ones leave room in the budget, five at most', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Officials counted item ${i} in the valley.`)
    expect(summarizeSentences(paragraphs, [], { maxWords: 30 })).toHaveLength(5)
    expect(summarizeSentences(paragraphs, [], { maxWords: 20 })).toHaveLength(3)
  })

  it('gives an article with two full sentences two points, not a fragment', () => {
    const paragraphs = ['Really?', 'Officials opened the new valley railway on Monday after years of delay.', filler(1)]
    expect(summarizeSentences(paragraphs).map((point) => point.paragraph)).toEqual([2, 3])
  })

  it('ranks a paragraph’s lead above a later sentence of the paragraph before it', () => {
    const paragraphs = [
      'Officials opened the new valley railway on Monday after years of delay and debate.',
      'The line links four towns along the river for the first time in a century. Tickets will cost two pounds for adults on every route.',
      'Engineers tunnelled through the northern ridge to shorten the journey by an hour.',
    ]
    expect(summarizeSentences(paragraphs, [], { maxPoints: 3 }).map((point) => point.text)).not.toContain(
      'Tickets will cost two pounds for adults on every route.',
    )
  })

  const lead = 'Officials opened the new valley railway on Monday after years of delay.'
  const long =
    'The council approved the new harbour bridge budget on Tuesday evening after a long debate, with several members warning that costs could rise again next year.'

  it('shortens a long sentence to its main clause and says where the sentence ends', () => {
    const point = summarizeSentences([lead, long, filler(1)])[1]
    expect(point?.text).toBe('The council approved the new harbour bridge budget on Tuesday evening after a long debate')
    expect(point?.end).toBeLessThan(point?.sentenceEnd ?? 0)
    expect(long.slice(point?.start, point?.sentenceEnd)).toBe(long)
  })

  it('keeps the lead whole: its last clause is often the news', () => {
    expect(summarizeSentences([long, lead, filler(1)])[0]?.text).toBe(long)
  })

  it('keeps whole sentences when trimming is off', () => {
    expect(summarizeSentences([lead, long, filler(1)], [], { clauses: null })[1]?.text).toBe(long)
  })

  it.each([
    {
      name: 'keeps a reporting tail when nobody is attributed',
      attributed: false,
      text: 'Three militants were killed in the fighting on Monday in the southeastern town near the border with Pakistan, state media reported.',
    },
    {
      name: 'drops a reporting tail when the point names its speaker',
      attributed: true,
      text: 'Three militants were killed in the fighting on Monday in the southeastern town near the border with Pakistan',
    },
  ])('$name', ({ attributed, text }) => {
    const sentence =
      'Three militants were killed in the fighting on Monday in the southeastern town near the border with Pakistan, state media reported.'
    const statements = [{ paragraph: 2, start: 0, end: 94, isAttributed: attributed }]
    expect(summarizeSentences([lead, sentence, filler(1)], statements)[1]?.text).toBe(text)
  })

  it('keeps offsets that slice back to the point', () => {
    const paragraphs = ['(Wire) Officials opened the line. They said it cost more than planned.', filler(1)]
    for (const point of summarizeSentences(paragraphs))
      expect(paragraphs[point.paragraph - 1]?.slice(point.start, point.end)).toBe(point.text)
  })

  it('returns nothing for an empty article', () => {
    expect(summarizeSentences([])).toEqual([])
  })
})
