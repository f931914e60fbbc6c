import { createHash } from 'node:crypto'

// What makes two articles the same story for `/add`: the same canonical URL, or the same text.

// Query parameters that track a click rather than name a page.
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid)$/i

/**
 * A URL as compared for duplicates: scheme, `www.`, fragment, default port, trailing slash and
 * tracking parameters (`utm_*`, `fbclid` …) left out, the host lowercased, the other parameters
 * sorted. null when `url` is not an http(s) URL.
 */
export function canonicalUrl(url: string | null): string | null {
  if (url === null) return null
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '')
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`
  const pathname = parsed.pathname.replace(/\/+$/, '') || '/'
  const parameters = [...parsed.searchParams]
    .filter(([name]) => !TRACKING_PARAMETER.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const search = parameters.length === 0 ? '' : `?${new URLSearchParams(parameters).toString()}`
  return `${host}${port}${pathname}${search}`
}

/** A fingerprint of an article's text (its paragraphs, case, spacing and quotation mark styles aside): equal for the same story. */
export function textFingerprint(paragraphs: readonly string[]): string {
  const text = paragraphs
    .join('\n')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
  return createHash('sha256').update(text).digest('hex')
}
