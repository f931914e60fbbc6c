import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultFetchPolicy, type FetchFailureReason, type FetchPolicy, fetchAttachment, fetchPage } from '../../src/ingest/fetchPage.js'
import { DECODED, type LocalServer, startSentinel, startSite, startTlsSite } from './fetchServers.js'

// Every link here is served on 127.0.0.1. In URLs, SENTINEL stands for the sentinel's port and
// SITE for the site's; the injected resolver plays DNS. The site is reachable as news.test (an
// allowed name) so that its redirects can point at refused addresses; the sentinel stands behind
// every refused address and must never see a connection.

let sentinel: LocalServer
let site: LocalServer
const lookups: string[] = []

// The fake DNS: names and what they resolve to.
const DNS: Readonly<Record<string, readonly string[]>> = {
  'news.test': ['127.0.0.1'],
  'evil.test': ['127.0.0.1'],
  'v6-loopback.test': ['::1'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'mixed.test': ['93.184.216.34', '127.0.0.1'],
  'private.test': ['10.0.0.7'],
  'metadata.test': ['169.254.169.254'],
  'cgnat.test': ['100.64.0.1'],
  'ula.test': ['fd00::1'],
  'zero.test': ['0.0.0.0'],
  'cdn.discordapp.com': ['10.0.0.9'],
}

async function resolveHost(host: string): Promise<readonly string[]> {
  lookups.push(host)
  if (host === 'slow-dns.test') return new Promise<never>(() => undefined)
  return DNS[host] ?? []
}

const HOSTILE_POLICY: Partial<FetchPolicy> = { allowPrivateHosts: ['news.test'], resolveHost }

function fill(url: string): string {
  return url.replaceAll('SENTINEL', String(sentinel.port)).replaceAll('SITE', String(site.port))
}

beforeAll(async () => {
  sentinel = await startSentinel()
  site = await startSite()
})

afterAll(async () => {
  await sentinel.close()
  await site.close()
})

type HostileRow = { name: string; url: string; reason: FetchFailureReason; message: string | RegExp; policy?: Partial<FetchPolicy> }

const LOOPBACK = "That address is not allowed: it points to the bot's own computer."
const PRIVATE = 'That address is not allowed: it points inside a private network.'
const METADATA = "That address is not allowed: it points to the cloud metadata service of the bot's host."
const REDIRECT_LOOPBACK = "That link redirects to an address that is not allowed: it points to the bot's own computer."
const CREDENTIALS = /user name or password in it \(user@host\), which is not allowed\.$/
const SCHEME = /^Only http and https links can be added/

const HOSTILE: readonly HostileRow[] = [
  // Each spelling of loopback, straight at the sentinel.
  { name: 'loopback, dotted', url: 'http://127.0.0.1:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, decimal', url: 'http://2130706433:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, octal', url: 'http://0177.0.0.1:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, short hex', url: 'http://0x7f.1:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, one hex number', url: 'http://0x7f000001:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, short dotted', url: 'http://127.1:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, percent-encoded', url: 'http://%31%32%37.0.0.1:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'loopback, another address of 127/8', url: 'http://127.0.0.2:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'IPv6 loopback', url: 'http://[::1]:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'IPv4-mapped loopback, dotted', url: 'http://[::ffff:127.0.0.1]:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'IPv4-mapped loopback, hex', url: 'http://[::ffff:7f00:1]:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'IPv4-compatible loopback', url: 'http://[::127.0.0.1]:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'NAT64 of loopback', url: 'http://[64:ff9b::7f00:1]:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: '6to4 of loopback', url: 'http://[2002:7f00:1::]:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  {
    name: 'the unspecified address (reaches this machine on Linux)',
    url: 'http://0.0.0.0:SENTINEL/',
    reason: 'address-not-allowed',
    message: /it is not the address of any web site/,
  },
  {
    name: 'the unspecified address as 0',
    url: 'http://0:SENTINEL/',
    reason: 'address-not-allowed',
    message: /it is not the address of any web site/,
  },
  { name: 'localhost, never looked up', url: 'http://localhost:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'LOCALHOST. with a final dot', url: 'http://LOCALHOST.:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'a subdomain of localhost', url: 'http://app.localhost:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  // Names that resolve to refused addresses.
  { name: 'a name that resolves to 127.0.0.1', url: 'http://evil.test:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  { name: 'a name that resolves to ::1', url: 'http://v6-loopback.test:SENTINEL/', reason: 'address-not-allowed', message: LOOPBACK },
  {
    name: 'a name that resolves to ::ffff:127.0.0.1',
    url: 'http://mapped.test:SENTINEL/',
    reason: 'address-not-allowed',
    message: LOOPBACK,
  },
  {
    name: 'a name with a public and a loopback address',
    url: 'http://mixed.test:SENTINEL/',
    reason: 'address-not-allowed',
    message: LOOPBACK,
  },
  {
    name: 'a name that resolves to 0.0.0.0',
    url: 'http://zero.test:SENTINEL/',
    reason: 'address-not-allowed',
    message: /it is not the address of any web site/,
  },
  { name: 'a name that resolves to 10.0.0.7', url: 'http://private.test/', reason: 'address-not-allowed', message: PRIVATE },
  {
    name: 'a name that resolves to the metadata service',
    url: 'http://metadata.test/latest/meta-data/',
    reason: 'address-not-allowed',
    message: METADATA,
  },
  { name: 'a name that resolves to CGNAT', url: 'http://cgnat.test/', reason: 'address-not-allowed', message: /carrier's private network/ },
  { name: 'a name that resolves to IPv6 unique-local', url: 'http://ula.test/', reason: 'address-not-allowed', message: PRIVATE },
  // Private, link-local, metadata and other special addresses.
  { name: '10/8', url: 'http://10.0.0.1/', reason: 'address-not-allowed', message: PRIVATE },
  { name: '172.16/12', url: 'http://172.16.5.4/', reason: 'address-not-allowed', message: PRIVATE },
  { name: '192.168/16, octal', url: 'http://0300.0250.0.1/', reason: 'address-not-allowed', message: PRIVATE },
  { name: 'cloud metadata', url: 'http://169.254.169.254/latest/meta-data/', reason: 'address-not-allowed', message: METADATA },
  { name: 'cloud metadata, decimal', url: 'http://2852039166/latest/meta-data/', reason: 'address-not-allowed', message: METADATA },
  { name: 'cloud metadata, IPv4-mapped', url: 'http://[::ffff:a9fe:a9fe]/', reason: 'address-not-allowed', message: METADATA },
  {
    name: 'the metadata name, never looked up',
    url: 'http://metadata.google.internal/computeMetadata/v1/',
    reason: 'address-not-allowed',
    message: METADATA,
  },
  { name: 'link-local', url: 'http://169.254.1.1/', reason: 'address-not-allowed', message: /link-local/ },
  { name: 'IPv6 link-local', url: 'http://[fe80::1]/', reason: 'address-not-allowed', message: /link-local/ },
  { name: "AWS's IPv6 metadata (unique-local)", url: 'http://[fd00:ec2::254]/', reason: 'address-not-allowed', message: PRIVATE },
  { name: 'CGNAT', url: 'http://100.64.0.1/', reason: 'address-not-allowed', message: /carrier's private network/ },
  { name: 'multicast', url: 'http://224.0.0.1/', reason: 'address-not-allowed', message: /multicast/ },
  { name: 'broadcast', url: 'http://255.255.255.255/', reason: 'address-not-allowed', message: /broadcast/ },
  { name: 'reserved 240/4', url: 'http://240.0.0.1/', reason: 'address-not-allowed', message: /reserved/ },
  {
    name: 'Teredo wrapping loopback',
    url: 'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:SENTINEL/',
    reason: 'address-not-allowed',
    message: LOOPBACK,
  },
  // user@host tricks.
  { name: 'a user name', url: 'http://user@127.0.0.1:SENTINEL/', reason: 'address-not-allowed', message: CREDENTIALS },
  {
    name: 'an allowed name as the user name',
    url: 'http://news.test@evil.test:SENTINEL/',
    reason: 'address-not-allowed',
    message: CREDENTIALS,
  },
  {
    name: 'an allowed name and port as user and password',
    url: 'http://news.test:SITE@127.0.0.1:SENTINEL/',
    reason: 'address-not-allowed',
    message: CREDENTIALS,
  },
  {
    name: 'credentials on the allowed site itself',
    url: 'http://user:secret@news.test:SITE/article.html',
    reason: 'address-not-allowed',
    message: CREDENTIALS,
  },
  // Schemes other than http(s), and things that are not links.
  {
    name: 'file:',
    url: 'file:///etc/passwd',
    reason: 'scheme-not-allowed',
    message: 'Only http and https links can be added (that link is a file: address).',
  },
  { name: 'ftp:', url: 'ftp://127.0.0.1:SENTINEL/', reason: 'scheme-not-allowed', message: SCHEME },
  { name: 'javascript:', url: 'javascript:alert(document.cookie)', reason: 'scheme-not-allowed', message: SCHEME },
  { name: 'data:', url: 'data:text/html,<p>hello</p>', reason: 'scheme-not-allowed', message: SCHEME },
  { name: 'gopher:', url: 'gopher://127.0.0.1:SENTINEL/_GET%20/', reason: 'scheme-not-allowed', message: SCHEME },
  { name: 'ws:', url: 'ws://127.0.0.1:SENTINEL/', reason: 'scheme-not-allowed', message: SCHEME },
  { name: 'words', url: 'the budget article please', reason: 'not-a-link', message: /^That is not a link/ },
  { name: 'a link without its scheme', url: 'news.test/article.html', reason: 'not-a-link', message: /^That is not a link/ },
  { name: 'an empty string', url: '', reason: 'not-a-link', message: /^That is not a link/ },
  // Redirects from the allowed site to refused places.
  {
    name: 'redirect to 127.0.0.1',
    url: 'http://news.test:SITE/redirect?to=http://127.0.0.1:SENTINEL/',
    reason: 'address-not-allowed',
    message: REDIRECT_LOOPBACK,
  },
  {
    name: 'redirect to a decimal IP',
    url: 'http://news.test:SITE/redirect?to=http://2130706433:SENTINEL/',
    reason: 'address-not-allowed',
    message: REDIRECT_LOOPBACK,
  },
  {
    name: 'redirect to the metadata service',
    url: 'http://news.test:SITE/redirect?to=http://169.254.169.254/latest/meta-data/',
    reason: 'address-not-allowed',
    message: "That link redirects to an address that is not allowed: it points to the cloud metadata service of the bot's host.",
  },
  {
    name: 'redirect to IPv4-mapped IPv6',
    url: 'http://news.test:SITE/redirect?to=http://[::ffff:7f00:1]:SENTINEL/',
    reason: 'address-not-allowed',
    message: REDIRECT_LOOPBACK,
  },
  {
    name: 'redirect to a name that resolves to loopback',
    url: 'http://news.test:SITE/redirect?to=http://evil.test:SENTINEL/',
    reason: 'address-not-allowed',
    message: REDIRECT_LOOPBACK,
  },
  {
    name: 'redirect to localhost',
    url: 'http://news.test:SITE/redirect?to=http://localhost:SENTINEL/',
    reason: 'address-not-allowed',
    message: REDIRECT_LOOPBACK,
  },
  {
    name: 'protocol-relative redirect to loopback',
    url: 'http://news.test:SITE/redirect?to=//127.0.0.1:SENTINEL/',
    reason: 'address-not-allowed',
    message: REDIRECT_LOOPBACK,
  },
  {
    name: 'redirect to a private network',
    url: 'http://news.test:SITE/redirect?to=http://private.test/',
    reason: 'address-not-allowed',
    message: 'That link redirects to an address that is not allowed: it points inside a private network.',
  },
  {
    name: 'redirect to file:',
    url: 'http://news.test:SITE/redirect?to=file:///etc/passwd',
    reason: 'scheme-not-allowed',
    message: 'Only http and https links can be added (the link redirects to a file: address).',
  },
  {
    name: 'redirect to user@host',
    url: 'http://news.test:SITE/redirect?to=http://user@news.test:SITE/article.html',
    reason: 'address-not-allowed',
    message: /^That link redirects to an address with a user name or password/,
  },
  {
    name: 'too many redirects',
    url: 'http://news.test:SITE/chain?step=0',
    reason: 'too-many-redirects',
    message: 'The link redirects more than 5 times.',
  },
  { name: 'a redirect loop', url: 'http://news.test:SITE/loop', reason: 'too-many-redirects', message: 'The link redirects in a loop.' },
  // Huge, endless and slow bodies.
  {
    name: 'a huge Content-Length',
    url: 'http://news.test:SITE/huge-length',
    reason: 'too-large',
    message: 'The page is larger than 5 MB.',
  },
  { name: 'an endless chunked body', url: 'http://news.test:SITE/endless', reason: 'too-large', message: 'The page is larger than 5 MB.' },
  { name: 'a gzip bomb', url: 'http://news.test:SITE/gzip-bomb', reason: 'too-large', message: 'The page is larger than 5 MB.' },
  { name: 'a brotli bomb', url: 'http://news.test:SITE/br-bomb', reason: 'too-large', message: 'The page is larger than 5 MB.' },
  {
    name: 'a gzip bomb gzipped twice',
    url: 'http://news.test:SITE/double-bomb',
    reason: 'too-large',
    message: 'The page is larger than 5 MB.',
  },
  {
    name: 'one byte over a small limit',
    url: 'http://news.test:SITE/exactly-1000',
    reason: 'too-large',
    message: 'The page is larger than 1 kB.',
    policy: { maxBytes: 999 },
  },
  {
    name: 'a slow drip past the deadline',
    url: 'http://news.test:SITE/slow',
    reason: 'timed-out',
    message: 'The page took longer than 0.3 s.',
    policy: { timeoutMs: 300 },
  },
  {
    name: 'a server that never answers',
    url: 'http://news.test:SITE/hang',
    reason: 'timed-out',
    message: 'The page took longer than 0.3 s.',
    policy: { timeoutMs: 300 },
  },
  {
    name: 'a name that never resolves',
    url: 'http://slow-dns.test/',
    reason: 'timed-out',
    message: 'The page took longer than 0.3 s.',
    policy: { timeoutMs: 300 },
  },
  // Not web pages.
  {
    name: 'an image',
    url: 'http://news.test:SITE/png',
    reason: 'not-a-web-page',
    message: 'That link is not a web page (it is image/png).',
  },
  {
    name: 'JSON',
    url: 'http://news.test:SITE/json',
    reason: 'not-a-web-page',
    message: 'That link is not a web page (it is application/json).',
  },
  {
    name: 'application/octet-stream',
    url: 'http://news.test:SITE/octet',
    reason: 'not-a-web-page',
    message: 'That link is not a web page (it is application/octet-stream).',
  },
  {
    name: 'a PDF',
    url: 'http://news.test:SITE/pdf',
    reason: 'not-a-web-page',
    message: 'That link is not a web page (it is application/pdf).',
  },
  {
    name: 'a PNG that calls itself text/html',
    url: 'http://news.test:SITE/lying-png',
    reason: 'not-a-web-page',
    message: 'That link is not a web page (it is image/png, though the site calls it text/html).',
  },
  {
    name: 'binary bytes with no Content-Type',
    url: 'http://news.test:SITE/binary-no-type',
    reason: 'not-a-web-page',
    message: 'That link is not a web page (it is application/octet-stream).',
  },
  {
    name: 'a 404',
    url: 'http://news.test:SITE/not-found',
    reason: 'http-error',
    message: 'The site answered 404 Not Found instead of the page.',
  },
  {
    name: 'an unknown content encoding',
    url: 'http://news.test:SITE/zstd',
    reason: 'network-error',
    message: 'The site sent the page compressed as zstd, which byline cannot read.',
  },
  {
    name: 'a damaged gzip body',
    url: 'http://news.test:SITE/bad-gzip',
    reason: 'network-error',
    message: 'The site sent a damaged compressed page.',
  },
  {
    name: 'a name nobody answers to',
    url: 'http://nowhere.test/',
    reason: 'network-error',
    message: 'No site answers to the name nowhere.test.',
  },
]

describe('fetchPage: the hostile links table', () => {
  it('has at least 25 rows', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(25)
  })

  it.each(HOSTILE)('refuses $name', async ({ url, reason, message, policy }) => {
    const connectionsBefore = sentinel.connections()
    const result = await fetchPage(fill(url), { ...HOSTILE_POLICY, ...policy })
    expect(result).toEqual({ ok: false, reason, message: typeof message === 'string' ? message : expect.stringMatching(message) })
    expect(sentinel.connections() - connectionsBefore).toBe(0)
  })

  it('let no connection reach the sentinel over the whole table', () => {
    expect(sentinel.connections()).toBe(0)
    expect(sentinel.requests).toEqual([])
  })

  it('left no connection open: endless, huge, slow and refused bodies were all cut off', async () => {
    await vi.waitFor(() => expect(site.openConnections()).toBe(0), { timeout: 5_000 })
  })

  it('never looked up localhost or the metadata name: the name alone refuses them', () => {
    expect(lookups.filter((host) => /localhost|metadata\.google/i.test(host))).toEqual([])
    expect(lookups).toContain('evil.test')
  })

  it('never sent the site a request with credentials, nor followed its redirects out', () => {
    expect(site.requests.filter(({ url }) => url === '/article.html')).toEqual([])
  })
})

describe('fetchPage: pages it reads (the site allowed as 127.0.0.1, as the end-to-end tests do)', () => {
  const ALLOWED: Partial<FetchPolicy> = { allowPrivateHosts: ['127.0.0.1'] }

  it.each([
    { name: 'an HTML article', path: '/article.html', kind: 'html', contains: '“The budget passed,” the minister said.' },
    { name: 'windows-1252 from the header', path: '/cp1252', kind: 'html', contains: DECODED.windows1252 },
    {
      name: 'windows-1252 labelled ISO-8859-1, as browsers read it',
      path: '/cp1252-latin1-label',
      kind: 'text',
      contains: DECODED.windows1252,
    },
    { name: 'windows-1252 from <meta charset>', path: '/cp1252-meta', kind: 'html', contains: DECODED.windows1252 },
    {
      name: 'undeclared bytes that are not UTF-8 (read as windows-1252)',
      path: '/cp1252-undeclared',
      kind: 'html',
      contains: DECODED.windows1252,
    },
    { name: 'Shift_JIS from <meta http-equiv>', path: '/sjis-http-equiv', kind: 'html', contains: DECODED.shiftJis },
    { name: 'Shift_JIS from the header', path: '/sjis-header', kind: 'text', contains: DECODED.shiftJis },
    { name: 'XHTML with an XML encoding declaration', path: '/xhtml-xml-encoding', kind: 'html', contains: DECODED.shiftJis },
    { name: 'ISO-8859-2', path: '/iso-8859-2', kind: 'html', contains: DECODED.iso88592 },
    { name: 'UTF-16 declared in the header (zero bytes are not binary there)', path: '/utf16', kind: 'text', contains: 'Łódź and 日本語' },
    { name: 'a UTF-8 byte order mark over a wrong header', path: '/utf8-bom', kind: 'html', contains: '<p>café</p>' },
    { name: 'HTML without a Content-Type (sniffed)', path: '/no-type-html', kind: 'html', contains: 'the minister said' },
    { name: 'text without a Content-Type (sniffed)', path: '/no-type-text', kind: 'text', contains: 'The minister said so.' },
    { name: 'plain text', path: '/plain', kind: 'text', contains: 'The minister said so.' },
    { name: 'a gzip page', path: '/gzip', kind: 'html', contains: 'the minister said' },
    { name: 'a brotli page', path: '/br', kind: 'html', contains: 'the minister said' },
    { name: 'a deflate page', path: '/deflate', kind: 'html', contains: 'the minister said' },
    { name: 'a page of exactly the limit', path: '/exactly-1000', kind: 'text', contains: 'aaaa', policy: { maxBytes: 1000 } },
    {
      name: 'five redirects, the most allowed',
      path: '/chain?step=0&stop=5',
      finalPath: '/chain?step=5&stop=5',
      kind: 'html',
      contains: 'the minister said',
    },
  ])('reads $name', async ({ path, finalPath, kind, contains, policy }) => {
    const result = await fetchPage(`http://127.0.0.1:${site.port}${path}`, { ...ALLOWED, ...policy })
    expect(result.ok ? { kind: result.page.kind, url: result.page.url } : result).toEqual({
      kind,
      url: `http://127.0.0.1:${site.port}${finalPath ?? path}`,
    })
    expect(result.ok && result.page.text).toContain(contains)
  })

  it('gives the final URL after redirects', async () => {
    const result = await fetchPage(`http://127.0.0.1:${site.port}/redirect?to=/article.html`, ALLOWED)
    expect(result.ok && result.page.url).toBe(`http://127.0.0.1:${site.port}/article.html`)
  })

  it('sends a User-Agent that names byline', async () => {
    const result = await fetchPage(`http://127.0.0.1:${site.port}/user-agent`, ALLOWED)
    expect(result.ok && result.page.text).toBe(`agent: ${defaultFetchPolicy.userAgent}`)
    expect(defaultFetchPolicy.userAgent).toMatch(/^byline\/\d/)
  })

  it('connects to the address it checked, once looked up, with the name in the Host header (DNS rebinding)', async () => {
    // The first answer is the allowed address; a second lookup would get a private one.
    const answers = [['127.0.0.1'], ['10.0.0.1']]
    const asked: string[] = []
    const rebinding = async (host: string) => {
      asked.push(host)
      return answers[Math.min(asked.length - 1, answers.length - 1)] ?? []
    }
    const requestsBefore = site.requests.length
    const result = await fetchPage(`http://rebind.test:${site.port}/article.html`, {
      allowPrivateHosts: ['127.0.0.1'],
      resolveHost: rebinding,
    })
    expect(result.ok && result.page.url).toBe(`http://rebind.test:${site.port}/article.html`)
    expect(asked).toEqual(['rebind.test'])
    expect(site.requests.slice(requestsBefore)).toEqual([
      { url: '/article.html', host: `rebind.test:${site.port}`, userAgent: defaultFetchPolicy.userAgent },
    ])
  })

  it('over https, connects to the checked address but asks TLS for the name (SNI), so certificates are checked against the name', async () => {
    const tls = await startTlsSite()
    try {
      const result = await fetchPage(`https://news.test:${tls.port}/article.html`, HOSTILE_POLICY)
      // The certificate is self-signed: reaching the check at all shows the connection and the name were right.
      expect(result).toEqual({
        ok: false,
        reason: 'network-error',
        message: 'Could not reach news.test: its security certificate is not trusted.',
      })
      expect(tls.serverNames).toEqual(['news.test'])
    } finally {
      await tls.close()
    }
  })

  it('refuses the same name when the rebinding answer comes first', async () => {
    const result = await fetchPage(`http://rebind.test:${sentinel.port}/`, {
      allowPrivateHosts: ['127.0.0.1'],
      resolveHost: async () => ['10.0.0.1', '127.0.0.1'],
    })
    expect(result).toMatchObject({ ok: false, reason: 'address-not-allowed', message: PRIVATE })
  })

  it('without the exception, refuses the very same local page', async () => {
    const result = await fetchPage(`http://127.0.0.1:${site.port}/article.html`)
    expect(result).toEqual({ ok: false, reason: 'address-not-allowed', message: LOOPBACK })
  })
})

describe('fetchAttachment', () => {
  const ATTACHMENT_POLICY = () => ({ attachmentHosts: [`127.0.0.1:${site.port}`], resolveHost })
  const attachment = (path: string, filename: string, contentType: string | null = 'text/plain; charset=utf-8', size = 100) => ({
    url: `http://127.0.0.1:${site.port}${path}`,
    filename,
    size,
    contentType,
  })

  it.each([
    {
      name: 'an HTML file',
      path: '/attachments/story.html',
      filename: 'story.html',
      contentType: 'text/html; charset=utf-8',
      format: 'html',
      contains: 'the minister said',
    },
    {
      name: 'an .htm file',
      path: '/attachments/story.html',
      filename: 'STORY.HTM',
      contentType: 'text/html',
      format: 'html',
      contains: 'the minister said',
    },
    {
      name: 'a text file',
      path: '/attachments/story.txt',
      filename: 'story.txt',
      contentType: 'text/plain; charset=utf-8',
      format: 'text',
      contains: 'The minister said so.',
    },
    {
      name: 'a Markdown file',
      path: '/attachments/story.md',
      filename: 'story.md',
      contentType: 'text/markdown; charset=utf-8',
      format: 'markdown',
      contains: 'title: Budget',
    },
    {
      name: 'a windows-1252 text file Discord calls octet-stream',
      path: '/attachments/cp1252.txt',
      filename: 'old.txt',
      contentType: null,
      format: 'text',
      contains: DECODED.windows1252,
    },
  ])('downloads $name', async ({ path, filename, contentType, format, contains }) => {
    const result = await fetchAttachment(attachment(path, filename, contentType), ATTACHMENT_POLICY())
    expect(result.ok ? result.page.format : result).toBe(format)
    expect(result.ok && result.page.text).toContain(contains)
  })

  it.each([
    {
      name: 'a host that is not Discord',
      ref: () => ({ url: 'https://evil.test/attachments/story.html', filename: 'story.html', size: 10, contentType: 'text/html' }),
      reason: 'attachment-not-allowed',
      message: 'Attachments are downloaded only from Discord, and this one is on evil.test.',
    },
    {
      name: 'the right address on another port',
      ref: () => ({ url: `http://127.0.0.1:${sentinel.port}/story.html`, filename: 'story.html', size: 10, contentType: 'text/html' }),
      reason: 'attachment-not-allowed',
      message: 'Attachments are downloaded only from Discord, and this one is on 127.0.0.1.',
    },
    {
      name: "Discord's host resolving to a private address",
      ref: () => ({
        url: 'https://cdn.discordapp.com/attachments/1/2/story.html',
        filename: 'story.html',
        size: 10,
        contentType: 'text/html',
      }),
      reason: 'address-not-allowed',
      message: PRIVATE,
    },
    {
      name: 'a redirect away from Discord',
      ref: () => attachment(`/redirect?to=http://evil.test:${sentinel.port}/story.html`, 'story.html'),
      reason: 'attachment-not-allowed',
      message: 'Attachments are downloaded only from Discord, and this one is on evil.test.',
    },
    {
      name: 'a PDF',
      ref: () => attachment('/attachments/story.txt', 'report.pdf', 'application/pdf'),
      reason: 'wrong-file-type',
      message: 'Only .html, .htm, .txt and .md files can be added (this is report.pdf).',
    },
    {
      name: 'a file with no extension',
      ref: () => attachment('/attachments/story.txt', 'README'),
      reason: 'wrong-file-type',
      message: 'Only .html, .htm, .txt and .md files can be added (README has no extension).',
    },
    {
      name: 'a double extension',
      ref: () => attachment('/attachments/story.txt', 'story.html.exe'),
      reason: 'wrong-file-type',
      message: 'Only .html, .htm, .txt and .md files can be added (this is story.html.exe).',
    },
    {
      name: 'a .txt Discord says is an image',
      ref: () => attachment('/attachments/story.txt', 'story.txt', 'image/png'),
      reason: 'wrong-file-type',
      message: 'story.txt is not a text file (Discord says it is image/png).',
    },
    {
      name: 'claimed text/html with PNG bytes',
      ref: () => attachment('/attachments/fake.html', 'fake.html', 'text/html'),
      reason: 'wrong-file-type',
      message: 'fake.html is not a text file (it is image/png).',
    },
    {
      name: 'too big by its declared size',
      ref: () => attachment('/attachments/big.txt', 'big.txt', 'text/plain', 6_000_000),
      reason: 'too-large',
      message: 'The file is larger than 5 MB.',
    },
    {
      name: 'too big by its bytes',
      ref: () => attachment('/attachments/big.txt', 'big.txt', 'text/plain', 1_000),
      reason: 'too-large',
      message: 'The file is larger than 5 MB.',
    },
  ])('refuses $name', async ({ ref, reason, message }) => {
    const siteRequestsBefore = site.requests.length
    const connectionsBefore = sentinel.connections()
    const result = await fetchAttachment(ref(), ATTACHMENT_POLICY())
    expect(result).toEqual({ ok: false, reason, message })
    expect(sentinel.connections() - connectionsBefore).toBe(0)
    if (reason === 'wrong-file-type' && !message.includes('(it is')) expect(site.requests.length).toBe(siteRequestsBefore)
  })

  it('downloads nothing for a file too big by its declared size', async () => {
    const before = site.requests.length
    await fetchAttachment(attachment('/attachments/big.txt', 'big.txt', 'text/plain', 6_000_000), ATTACHMENT_POLICY())
    expect(site.requests.length).toBe(before)
  })
})
