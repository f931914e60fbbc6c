import { describe, expect, it } from 'vitest'
import type { Brief, BriefSpeaker, CorpusBrief } from '../../src/answer/brief.js'
import { renderBriefMessage, renderCorpusBriefMessage } from '../../src/render/discordBrief.js'
import { EMBED_LIMITS, embedLength } from '../../src/render/discordLimits.js'

const ARTICLE: Brief['article'] = {
  id: 'bridge',
  headline: 'Council Approves Bridge',
  byline: 'Jane Writer',
  date: '2026-03-02',
  url: null,
}

function speaker(name: string, quote: BriefSpeaker['statements'][number] | null, role: string | null = null): BriefSpeaker {
  return { name, role, kind: 'person', aliases: [], articles: ['bridge'], quotes: 1, statements: quote === null ? [] : [quote] }
}

function brief(parts: Partial<Brief> = {}): Brief {
  return { article: ARTICLE, points: [], speakers: [], timeline: [], ...parts }
}

describe('renderBriefMessage', () => {
  it.each([
    {
      name: 'a direct quote in quotation marks, its trailing comma dropped',
      quote: { text: 'The bridge will last a century,', kind: 'direct' as const, paragraph: 2 },
      expected: '• Maria Lopez — 1 statement\n> “The bridge will last a century” (¶2)',
    },
    {
      name: 'a paraphrase as reported, without quotation marks',
      quote: { text: 'the cost was too high', kind: 'indirect' as const, paragraph: 3 },
      expected: '• Maria Lopez — 1 statement\n> the cost was too high (¶3)',
    },
    { name: 'no quote line when there is none', quote: null, expected: '• Maria Lopez — 1 statement' },
    {
      name: 'markdown and mentions in a quote escaped',
      quote: { text: '@everyone **now**', kind: 'direct' as const, paragraph: 1 },
      expected: '> “\\@everyone \\*\\*now\\*\\*” (¶1)',
    },
  ])("shows $name in who's who", ({ quote, expected }) => {
    const [, whosWho] = renderBriefMessage(brief({ speakers: [speaker('Maria Lopez', quote)] })).embeds
    expect(whosWho?.description).toContain(expected)
  })

  it("shows a frequent speaker's two statements, one block quote each", () => {
    const mayor: BriefSpeaker = {
      ...speaker('Maria Lopez', null),
      quotes: 4,
      statements: [
        { text: 'The bridge will last a century,', kind: 'direct', paragraph: 2 },
        { text: 'tolls would end in 2030', kind: 'indirect', paragraph: 5 },
      ],
    }
    const [, whosWho] = renderBriefMessage(brief({ speakers: [mayor] })).embeds
    expect(whosWho?.description).toContain(
      '• Maria Lopez — 4 statements\n> “The bridge will last a century” (¶2)\n> tolls would end in 2030 (¶5)',
    )
  })

  it('credits a key point to its speaker and leaves narration without one', () => {
    const points = [
      { text: 'The council voted on Monday.', paragraph: 1, speaker: null },
      { text: 'The bridge will last.', paragraph: 2, speaker: { name: 'Maria Lopez', role: 'the mayor' } },
    ]
    const [head] = renderBriefMessage(brief({ points })).embeds
    expect(head?.description).toBe(
      '**Key points**\n• The council voted on Monday. (¶1)\n• The bridge will last. — Maria Lopez, the mayor (¶2)',
    )
  })

  it('says when nothing is about the topic instead of three empty sections', () => {
    const { embeds } = renderBriefMessage(brief(), 'volcano')
    expect(embeds).toHaveLength(1)
    expect(embeds[0]?.description).toMatch(/^Nothing in this article is about “volcano”\./)
  })

  it("shares the 6,000 characters between points, who's who and timeline in whole lines", () => {
    const long = 'word '.repeat(60).trim()
    const many = brief({
      points: Array.from({ length: 40 }, (_, i) => ({ text: long, paragraph: i + 1, speaker: null })),
      speakers: Array.from({ length: 40 }, (_, i) => speaker(`Speaker ${i}`, { text: long, kind: 'direct', paragraph: i + 1 })),
      timeline: Array.from({ length: 40 }, (_, i) => ({ date: 'May 1', when: null, text: long, paragraph: i + 1 })),
    })
    const { embeds } = renderBriefMessage(many)
    expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total)
    for (const embed of embeds) expect(embed.description).toMatch(/\n…and \d+ more$/)
  })
})

describe('renderCorpusBriefMessage', () => {
  const story = (id: string, headline: string) => ({
    article: { ...ARTICLE, id, headline },
    points: [{ text: `${headline} happened.`, paragraph: 1, speaker: null }],
  })

  it('lists each story with its id and the most quoted, saying how many articles it covers', () => {
    const corpus: CorpusBrief = {
      topic: 'bridge',
      articles: 7,
      stories: [story('a', 'First'), story('b', 'Second')],
      speakers: [{ name: 'Maria Lopez', role: 'the mayor', kind: 'person', aliases: [], articles: ['a', 'b'], quotes: 3 }],
    }
    const [embed] = renderCorpusBriefMessage(corpus).embeds
    expect(embed?.title).toBe('Top stories about “bridge”')
    expect(embed?.description).toMatch(/^The top 2 of 7 articles\./)
    expect(embed?.fields).toEqual([
      { name: 'First', value: '`a` · 2026-03-02 · by Jane Writer\n• First happened. (¶1)' },
      { name: 'Second', value: '`b` · 2026-03-02 · by Jane Writer\n• Second happened. (¶1)' },
      { name: 'Most quoted', value: '• Maria Lopez, the mayor — 3 statements in 2 articles' },
    ])
  })

  it('keeps five long stories and many speakers within one message, cutting whole lines', () => {
    const long = 'word '.repeat(200).trim()
    const corpus: CorpusBrief = {
      topic: long,
      articles: 40,
      stories: Array.from({ length: 5 }, (_, i) => ({
        article: { ...ARTICLE, id: `id-${i}`, headline: long },
        points: [1, 2].map((paragraph) => ({ text: long, paragraph, speaker: { name: long, role: long } })),
      })),
      speakers: Array.from({ length: 25 }, (_, i) => ({
        name: `Speaker ${i} ${long}`,
        role: null,
        kind: 'person' as const,
        aliases: [],
        articles: ['a'],
        quotes: 1,
      })),
    }
    const [embed] = renderCorpusBriefMessage(corpus).embeds
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(EMBED_LIMITS.total)
    expect(embed?.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title)
    for (const field of embed?.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName)
      expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue)
    }
    expect(embed?.fields?.[0]?.value).toMatch(/^`id-0` · 2026-03-02 · by Jane Writer\n/)
    expect(embed?.fields?.at(-1)?.value).toMatch(/…and \d+ more$/)
  })

  it.each([
    { name: 'no topic', topic: null, expected: 'No article has anything to brief yet.' },
    { name: 'a topic', topic: 'volcano', expected: 'No article is about “volcano”.' },
  ])('says when there is no story, with $name', ({ topic, expected }) => {
    const [embed] = renderCorpusBriefMessage({ topic, articles: 0, stories: [], speakers: [] }).embeds
    expect(embed?.description).toContain(expected)
  })
})
