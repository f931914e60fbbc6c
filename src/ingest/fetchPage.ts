import { lookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import {
  type AllowList,
  checkHostAddresses,
  describeRefusedKind,
  formatIpAddress,
  type IpAddress,
  parseAllowList,
  parseIpAddress,
} from './addressPolicy.js'
import { decodePageText, encodingForLabel } from './charset.js'
import { readBody } from './fetchBody.js'
import { looksLikeHtml, parseContentType, sniffBinaryType } from './fetchContent.js'

// Fetching a link that a stranger pasted into Discord, safely: only http(s), only public addresses
// (checked after resolving, then connected to that very address, so DNS cannot change its answer in
// between), every redirect checked again, and hard limits on time, size and type. Network I/O only:
// no file system, no environment, no logging; the caller passes the operator's settings in.

/** The limits and exceptions of one fetch; callers spread theirs over {@link defaultFetchPolicy}. */
export type FetchPolicy = {
  /** FETCH_ALLOW_PRIVATE_HOSTS: host names (`intranet.example`, `*.corp.example`), IP addresses or CIDR ranges the operator allows although private or loopback. */
  allowPrivateHosts: readonly string[]
  /** The whole fetch, redirects and body included. */
  timeoutMs: number
  /** Bytes read (after decompression too); reading stops and the connection is closed past it. */
  maxBytes: number
  maxRedirects: number
  userAgent: string
  /** Resolves a host name to all its addresses (default: the system resolver); injectable for tests. */
  resolveHost?: (host: string) => Promise<readonly string[]>
}

/** Defaults: nothing private allowed, 10 s, 5 MB, 5 redirects, a User-Agent naming byline. */
export const defaultFetchPolicy: FetchPolicy = {
  allowPrivateHosts: [],
  timeoutMs: 10_000,
  maxBytes: 5_000_000,
  maxRedirects: 5,
  userAgent: 'byline/0.1 (a Discord bot that answers questions about the news articles people share; fetches one page when asked)',
}

/** A fetched page: the final URL after redirects, what it is, and its text decoded from its charset. */
export type FetchedPage = { url: string; kind: 'html' | 'text'; text: string; contentType: string }

/** Why a fetch failed; each reason has its own plain message. */
export type FetchFailureReason =
  | 'not-a-link'
  | 'scheme-not-allowed'
  | 'address-not-allowed'
  | 'timed-out'
  | 'too-large'
  | 'not-a-web-page'
  | 'too-many-redirects'
  | 'http-error'
  | 'network-error'
  | 'attachment-not-allowed'
  | 'wrong-file-type'

/** A failure: the reason for code to branch on, and a message in plain words for a Discord user (no stack). */
export type FetchFailure = { ok: false; reason: FetchFailureReason; message: string }

/** The outcome of {@link fetchPage}: a page, or a failure. Never throws for anything the network or the site does. */
export type FetchResult = { ok: true; page: FetchedPage } | FetchFailure

/** A Discord attachment as the interaction payload gives it (`url`, `filename`, `size`, `content_type`). */
export type AttachmentRef = { url: string; filename: string; size: number; contentType: string | null }

/** A downloaded attachment: a page whose `format` comes from the file's extension. */
export type FetchedAttachment = FetchedPage & { format: 'html' | 'text' | 'markdown' }

/** The outcome of {@link fetchAttachment}. */
export type AttachmentResult = { ok: true; page: FetchedAttachment } | FetchFailure

/** Where Discord serves attachments; the bot adds its DISCORD_API_BASE host in tests. */
export const DISCORD_ATTACHMENT_HOSTS: readonly string[] = ['cdn.discordapp.com', 'media.discordapp.net']

const ATTACHMENT_FORMATS: Readonly<Record<string, FetchedAttachment['format']>> = {
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.md': 'markdown',
}

const PAGE_MEDIA_TYPES: Readonly<Record<string, FetchedPage['kind']>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
}

// What Discord's CDN may call a text file; the bytes are checked whatever it says.
const ATTACHMENT_MEDIA_TYPES = /^(text\/[\w.+-]+|application\/xhtml\+xml|application\/octet-stream|application\/x-markdown)$/

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** Fetches a web page under the policy; see {@link FetchPolicy} for the limits. Never throws. */
export async function fetchPage(url: string, policy: Partial<FetchPolicy> = {}): Promise<FetchResult> {
  const settings = { ...defaultFetchPolicy, ...policy }
  const fetched = await fetchBody(url, settings, {
    allowList: parseAllowList(settings.allowPrivateHosts),
    noun: 'page',
    isAcceptedType: (mediaType) => mediaType in PAGE_MEDIA_TYPES,
    checkHost: () => null,
  })
  if (!fetched.ok) return fetched
  const { mediaType, charset } = parseContentType(fetched.contentType)
  const actualType = sniffBinaryType(fetched.bytes, isUtf16(charset))
  if (actualType !== null) {
    const claim = mediaType === null ? '' : `, though the site calls it ${mediaType}`
    return fail('not-a-web-page', `That link is not a web page (it is ${actualType}${claim}).`)
  }
  const kind = mediaType === null ? (looksLikeHtml(fetched.bytes) ? 'html' : 'text') : (PAGE_MEDIA_TYPES[mediaType] ?? 'text')
  const contentType = fetched.contentType ?? (kind === 'html' ? 'text/html' : 'text/plain')
  return { ok: true, page: { url: fetched.url, kind, text: decodePageText(fetched.bytes, charset, kind === 'html'), contentType } }
}

/**
 * Downloads a Discord attachment under the same limits: only from Discord's attachment hosts (plus
 * `attachmentHosts`, which may also be private, like the local emulator in tests), only `.html`,
 * `.htm`, `.txt` and `.md` files, and only when the bytes are text whatever the claimed type. Never throws.
 */
export async function fetchAttachment(
  attachment: AttachmentRef,
  policy: Partial<FetchPolicy> & { attachmentHosts?: readonly string[] } = {},
): Promise<AttachmentResult> {
  const { attachmentHosts = [], ...rest } = policy
  const settings = { ...defaultFetchPolicy, ...rest }
  const hosts = [...DISCORD_ATTACHMENT_HOSTS, ...attachmentHosts].map((host) => host.toLowerCase())
  const extension = /\.[^./\\]+$/.exec(attachment.filename)?.[0].toLowerCase() ?? ''
  const format = ATTACHMENT_FORMATS[extension]
  if (format === undefined)
    return fail('wrong-file-type', `Only .html, .htm, .txt and .md files can be added (${describeFileName(attachment.filename)}).`)
  const claimed = parseContentType(attachment.contentType).mediaType
  if (claimed !== null && !ATTACHMENT_MEDIA_TYPES.test(claimed))
    return fail('wrong-file-type', `${attachment.filename} is not a text file (Discord says it is ${claimed}).`)
  if (attachment.size > settings.maxBytes) return fail('too-large', `The file is larger than ${formatMegabytes(settings.maxBytes)}.`)
  const isAttachmentHost = (url: URL) => hosts.includes(url.host.toLowerCase()) || hosts.includes(url.hostname.toLowerCase())
  const fetched = await fetchBody(attachment.url, settings, {
    // The hosts the bot names are trusted like the operator's exceptions: the test emulator is local.
    allowList: parseAllowList([...settings.allowPrivateHosts, ...attachmentHosts.map((host) => hostNameOf(host))]),
    noun: 'file',
    isAcceptedType: (mediaType) => ATTACHMENT_MEDIA_TYPES.test(mediaType),
    checkHost: (url) =>
      isAttachmentHost(url)
        ? null
        : fail('attachment-not-allowed', `Attachments are downloaded only from Discord, and this one is on ${url.hostname}.`),
  })
  if (!fetched.ok) return fetched
  const charset = parseContentType(fetched.contentType).charset ?? parseContentType(attachment.contentType).charset
  const actualType = sniffBinaryType(fetched.bytes, isUtf16(charset))
  if (actualType !== null) return fail('wrong-file-type', `${attachment.filename} is not a text file (it is ${actualType}).`)
  const kind = format === 'html' ? 'html' : 'text'
  const contentType = fetched.contentType ?? attachment.contentType ?? (kind === 'html' ? 'text/html' : 'text/plain')
  return { ok: true, page: { url: fetched.url, kind, format, text: decodePageText(fetched.bytes, charset, kind === 'html'), contentType } }
}

// A declared UTF-16 text is full of zero bytes; only its signature can show it is not text.
function isUtf16(charset: string | null): boolean {
  return encodingForLabel(charset)?.startsWith('utf-16') ?? false
}

function hostNameOf(host: string): string {
  return parseIpAddress(host) !== null ? host : host.replace(/:\d+$/, '')
}

function describeFileName(filename: string): string {
  return filename.includes('.') ? `this is ${filename}` : `${filename} has no extension`
}

type BodyRules = {
  allowList: AllowList
  /** How messages name what is fetched: "The page is larger…", "The file took longer…". */
  noun: 'page' | 'file'
  isAcceptedType: (mediaType: string) => boolean
  /** Extra per-hop check (attachments: the host must be Discord's); null lets the hop through. */
  checkHost: (url: URL) => FetchFailure | null
}

type FetchedBody = { ok: true; url: string; contentType: string | null; bytes: Buffer }

async function fetchBody(input: string, policy: FetchPolicy, rules: BodyRules): Promise<FetchedBody | FetchFailure> {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch (error) {
    if (error instanceof TypeError)
      return fail('not-a-link', 'That is not a link: give a full web address starting with http:// or https://.')
    throw error
  }
  // One clock for the whole chain: lookups, redirects, connections and the body.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs)
  const { signal } = controller
  const seen = new Set<string>()
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(url.href)
      const hop = await openHop(url, redirects > 0, policy, rules, signal)
      if (!hop.ok) return hop
      const response = hop.response
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        response.destroy()
        let next: URL
        try {
          next = new URL(location, url)
        } catch (error) {
          if (error instanceof TypeError) return fail('network-error', `The site redirects to something that is not a link (${status}).`)
          throw error
        }
        if (seen.has(next.href)) return fail('too-many-redirects', 'The link redirects in a loop.')
        if (redirects >= policy.maxRedirects)
          return fail('too-many-redirects', `The link redirects more than ${policy.maxRedirects} times.`)
        url = next
        continue
      }
      if (status < 200 || status > 299) {
        response.destroy()
        return fail(
          'http-error',
          `The site answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''} instead of the ${rules.noun}.`,
        )
      }
      const contentType = response.headers['content-type'] ?? null
      const { mediaType } = parseContentType(contentType)
      if (mediaType !== null && !rules.isAcceptedType(mediaType)) {
        response.destroy()
        return rules.noun === 'page'
          ? fail('not-a-web-page', `That link is not a web page (it is ${mediaType}).`)
          : fail('wrong-file-type', `The file is not text (it is ${mediaType}).`)
      }
      const declaredLength = Number(response.headers['content-length'])
      if (declaredLength > policy.maxBytes) {
        response.destroy()
        return tooLarge(rules, policy)
      }
      const bytes = await readBody(response, policy.maxBytes, signal)
      if (!bytes.ok) return bytes.reason === 'too-large' ? tooLarge(rules, policy) : fail('network-error', bytes.message)
      return { ok: true, url: url.href, contentType, bytes: bytes.bytes }
    }
  } catch (error) {
    if (signal.aborted) return fail('timed-out', `The ${rules.noun} took longer than ${formatSeconds(policy.timeoutMs)}.`)
    return fail('network-error', `Could not reach ${url.hostname}: ${describeNetworkError(error)}.`)
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

type Hop = { ok: true; response: IncomingMessage } | FetchFailure

/** Checks one URL of the chain (scheme, credentials, host, every address) and, when all pass, requests it from the checked address. */
async function openHop(url: URL, isRedirect: boolean, policy: FetchPolicy, rules: BodyRules, signal: AbortSignal): Promise<Hop> {
  const via = isRedirect ? 'That link redirects to an address with' : 'That link has'
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(
      'scheme-not-allowed',
      `Only http and https links can be added (${isRedirect ? 'the link redirects to' : 'that link is'} a ${url.protocol} address).`,
    )
  }
  // user@host: a classic way to make "http://trusted.example@10.0.0.1/" look like another site.
  if (url.username !== '' || url.password !== '')
    return fail('address-not-allowed', `${via} a user name or password in it (user@host), which is not allowed.`)
  const hostRefusal = rules.checkHost(url)
  if (hostRefusal !== null) return hostRefusal
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const literal = parseIpAddress(host)
  // A name that is special by itself (localhost, the metadata service) is refused before any lookup.
  const before = literal === null ? checkHostAddresses(host, [], rules.allowList) : { ok: true as const }
  if (!before.ok) return refuseAddress(before.kind, isRedirect)
  const addresses = literal === null ? await resolveAll(host, policy, signal) : [host]
  if (addresses.length === 0) return fail('network-error', `No site answers to the name ${host}.`)
  const verdict = checkHostAddresses(host, addresses, rules.allowList)
  if (!verdict.ok) return refuseAddress(verdict.kind, isRedirect)
  const checked = addresses.flatMap((address) => parseIpAddress(address) ?? [])
  return { ok: true, response: await requestFrom(url, host, checked, policy, signal) }
}

function refuseAddress(kind: Parameters<typeof describeRefusedKind>[0], isRedirect: boolean): FetchFailure {
  const lead = isRedirect ? 'That link redirects to an address that is not allowed' : 'That address is not allowed'
  return fail('address-not-allowed', `${lead}: ${describeRefusedKind(kind)}.`)
}

async function resolveAll(host: string, policy: FetchPolicy, signal: AbortSignal): Promise<readonly string[]> {
  const resolve = policy.resolveHost ?? resolveWithSystem
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
  })
  // The system resolver cannot be cancelled; the deadline stops waiting for it.
  aborted.catch(() => undefined)
  return Promise.race([resolve(host), aborted])
}

async function resolveWithSystem(host: string): Promise<readonly string[]> {
  try {
    const answers = await lookup(host, { all: true, verbatim: true })
    return answers.map(({ address }) => address)
  } catch (error) {
    if (isErrorWithCode(error) && (error.code === 'ENOTFOUND' || error.code === 'ENODATA')) return []
    throw error
  }
}

/** One GET to the checked addresses: the connection goes to one of `checked` while Host and TLS name the site. */
function requestFrom(
  url: URL,
  host: string,
  checked: readonly IpAddress[],
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const answers = checked.map((ip) => ({ address: formatIpAddress(ip), family: ip.family }))
  // Node asks this instead of DNS, so a second lookup (DNS rebinding) cannot happen. Given all the
  // checked addresses, Node's happy eyeballs can still fall back from IPv6 to IPv4.
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    const [first] = answers
    if (options.all === true) callback(null, answers)
    else if (first !== undefined) callback(null, first.address, first.family)
    else callback(Object.assign(new Error(`no checked address for ${host}`), { code: 'ENOTFOUND' }), '', 4)
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const request = send({
      protocol: url.protocol,
      host,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: {
        'user-agent': policy.userAgent,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
      // A fresh connection per hop: a pooled socket could be one opened to another address.
      agent: false,
      lookup: pinnedLookup,
      signal,
    })
    request.once('response', resolve)
    // After the response arrives, errors surface on the response stream instead; a settled promise ignores this.
    request.on('error', reject)
    request.end()
  })
}

function tooLarge(rules: BodyRules, policy: FetchPolicy): FetchFailure {
  return fail('too-large', `The ${rules.noun} is larger than ${formatMegabytes(policy.maxBytes)}.`)
}

function fail(reason: FetchFailureReason, message: string): FetchFailure {
  return { ok: false, reason, message }
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1_000_000
  return megabytes >= 1 ? `${Number(megabytes.toFixed(1))} MB` : `${Math.ceil(bytes / 1000)} kB`
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

function isErrorWithCode(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
}

const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was cut',
  EHOSTUNREACH: 'the site cannot be reached',
  ENETUNREACH: 'the site cannot be reached',
  ETIMEDOUT: 'the connection timed out',
  EAI_AGAIN: 'its name could not be looked up just now',
  ENOTFOUND: 'no site answers to that name',
  HPE_INVALID_CONSTANT: 'the site does not speak HTTP properly',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its security certificate is for another site',
  CERT_HAS_EXPIRED: 'its security certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its security certificate is not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate is not trusted',
}

function describeNetworkError(error: unknown): string {
  if (isErrorWithCode(error))
    return NETWORK_ERRORS[error.code] ?? (error.code.startsWith('HPE_') ? 'the site does not speak HTTP properly' : 'the connection failed')
  return 'the connection failed'
}
