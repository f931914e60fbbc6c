import { serialize } from 'node:v8'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { loadMiniSearch, saveMiniSearch } from '../../src/search/miniSearchStore.js'

type Doc = { id: number; title?: string; text?: string }

const OPTIONS = { fields: ['title', 'text'], searchOptions: { boost: { title: 2 } } }
const DOCS: Doc[] = [
  { id: 0, title: 'Border talks', text: 'The talks on the border resumed in Kabul' },
  { id: 1, text: 'No title: this document has only a text field' },
  { id: 2, title: 'Only a title' },
  { id: 3, title: 'Trade', text: 'Trade across the border fell by half; talks stalled' },
]
const noPause = async () => undefined

// The same index whatever order the terms were inserted in (the radix tree iterates in that order).
function plain(search: MiniSearch<Doc>) {
  const { index, ...rest } = search.toJSON()
  return { ...rest, index: [...index].sort(([a], [b]) => a.localeCompare(b)) }
}

function indexOf(docs: readonly Doc[]): MiniSearch<Doc> {
  const search = new MiniSearch<Doc>(OPTIONS)
  search.addAll(docs)
  return search
}

describe('saveMiniSearch and loadMiniSearch', () => {
  it.each([
    { name: 'in one chunk of each kind', options: {} },
    { name: 'in a chunk per document and per posting', options: { postingsPerChunk: 1, documentsPerChunk: 1 } },
  ])('give back the same index $name, documents without a field included', async ({ options }) => {
    const built = indexOf(DOCS)
    const loaded = await loadMiniSearch<Doc>(saveMiniSearch(built, options), OPTIONS, noPause)
    expect(plain(loaded)).toEqual(plain(built))
    for (const query of ['border talks', 'title', 'trade half', 'kabul']) expect(loaded.search(query)).toEqual(built.search(query))
    expect(loaded.search('bord', { prefix: true, fuzzy: 0.2 })).toEqual(built.search('bord', { prefix: true, fuzzy: 0.2 }))
  })

  it('pauses between chunks', async () => {
    const chunks = saveMiniSearch(indexOf(DOCS), { postingsPerChunk: 1, documentsPerChunk: 1 })
    let pauses = 0
    await loadMiniSearch<Doc>(chunks, OPTIONS, async () => void pauses++)
    expect(pauses).toBe(chunks.length - 1)
  })

  it('keeps working after a load: documents can be added and removed', async () => {
    const loaded = await loadMiniSearch<Doc>(saveMiniSearch(indexOf(DOCS)), OPTIONS, noPause)
    loaded.add({ id: 4, text: 'Border crossings reopened' })
    loaded.discard(0)
    expect(loaded.search('border').map((result) => result.id)).toEqual(
      indexOf([...DOCS.slice(1), { id: 4, text: 'Border crossings reopened' }])
        .search('border')
        .map((result) => result.id),
    )
  })

  it.each([
    { name: 'no chunks', chunks: [] },
    { name: 'bytes that are not an index', chunks: [serialize({ hello: 'world' })] },
    { name: 'a header without its chunks', chunks: saveMiniSearch(indexOf(DOCS)).slice(0, 1) },
  ])('throws on $name', async ({ chunks }) => {
    await expect(loadMiniSearch<Doc>(chunks, OPTIONS, noPause)).rejects.toThrow(/^MiniSearch store: /)
  })
})
