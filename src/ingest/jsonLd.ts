import type { DomDocument } from './dom.js'

// schema.org JSON-LD blocks of a page: the most trusted source of an article's metadata, and
// often of its whole text (`articleBody`).

/** A JSON-LD object (one node of a block or of its `@graph`). */
export type JsonLdNode = Record<string, unknown>

/** schema.org types that describe an article (https://schema.org/Article and its subtypes). */
const ARTICLE_TYPE =
  /^(?:\w+NewsArticle|NewsArticle|Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|TechArticle|ScholarlyArticle|OpinionNewsArticle|ReportageNewsArticle|AnalysisNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|SatiricalArticle|Review|WebPage|ItemPage)$/

/** Article types ranked above `WebPage`-like ones when a page has both. */
const STRONG_ARTICLE_TYPE = /Article|Posting|Report|Review/

/** Every JSON-LD node of the page: blocks, arrays and `@graph` members flattened. Bad JSON is skipped. */
export function readJsonLdNodes(document: DomDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = []
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '').trim()
    if (text === '') continue
    const value = parseLenient(text)
    // A page's JSON-LD that cannot be repaired is skipped: the other sources still apply.
    if (value !== undefined) collect(value, nodes, 0)
  }
  return nodes
}

/** JSON.parse, and on failure once more after {@link repairJson}; undefined when both fail. */
function parseLenient(text: string): unknown {
  for (const candidate of [text, repairJson(text)]) {
    try {
      return JSON.parse(candidate)
    } catch {
      // Try the repaired text, then give up.
    }
  }
  return undefined
}

/**
 * Mends what hand-written JSON-LD often gets wrong: `//` and `/* *\/` comments, commas before
 * `}` or `]`, raw line breaks and tabs inside strings, and a `;` at the end. Strings are tracked,
 * so a `//` inside an address is left alone.
 */
export function repairJson(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? ''
    if (inString) {
      if (char === '\\') {
        out += char + (text[i + 1] ?? '')
        i++
      } else if (char === '"') {
        inString = false
        out += char
      } else out += char === '\n' ? '\\n' : char === '\r' ? '' : char === '\t' ? '\\t' : char
      continue
    }
    if (char === '"') {
      inString = true
      out += char
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end === -1 ? text.length : end + 1
    } else if (char === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      // A trailing comma: dropped.
    } else out += char
  }
  return out.trim().replace(/;+$/, '')
}

function collect(value: unknown, into: JsonLdNode[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1)
    return
  }
  const node = value as JsonLdNode
  into.push(node)
  if (Array.isArray(node['@graph'])) collect(node['@graph'], into, depth + 1)
}

/** The node's `@type`s as strings (a type may be a string or a list). */
export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type']
  const list = Array.isArray(type) ? type : [type]
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^https?:\/\/schema\.org\//, ''))
}

/**
 * The node that describes the page's article, or null: the first node with an article type,
 * preferring one that has a headline or a body, and real article types over `WebPage`.
 */
export function findArticleNode(nodes: readonly JsonLdNode[]): JsonLdNode | null {
  const candidates = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)))
  const rank = (node: JsonLdNode): number =>
    (typesOf(node).some((type) => STRONG_ARTICLE_TYPE.test(type)) ? 2 : 0) +
    (typeof node.articleBody === 'string' || typeof node.headline === 'string' ? 1 : 0)
  let best: JsonLdNode | null = null
  for (const node of candidates) if (best === null || rank(node) > rank(best)) best = node
  return best
}

/** A string property, or the `name` of an object property (`{"@type":"Person","name":…}`), trimmed; null when absent. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (Array.isArray(value)) return textOf(value[0])
  if (value !== null && typeof value === 'object') return textOf((value as JsonLdNode).name)
  return null
}

/** The names of a property that may hold one or several persons or organisations. */
export function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map((item) => textOf(item)).filter((name): name is string => name !== null)
}
