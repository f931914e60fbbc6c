import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/ask.js'
import { briefArticle, briefCorpus } from '../../src/answer/brief.js'
import { searchQuotes } from '../../src/answer/quote.js'
import type { SpeakerRef } from '../../src/answer/speakerRef.js'
import { listSpeakers } from '../../src/answer/speakers.js'
import { speakerDisplay } from '../../src/attribution/speakerRoles.js'
import type { Article } from '../../src/corpus/article.js'
import { buildLibrary } from '../../src/library/library.js'

function article(id: string, paragraphs: string[]): Article {
  return { id, file: `${id}.txt`, headline: `Story ${id}`, byline: null, date: null, url: null, source: null, server: null, paragraphs }
}

// One person introduced differently in each article, with a rank in one and an office in both:
// every command must still name her the same way.
const library = buildLibrary([
  article('harbour', [
    'Port Authority (PA) Director-General Rear Admiral Ines Varga said the harbour would reopen on Monday.',
    '“The cranes are ready,” Varga said.',
  ]),
  article('cranes', [
    'Ines Varga, the port authority’s director-general, said the cranes had been repaired in a week.',
    'Rear Adm. Varga said the harbour would stay open through the winter storms.',
  ]),
])

const NAME = 'Ines Varga'

function displays(refs: ReadonlyArray<SpeakerRef | null | undefined>): string[] {
  return refs.flatMap((ref) => (ref == null || ref.name !== NAME ? [] : [speakerDisplay(ref)]))
}

describe('one display per speaker across every command', () => {
  it('shows the speaker the same way in /brief, /speakers, /ask and /quote', () => {
    const seen = [
      ...['harbour', 'cranes'].flatMap((id) => {
        const brief = briefArticle(library, id)
        return displays([...(brief?.speakers ?? []), ...(brief?.points.map((point) => point.speaker) ?? [])])
      }),
      ...displays(briefCorpus(library).speakers),
      ...displays(listSpeakers(library).speakers),
      ...displays(listSpeakers(library, { article: 'cranes' }).speakers),
      ...displays(listSpeakers(library, { name: 'Varga' }).speakers),
      ...displays(answerQuestion(library, 'When will the harbour reopen?').results.flatMap((passage) => passage.speakers)),
      ...displays(answerQuestion(library, 'Were the cranes repaired?').results.flatMap((passage) => passage.speakers)),
      ...displays(searchQuotes(library, 'cranes').results.map((hit) => hit.speaker)),
    ]
    // Every command above names her at least once; the longer office of the two articles wins.
    expect(seen.length).toBeGreaterThanOrEqual(9)
    expect(new Set(seen)).toEqual(new Set(['Rear Admiral Ines Varga, the port authority’s director-general']))
  })
})
