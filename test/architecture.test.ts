import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The rules of DESIGN.md that keep byline easy to change, checked on every file of src/:
// imports point only back up the pipeline, and each outside concern has one home.

const SRC = path.resolve(import.meta.dirname, '../src')
const PIPELINE = ['corpus', 'text', 'attribution', 'search', 'answer', 'render', 'discord'] as const

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
    const rootImports = imports.filter(({ from, to, isTypeOnly }) => layerOf(from) >= 0 && !to.includes(path.sep) && to.endsWith('.ts') && !(to === 'config.ts' && (isTypeOnly || from.startsWith('discord'))))
    expect(rootImports).toEqual([])
  })

  it('only discord/ imports discord.js at run time; render/ may import its types', () => {
    const outside = imports.filter(({ from, to, isTypeOnly }) => to.startsWith('discord.js') && !from.startsWith(`discord${path.sep}`) && !(isTypeOnly && from.startsWith(`render${path.sep}`)))
    expect(outside).toEqual([])
  })

  it('only search/ imports minisearch', () => {
    expect(imports.filter(({ from, to }) => to === 'minisearch' && !from.startsWith(`search${path.sep}`))).toEqual([])
  })

  it('only corpus/, config.ts and the roots touch the file system or process.env', () => {
    const offenders = sourceFiles(SRC)
      .map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }))
      .filter(({ file }) => !file.startsWith(`corpus${path.sep}`) && file !== 'config.ts' && file.includes(path.sep) && file !== path.join('discord', 'deployCommands.ts'))
      .filter(({ text }) => /from ['"](node:)?fs(\/promises)?['"]|process\.env/.test(text))
      .map(({ file }) => file)
    expect(offenders).toEqual([])
  })

  it('has no default exports and no barrel index files', () => {
    const files = sourceFiles(SRC)
    expect(files.filter((file) => /^export default /m.test(readFileSync(file, 'utf8'))).map((file) => path.relative(SRC, file))).toEqual([])
    expect(files.filter((file) => path.basename(file) === 'index.ts')).toEqual([])
  })
})
