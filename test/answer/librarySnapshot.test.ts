import { describe, expect, it } from 'vitest'
import { buildLibrary, type Library } from '../../src/answer/library.js'
import { LIBRARY_PARTS, restoreLibrary, serializeLibrary } from '../../src/answer/librarySnapshot.js'
import { parseCommand, runCommand, type ParsedCommand } from '../../src/commands.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'

const seed = await loadCorpus('corpus')
const built = buildLibrary(seed.articles)

function partsOf(library: Library): Map<string, Uint8Array> {
  return new Map(serializeLibrary(library).map((part) => [part.name, bytesOf(part.data())]))
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data
}

function restored(parts: ReadonlyMap<string, Uint8Array>): Library {
  const result = restoreLibrary(parts)
  if (!('library' in result)) throw new Error(result.reason)
  return result.library
}

function run(library: Library, argv: string[]): string {
  const command = parseCommand([...argv, '--json']) as ParsedCommand
  return runCommand(library, command, { isColor: false }).text
}

describe('library snapshots', () => {
  const loaded = restored(partsOf(built))

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

  it('survives a second round trip unchanged', () => {
    expect(partsOf(restored(partsOf(loaded)))).toEqual(partsOf(built))
  })

  it.each(LIBRARY_PARTS.map((name) => ({ name })))('asks for a rebuild when part $name is missing', ({ name }) => {
    const parts = partsOf(built)
    parts.delete(name)
    expect(restoreLibrary(parts)).toEqual({ reason: `part ${name} is missing` })
  })

  it('asks for a rebuild when a part is unknown (written by other code)', () => {
    const parts = partsOf(built)
    parts.set('embeddings', bytesOf('[]'))
    expect(restoreLibrary(parts)).toEqual({ reason: 'part embeddings is unknown' })
  })

  it.each(LIBRARY_PARTS.map((name) => ({ name })))('asks for a rebuild, never throws, when part $name is unreadable', ({ name }) => {
    const parts = partsOf(built)
    parts.set(name, bytesOf('{"truncated": '))
    const result = restoreLibrary(parts)
    expect('reason' in result && result.reason).toMatch(new RegExp(`^part ${name} cannot be read`))
  })
})
