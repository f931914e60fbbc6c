import { type DomDocument, type DomElement, normalizeSpace } from './dom.js'
import { findArticleNode, type JsonLdNode, namesOf, readJsonLdNodes, textOf } from './jsonLd.js'

// An article's metadata from the sources a page offers, in order of trust: JSON-LD, then
// OpenGraph / `article:*` / other meta tags, then the markup (`<time datetime>`, `rel=author`,
// `<h1>`, `<title>`).

/** What a page says about its article, besides the body. Every field is null when no source has it. */
export type ArticleMetadata = {
  url: string | null
  headline: string | null
  byline: string | null
  /** ISO 8601: `2019-11-19`, `2019-11-19T17:04:00Z` (offsets converted to UTC), or a local time without offset. */
  date: string | null
  site: string | null
  /** The primary language subtag, lower case (`en`). */
  language: string | null
  /** JSON-LD `articleBody`, whitespace kept, for checking the body found in the markup. */
  jsonLdBody: string | null
}

/** Reads the metadata of a parsed page; `pageUrl` (where it came from) resolves relative addresses. Reads, never changes, the document. */
export function readMetadata(document: DomDocument, pageUrl: string | null = null): ArticleMetadata {
  const article = findArticleNode(readJsonLdNodes(document))
  const meta = readMetaTags(document)
  // A publisher "name" that is an address is no name.
  const site = firstText(
    [article === null ? null : textOf(article.publisher), meta.get('og:site_name'), meta.get('application-name')].map((name) =>
      name !== null && name !== undefined && /^https?:\/\//i.test(name.trim()) ? null : name,
    ),
  )
  const headline = firstText([
    article === null ? null : textOf(article.headline),
    meta.get('og:title'),
    meta.get('twitter:title'),
    textOfFirst(document, 'h1'),
    document.title,
  ])
  const url = readUrl(document, meta, pageUrl)
  return {
    url,
    headline: headline === null ? null : stripSiteSuffix(headline, site, url),
    byline: readByline(document, article, meta),
    date: readDate(document, article, meta),
    site,
    language: readLanguage(document, meta, article),
    jsonLdBody:
      article === null || typeof article.articleBody !== 'string' || article.articleBody.trim() === '' ? null : article.articleBody,
  }
}

/** `<meta>` contents by lower-case `property` / `name` / `itemprop` / `http-equiv`, the first of each name. */
function readMetaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>()
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = normalizeSpace(meta.getAttribute('content') ?? '')
    if (content === '') continue
    for (const key of ['property', 'name', 'itemprop', 'http-equiv']) {
      const name = meta.getAttribute(key)?.trim().toLowerCase()
      if (name !== undefined && name !== '' && !tags.has(name)) tags.set(name, content)
    }
  }
  return tags
}

function firstText(values: ReadonlyArray<string | null | undefined>): string | null {
  for (const value of values) {
    const text = value === null || value === undefined ? '' : normalizeSpace(decodeEntities(value))
    if (text !== '') return text
  }
  return null
}

function textOfFirst(document: DomDocument, selector: string): string | null {
  const element = document.querySelector(selector)
  return element === null ? null : normalizeSpace(element.textContent ?? '')
}

// JSON-LD strings are sometimes HTML-escaped twice; meta contents are decoded once by the parser.
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>', nbsp: ' ' }

function decodeEntities(text: string): string {
  return text
    .replace(/&(amp|quot|apos|#39|lt|gt|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
}

// ── URL ──────────────────────────────────────────────────────────────────────────────────────

/** The canonical address: `<link rel=canonical>`, then `og:url`, then the page's own; only http(s). */
function readUrl(document: DomDocument, meta: Map<string, string>, pageUrl: string | null): string | null {
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null
  for (const candidate of [canonical, meta.get('og:url') ?? null, pageUrl]) {
    const url = resolveHttpUrl(candidate, pageUrl)
    if (url !== null) return url
  }
  return null
}

/** `href` resolved against `base`, when the result is an http(s) address; null otherwise. */
export function resolveHttpUrl(href: string | null, base: string | null): string | null {
  if (href === null || href.trim() === '') return null
  try {
    const url = base === null ? new URL(href.trim()) : new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    // Not an address (or a relative one with no page address to resolve it against).
    return null
  }
}

// ── Headline ─────────────────────────────────────────────────────────────────────────────────

/** Separators between a headline and the site's name in `<title>` and `og:title`. */
const TITLE_SEPARATOR = /\s+[|\-–—·•:»]{1,2}\s+/

/**
 * The headline without a site name before or after it ("… - Site Name", "… | Site", "Site | …").
 * A segment is the site's name when it matches `site` or the page's host; without either, a short
 * last segment after a long headline is dropped only when it is separated by `|`.
 */
export function stripSiteSuffix(headline: string, site: string | null, pageUrl: string | null): string {
  const parts = splitTitle(headline)
  if (parts.length < 2) return headline
  const names = [site, hostName(pageUrl)].filter((name): name is string => name !== null && name !== '').map(compact)
  const isSiteName = (part: string): boolean => {
    const key = compact(part)
    return (
      key !== '' &&
      names.some(
        (name) => name === key || (name.length >= 4 && (key.startsWith(name) || name.startsWith(key)) && key.length <= name.length + 12),
      )
    )
  }
  let start = 0
  let end = parts.length
  while (end - start > 1 && isSiteName(parts[end - 1]?.text ?? '')) end--
  while (end - start > 1 && isSiteName(parts[start]?.text ?? '')) start++
  if (end === parts.length && start === 0 && names.length === 0) {
    // No known site name: a short "| Name" tail after a headline of several words is still a site.
    const last = parts[parts.length - 1]
    const rest = parts
      .slice(0, -1)
      .map((part) => part.text)
      .join(' ')
    if (last?.separator.includes('|') && wordCount(last.text) <= 4 && wordCount(rest) >= 4) end--
  }
  if (start === 0 && end === parts.length) return headline
  return headline.slice(parts[start]?.from ?? 0, parts[end - 1]?.to ?? headline.length).trim()
}

type TitlePart = { text: string; from: number; to: number; separator: string }

function splitTitle(title: string): TitlePart[] {
  const parts: TitlePart[] = []
  let from = 0
  let separator = ''
  for (const match of title.matchAll(new RegExp(TITLE_SEPARATOR, 'g'))) {
    parts.push({ text: title.slice(from, match.index), from, to: match.index, separator })
    separator = match[0]
    from = match.index + match[0].length
  }
  parts.push({ text: title.slice(from), from, to: title.length, separator })
  return parts
}

function compact(text: string): string {
  return text
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(com|co\.uk|org|net|ca|news)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

function hostName(pageUrl: string | null): string | null {
  if (pageUrl === null) return null
  try {
    const labels = new URL(pageUrl).hostname.replace(/^(www|m|amp)\./, '').split('.')
    // "latimes.com" → "latimes"; "bbc.co.uk" → "bbc".
    return labels.length >= 3 && (labels.at(-2)?.length ?? 0) <= 3 ? (labels.at(-3) ?? null) : (labels[0] ?? null)
  } catch {
    return null
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

// ── Byline ───────────────────────────────────────────────────────────────────────────────────

/** Meta tags that name an article's author, most trusted first. */
const AUTHOR_META = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'twitter:creator',
]

function readByline(document: DomDocument, article: JsonLdNode | null, meta: Map<string, string>): string | null {
  // Sources in order of trust, each read only when the ones before it had no name.
  const sources: Array<() => string[]> = [
    () => (article === null ? [] : namesOf(article.author ?? article.creator)),
    ...AUTHOR_META.map((name) => () => [meta.get(name) ?? '']),
    () => elementTexts(document, 'a[rel~="author" i], [itemprop~="author" i] [itemprop~="name" i]'),
    // A whole author block often holds a date, a handle or "Print this article" too: only a short one is a name.
    () => elementTexts(document, '[itemprop~="author" i]').filter((text) => text.split(/\s+/).length <= 5),
  ]
  for (const source of sources) {
    const cleaned = dedupe(
      source()
        .map(cleanByline)
        .filter((name): name is string => name !== null),
    )
    if (cleaned.length > 0) return joinNames(cleaned)
  }
  return null
}

function elementTexts(document: DomDocument, selector: string): string[] {
  return Array.from(document.querySelectorAll(selector)).map((element: DomElement) => normalizeSpace(element.textContent ?? ''))
}

/**
 * A byline without "By", a trailing role or site after a separator, an address or handle; null
 * when nothing name-like is left (an address, a URL, a very long text).
 */
export function cleanByline(raw: string): string | null {
  let text = normalizeSpace(decodeEntities(raw))
  if (/^(https?:)?\/\//i.test(text) || (text.includes('@') && !/\s/.test(text))) return null
  // "Jane Doe, AP Auto Writer", "Jane Doe | Staff Writer": the role after a separator goes.
  text = text
    .replace(/^(?:written\s+)?by[:\s]+/i, '')
    .replace(/\s*[|,–—-]\s*[^|,–—-]{0,30}\b(?:writer|reporter|correspondent|contributor|editor|columnist)s?\b.*$/i, '')
  // What follows a "|", a "•" or a handle is a date, a role or a site; addresses are not names.
  text = (text.split(/\s[|•·]\s|\s@\w/)[0] ?? '')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text === '' || text.length > 100 || !/\p{L}/u.test(text)) return null
  return text
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = name.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

// ── Date ─────────────────────────────────────────────────────────────────────────────────────

/** Meta tags that hold the publication date, most trusted first. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'date',
  'article:modified_time',
]

function readDate(document: DomDocument, article: JsonLdNode | null, meta: Map<string, string>): string | null {
  // Sources in order of trust, each read only when the ones before it had no date.
  const sources: Array<() => string | null | undefined> = [
    () => (article === null ? null : textOf(article.datePublished)),
    () => (article === null ? null : textOf(article.dateCreated)),
    ...DATE_META.map((name) => () => meta.get(name)),
    () => document.querySelector('time[datetime][pubdate], time[datetime][itemprop~="datePublished" i]')?.getAttribute('datetime'),
    () => document.querySelector('time[datetime]')?.getAttribute('datetime'),
    () => (article === null ? null : textOf(article.dateModified)),
  ]
  for (const source of sources) {
    const candidate = source()
    const date = candidate === null || candidate === undefined ? null : toIsoDate(candidate)
    if (date !== null) return date
  }
  return null
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * A date as ISO 8601, or null when it is not a date between 1990 and 2100. Dates with an offset
 * become UTC (`…Z`); a date alone stays a date; a time without an offset stays local.
 */
export function toIsoDate(raw: string): string | null {
  const text = raw.trim()
  const iso = ISO_LIKE.exec(text)
  if (iso !== null) {
    const [, year, month, day, hour, minute, second, zone] = iso
    if (!isPlausible(Number(year), Number(month), Number(day))) return null
    if (hour === undefined) return `${year}-${month}-${day}`
    if (zone === undefined) return `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}`
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
    const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${offset}`)
    return Number.isNaN(date.getTime()) ? null : date.toISOString().replace('.000Z', 'Z')
  }
  if (/^\d+$/.test(text)) return null
  const parsed = Date.parse(text)
  if (Number.isNaN(parsed)) return null
  const date = new Date(parsed)
  // A written-out date with a time and zone ("Tue, 19 Nov 2019 17:04:00 GMT") is an instant; one
  // without ("November 19, 2019") is a calendar day, read in the parser's local time.
  if (/\d:\d\d/.test(text) && /(GMT|UTC|Z|[+-]\d{2}:?\d{2})\b/i.test(text)) return date.toISOString().replace('.000Z', 'Z')
  const year = date.getFullYear()
  if (!isPlausible(year, date.getMonth() + 1, date.getDate())) return null
  return `${year}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

function isPlausible(year: number, month: number, day: number): boolean {
  return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// ── Language ─────────────────────────────────────────────────────────────────────────────────

function readLanguage(document: DomDocument, meta: Map<string, string>, article: JsonLdNode | null): string | null {
  const candidates = [
    document.documentElement.getAttribute('lang'),
    document.documentElement.getAttribute('xml:lang'),
    meta.get('content-language'),
    meta.get('language'),
    meta.get('og:locale'),
    article === null ? null : textOf(article.inLanguage),
  ]
  for (const candidate of candidates) {
    const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:,|$)/i.exec(candidate ?? '')
    if (match?.[1] !== undefined) return match[1].toLowerCase()
  }
  return null
}
