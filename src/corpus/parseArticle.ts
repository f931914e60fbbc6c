import { parse as parseYaml } from 'yaml'
import { errorMessage } from '../errors/errorMessage.js'
import type { Article } from './article.js'

/** The result of parsing one corpus file: the article, or the reason it cannot be used. */
export type ParseResult = { ok: true; article: Article } | { ok: false; reason: string }

// A byline line: "By Jane Doe" (any case), or a short run of name words ending in ':'
// ("JANE MCDONALD:").
const BY_PREFIX = /^by\s+(.+?)\s*$/i
const NAME_WITH_COLON = /^((?:[\p{L}.'’-]+\s+){0,4}[\p{L}.'’-]+)\s*:\s*$/u
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/
const FRONT_MATTER_KEYS = ['title', 'author', 'date', 'url', 'source'] as const

/**
 * Parses the text of one `.txt` or `.md` corpus file into an article. `id` is the file name
 * without its extension. Text must already be decoded; CRLF and a BOM are accepted.
 */
export function parseArticle(id: string, file: string, content: string, server: string | null = null): ParseResult {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (text.trim().length === 0) return { ok: false, reason: 'is empty' }
  const parsed = file.toLowerCase().endsWith('.md') ? parseMarkdown(id, file, text) : parseText(id, file, text)
  return parsed.ok ? { ok: true, article: { ...parsed.article, server } } : parsed
}

type Parsed = { ok: true; article: Omit<Article, 'server'> } | { ok: false; reason: string }

function parseText(id: string, file: string, text: string): Parsed {
  const lines = text.split('\n').map((line) => line.trim())
  const firstAt = lines.findIndex((line) => line.length > 0)
  const headline = lines[firstAt] ?? ''
  let rest = lines.slice(firstAt + 1)
  const secondAt = rest.findIndex((line) => line.length > 0)
  const byline = secondAt >= 0 ? parseByline(rest[secondAt] ?? '') : null
  if (byline !== null) rest = rest.slice(secondAt + 1)
  const paragraphs = splitTextParagraphs(rest)
  if (paragraphs.length === 0) return { ok: false, reason: 'has a headline but no paragraphs' }
  return {
    ok: true,
    article: { id, file, headline: collapseSpace(headline), byline, date: null, url: null, source: null, paragraphs },
  }
}

function parseMarkdown(id: string, file: string, text: string): Parsed {
  const front = FRONT_MATTER.exec(text)
  if (front === null) {
    if (text.startsWith('---')) return { ok: false, reason: 'has front matter that never closes (no second ---)' }
    return { ok: false, reason: 'has no front matter (--- title: … ---)' }
  }
  let meta: unknown
  try {
    meta = parseYaml(front[1] ?? '')
  } catch (error) {
    // YAML's messages add a multi-line excerpt of the source: the first line names the problem.
    const message = errorMessage(error).split('\n')[0] ?? ''
    return { ok: false, reason: `has broken front matter: ${message}` }
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    return { ok: false, reason: 'has front matter that is not a list of key: value lines' }
  }
  const fields: Partial<Record<(typeof FRONT_MATTER_KEYS)[number], string>> = {}
  for (const key of FRONT_MATTER_KEYS) {
    const value = (meta as Record<string, unknown>)[key]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
      return { ok: false, reason: `has a front matter "${key}" that is not text` }
    }
    fields[key] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim()
  }
  if (!fields.title) return { ok: false, reason: 'has no title in its front matter' }
  if (fields.date !== undefined && !isIsoDate(fields.date)) {
    return { ok: false, reason: `has a front matter date "${fields.date}" that is not ISO 8601 (YYYY-MM-DD)` }
  }
  const body = text.slice(front[0].length)
  const paragraphs = body
    .split(/\n[ \t]*\n/)
    .map(joinLines)
    .filter((block) => block.length > 0)
  if (paragraphs.length === 0) return { ok: false, reason: 'has front matter but no paragraphs' }
  return {
    ok: true,
    article: {
      id,
      file,
      headline: collapseSpace(fields.title),
      byline: fields.author ?? null,
      date: fields.date ?? null,
      url: fields.url ?? null,
      source: fields.source ?? null,
      paragraphs,
    },
  }
}

// One paragraph a line, as in the seed; but when blank lines separate blocks and some block
// spans several lines, the text is hard-wrapped and the blocks are the paragraphs.
function splitTextParagraphs(lines: readonly string[]): string[] {
  const blocks = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
  const isWrapped = blocks.length > 1 && blocks.some((block) => block.includes('\n'))
  const paragraphs = isWrapped ? blocks : lines.filter((line) => line.length > 0)
  return paragraphs.map(joinLines)
}

/** The byline's name when `line` is a byline ("By Jane Doe", "JANE DOE:"), else null. */
export function parseByline(line: string): string | null {
  const by = BY_PREFIX.exec(line)
  if (by?.[1] !== undefined && by[1].split(/\s+/).length <= 8) return titleCase(by[1])
  const named = NAME_WITH_COLON.exec(line)
  if (named?.[1] !== undefined) return titleCase(named[1])
  return null
}

// Only shouting bylines are re-cased: "JANE DOE" → "Jane Doe", "Jane McDonald" stays.
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value))
}

// Paragraph text stays as written (quote offsets and evaluation scorers find spans in the
// original); only the line breaks of hard-wrapped text become single spaces.
function joinLines(block: string): string {
  return block.replace(/[ \t]*\n[ \t]*/g, ' ').trim()
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
