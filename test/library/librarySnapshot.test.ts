import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'
import { buildLibrary, type Library } from '../../src/library/library.js'
import { LIBRARY_PARTS, restoreLibrary, serializeLibrary } from '../../src/library/librarySnapshot.js'
import { type ParsedCommand, parseCommand, runCommand } from '../../src/textCommands/textCommands.js'

const seed = await loadCorpus('corpus')
const built = buildLibrary(seed.articles)

function partsOf(library: Library): Map<string, Uint8Array> {
  return new Map(serializeLibrary(library).map((part) => [part.name, bytesOf(part.data())]))
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data
}

async function restored(parts: ReadonlyMap<string, Uint8Array>): Promise<Library> {
  const result = await restoreLibrary(parts)
  if (!('library' in result)) throw new Error(result.reason)
  return result.library
}

function run(library: Library, argv: string[]): string {
  const command = parseCommand([...argv, '--json']) as ParsedCommand
  return runCommand(library, command, { isColor: false }).text
}

const loaded = await restored(partsOf(built))

// Every chunk of one kind of part (`quotes.0`, `quotes.1`, …).
const namesOf = (parts: ReadonlyMap<string, Uint8Array>, kind: string) => [...parts.keys()].filter((name) => name.startsWith(`${kind}.`))

describe('library snapshots', () => {
  it.each([
    { name: 'ask', argv: ['ask', 'When was the ceasefire announced?'] },
    { name: 'ask within an article', argv: ['ask', 'Who is the spokesperson?', '--article', '000_964c6f0d203bd963'] },
    { name: 'ask with a typo (fuzzy fallback)', argv: ['ask', 'terorism'] },
    { name: 'quote', argv: ['quote', 'Afghanistan'] },
    { name: 'quote by speaker', argv: ['quote', 'talks', '--speaker', 'Andrabi'] },
    { name: 'brief', argv: ['brief'] },
    { name: 'quotes', argv: ['quotes'] },
    { name: 'speakers', argv: ['speakers'] },
    { name: 'articles', argv: ['articles'] },
  ])('answers $name on the seed exactly as the built library does', ({ argv }) => {
    expect(run(loaded, argv)).toBe(run(built, argv))
  })

  it('keeps each speaker one object shared by its quotes and the registry', () => {
    for (const [id, attribution] of loaded.attributions) {
      for (const quote of attribution.quotes) {
        if (quote.speaker !== null) expect(attribution.speakers).toContain(quote.speaker)
      }
      expect(attribution).toEqual(built.attributions.get(id))
    }
    expect([...loaded.attributions].some(([, attribution]) => attribution.quotes.some((quote) => quote.speaker !== null))).toBe(true)
  })

  // Compared by what the parts hold: v8.serialize may write the same string in another encoding.
  it('survives a second round trip unchanged', async () => {
    const twice = await restored(partsOf(loaded))
    expect([...partsOf(twice).keys()]).toEqual([...partsOf(built).keys()])
    for (const argv of [['ask', 'When was the ceasefire announced?'], ['quote', 'talks'], ['speakers']])
      expect(run(twice, argv)).toBe(run(built, argv))
    expect(twice.quotes.surfaces).toEqual(built.quotes.surfaces)
    expect(twice.quotes.search.toJSON()).toEqual(built.quotes.search.toJSON())
  })

  it("stores the paragraphs' text once, in the articles", () => {
    const text = built.articles[0]?.paragraphs[0] ?? ''
    const decoded = [...partsOf(built).values()].map((bytes) => Buffer.from(bytes).toString('latin1'))
    expect(decoded.filter((part) => part.includes(Buffer.from(text).toString('latin1')))).toHaveLength(1)
  })

  it('derives the speaker directory and patterns as a build does', () => {
    expect(loaded.speakerDirectory).toEqual(built.speakerDirectory)
    expect(loaded.speakerPatterns).toEqual(built.speakerPatterns)
  })

  it.each(LIBRARY_PARTS.map((name) => ({ name })))('asks for a rebuild when part $name is missing', async ({ name }) => {
    const parts = partsOf(built)
    for (const chunk of namesOf(parts, name)) parts.delete(chunk)
    expect(await restoreLibrary(parts)).toEqual({ reason: `part ${name} is missing` })
  })

  it('asks for a rebuild when a chunk in the middle is missing', async () => {
    const parts = partsOf(built)
    const chunks = namesOf(parts, 'quotes')
    expect(chunks.length).toBeGreaterThan(2)
    parts.delete(chunks[1] ?? '')
    expect(await restoreLibrary(parts)).toEqual({ reason: 'part quotes is missing' })
  })

  it('asks for a rebuild when a part is unknown (written by other code)', async () => {
    const parts = partsOf(built)
    parts.set('embeddings.0', bytesOf('[]'))
    expect(await restoreLibrary(parts)).toEqual({ reason: 'part embeddings.0 is unknown' })
  })

  it.each(LIBRARY_PARTS.map((name) => ({ name })))('asks for a rebuild, never throws, when part $name is unreadable', async ({ name }) => {
    const parts = partsOf(built)
    for (const chunk of namesOf(parts, name)) parts.set(chunk, bytesOf('{"truncated": '))
    const result = await restoreLibrary(parts)
    expect('reason' in result && result.reason).toMatch(new RegExp(`^part ${name}(\\.0)? cannot be read`))
  })
})
