import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The rules of DESIGN.md that keep byline easy to change, checked on every file of src/:
// imports point only back up the pipeline, and each outside concern has one home.

const SRC = path.resolve(import.meta.dirname, '../src')
// The folders in pipeline order: a file may import from its own folder and the ones before it.
// errors/ comes first: how anything thrown becomes text, for every stage.
const PIPELINE = [
  'errors',
  'ingest',
  'corpus',
  'text',
  'attribution',
  'search',
  'library',
  'answer',
  'render',
  'textCommands',
  'discord',
] as const
// The composition roots and the configuration: the only files at the top of src/.
const ROOT_FILES = ['cli.ts', 'config.ts', 'console.ts', 'main.ts', 'shard.ts']
// Folders whose work is files on disk: the articles (corpus/) and the library's snapshots (library/).
const FILE_SYSTEM_FOLDERS = ['corpus', 'library']

type Import = { from: string; to: string; isTypeOnly: boolean }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm
const DYNAMIC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g

const imports: Import[] = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8')
  const from = path.relative(SRC, file)
  const found: Import[] = []
  for (const match of text.matchAll(IMPORT)) found.push({ from, to: resolve(file, match[3] ?? ''), isTypeOnly: match[2] !== undefined })
  for (const match of text.matchAll(DYNAMIC_IMPORT)) found.push({ from, to: resolve(file, match[1] ?? ''), isTypeOnly: false })
  return found
})

function resolve(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), specifier)).replace(/\.js$/, '.ts') : specifier
}

function layerOf(file: string): number {
  const top = file.split(path.sep)[0] ?? ''
  return PIPELINE.indexOf(top as (typeof PIPELINE)[number])
}

describe('the architecture rules of DESIGN.md', () => {
  it('reads the imports of every source file', () => {
    expect(imports.length).toBeGreaterThan(100)
  })

  it('imports only point back up the pipeline (roots may import anything)', () => {
    const backwards = imports.filter(({ from, to }) => {
      const source = layerOf(from)
      const target = layerOf(to)
      return source >= 0 && target >= 0 && target > source
    })
    expect(backwards).toEqual([])
  })

  it('pipeline folders import no composition root (config types excepted)', () => {
    const rootImports = imports.filter(
      ({ from, to, isTypeOnly }) =>
        layerOf(from) >= 0 &&
        !to.includes(path.sep) &&
        to.endsWith('.ts') &&
        !(to === 'config.ts' && (isTypeOnly || from.startsWith('discord'))),
    )
    expect(rootImports).toEqual([])
  })

  it("only discord/ imports discord.js; render/ builds messages from Discord's API types and enums (discord-api-types) alone", () => {
    const client = imports.filter(({ from, to }) => to.startsWith('discord.js') && !from.startsWith(`discord${path.sep}`))
    const api = imports.filter(
      ({ from, to }) =>
        to.startsWith('discord-api-types') && !from.startsWith(`discord${path.sep}`) && !from.startsWith(`render${path.sep}`),
    )
    expect(client).toEqual([])
    expect(api).toEqual([])
  })

  it('only search/ imports minisearch', () => {
    expect(imports.filter(({ from, to }) => to === 'minisearch' && !from.startsWith(`search${path.sep}`))).toEqual([])
  })

  it('only corpus/, library/, config.ts and the roots touch the file system; only config.ts and the roots read process.env', () => {
    const files = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }))
    const isRoot = (file: string) => !file.includes(path.sep) || file === path.join('discord', 'deployCommands.ts')
    const fileSystem = files
      .filter(({ file }) => !isRoot(file) && !FILE_SYSTEM_FOLDERS.some((folder) => file.startsWith(`${folder}${path.sep}`)))
      .filter(({ text }) => /from ['"](node:)?fs(\/promises)?['"]/.test(text))
    const environment = files.filter(({ file, text }) => !isRoot(file) && /process\.env/.test(text))
    expect(fileSystem.map(({ file }) => file)).toEqual([])
    expect(environment.map(({ file }) => file)).toEqual([])
  })

  it('keeps only the composition roots and config.ts at the top of src/; everything else lives in a pipeline folder', () => {
    const top = readdirSync(SRC, { withFileTypes: true })
    expect(
      top
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(ROOT_FILES)
    expect(
      top
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .filter((name) => layerOf(name) < 0),
    ).toEqual([])
  })

  it('has no import cycles, type-only imports included', () => {
    const edges = new Map<string, string[]>()
    for (const { from, to } of imports) if (to.endsWith('.ts')) edges.set(from, [...(edges.get(from) ?? []), to])
    expect(findCycles(edges)).toEqual([])
  })

  it('has no default exports and no barrel index files', () => {
    const files = sourceFiles(SRC)
    expect(files.filter((file) => /^export default /m.test(readFileSync(file, 'utf8'))).map((file) => path.relative(SRC, file))).toEqual([])
    expect(files.filter((file) => path.basename(file) === 'index.ts')).toEqual([])
  })
})

// Every cycle of the import graph, each once, as the list of files around it (depth-first search
// with an explicit path: the graph is a few hundred files).
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const onPath = new Map<string, number>()
  const pathStack: string[] = []
  const visit = (file: string): void => {
    onPath.set(file, pathStack.length)
    pathStack.push(file)
    for (const next of edges.get(file) ?? []) {
      const at = onPath.get(next)
      if (at !== undefined) cycles.push(pathStack.slice(at))
      else if (!done.has(next)) visit(next)
    }
    pathStack.pop()
    onPath.delete(file)
    done.add(file)
  }
  for (const file of edges.keys()) if (!done.has(file)) visit(file)
  return cycles
}
