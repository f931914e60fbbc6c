import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'

// Local servers for the fetch tests, on 127.0.0.1 only: a "site" with one route per hostile or
// ordinary page, and a "sentinel" that stands for every address byline must refuse — it must
// never see a connection.

/** A local HTTP server and what reached it. */
export type LocalServer = {
  port: number
  /** TCP connections accepted (counted before any request is parsed). */
  connections: () => number
  /** TCP connections still open: the client must close every one it gave up on. */
  openConnections: () => number
  requests: { url: string; host: string | undefined; userAgent: string | undefined }[]
  close: () => Promise<void>
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  let connections = 0
  let openConnections = 0
  const requests: LocalServer['requests'] = []
  const server: Server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', host: request.headers.host, userAgent: request.headers['user-agent'] })
    // The client hangs up on purpose in many rows; that is not the server's error.
    response.on('error', () => undefined)
    handler(request, response)
  })
  server.on('connection', (socket) => {
    connections++
    openConnections++
    socket.on('close', () => openConnections--)
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    connections: () => connections,
    openConnections: () => openConnections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The server that must never be reached. */
export function startSentinel(): Promise<LocalServer> {
  return listen((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end('<p>secret from a private address</p>')
  })
}

const ARTICLE = '<!doctype html><html><head><title>Budget</title></head><body><p>“The budget passed,” the minister said.</p></body></html>'
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const WINDOWS_1252 = Buffer.concat([
  Buffer.from('<p>'),
  Buffer.from([0x93]),
  Buffer.from('Quoted'),
  Buffer.from([0x94, 0x20, 0x97, 0x20]),
  Buffer.from('caf'),
  Buffer.from([0xe9, 0x20, 0x80, 0x35]),
])
// 日本語のニュース in Shift_JIS.
const SHIFT_JIS = Buffer.from('93fa967b8cea82cc836a8385815b8358', 'hex')
// "Łódź" in ISO-8859-2.
const ISO_8859_2 = Buffer.from([0xa3, 0xf3, 0x64, 0xbc])

/** What the windows-1252, Shift_JIS and ISO-8859-2 pages say once decoded right. */
export const DECODED = { windows1252: '“Quoted” — café €5', shiftJis: '日本語のニュース', iso88592: 'Łódź' }

type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => void

function send(type: string | null, body: string | Buffer, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(200, { ...(type === null ? {} : { 'content-type': type }), ...headers })
    response.end(body)
  }
}

/** Writes `chunk` for as long as the client reads, then stops when it hangs up. */
function endless(chunk: Buffer): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    let isOpen = true
    response.on('close', () => {
      isOpen = false
    })
    const pump = () => {
      while (isOpen && response.write(chunk));
      if (isOpen) response.once('drain', pump)
    }
    pump()
  }
}

/** The site: ordinary pages, redirects, and hostile answers, one per path. */
export async function startSite(): Promise<LocalServer> {
  const zeros = Buffer.alloc(20_000_000, 0x20)
  const gzipBomb = gzipSync(zeros, { level: 9 })
  const brotliBomb = brotliCompressSync(zeros)
  const routes: Record<string, Route> = {
    '/article.html': send('text/html; charset=utf-8', ARTICLE),
    '/redirect': (_request, response, url) => {
      response.writeHead(302, { location: url.searchParams.get('to') ?? '/' })
      response.end()
    },
    '/loop': (_request, response) => {
      response.writeHead(301, { location: '/loop' })
      response.end()
    },
    '/chain': (_request, response, url) => {
      const step = Number(url.searchParams.get('step') ?? 0)
      const stop = Number(url.searchParams.get('stop') ?? Number.POSITIVE_INFINITY)
      response.writeHead(
        step >= stop ? 200 : 307,
        step >= stop ? { 'content-type': 'text/html' } : { location: `/chain?step=${step + 1}&stop=${stop}` },
      )
      response.end(step >= stop ? ARTICLE : undefined)
    },
    '/huge-length': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': '10000000000' })
      response.write('<html>')
    },
    '/endless': endless(Buffer.alloc(64 * 1024, 'a')),
    '/gzip-bomb': send('text/html', gzipBomb, { 'content-encoding': 'gzip' }),
    '/br-bomb': send('text/html', brotliBomb, { 'content-encoding': 'br' }),
    '/double-bomb': send('text/html', gzipSync(gzipBomb), { 'content-encoding': 'gzip, gzip' }),
    '/slow': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      const timer = setInterval(() => response.write('<p>drip</p>'), 50)
      response.on('close', () => clearInterval(timer))
    },
    '/hang': () => undefined,
    '/png': send('image/png', PNG),
    '/json': send('application/json', '{"headline":"not a page"}'),
    '/octet': send('application/octet-stream', 'hello'),
    '/pdf': send('application/pdf', '%PDF-1.7\n'),
    '/lying-png': send('text/html', PNG),
    '/binary-no-type': send(null, Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x42])),
    '/not-found': (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' })
      response.end('<p>gone</p>')
    },
    '/zstd': send('text/html', 'not really zstd', { 'content-encoding': 'zstd' }),
    '/bad-gzip': send('text/html', Buffer.from('1f8b08000000000000ffdeadbeef', 'hex'), { 'content-encoding': 'gzip' }),
    '/cp1252': send('text/html; charset=windows-1252', WINDOWS_1252),
    '/cp1252-latin1-label': send('text/plain; charset=ISO-8859-1', WINDOWS_1252),
    '/cp1252-meta': send('text/html', Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), WINDOWS_1252])),
    '/cp1252-undeclared': send('text/html', Buffer.concat([Buffer.from('<html><body>'), WINDOWS_1252])),
    '/sjis-http-equiv': send(
      'text/html',
      Buffer.concat([
        Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>'),
        SHIFT_JIS,
      ]),
    ),
    '/sjis-header': send('text/plain; charset=shift_jis', SHIFT_JIS),
    '/xhtml-xml-encoding': send(
      'application/xhtml+xml',
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>'),
        SHIFT_JIS,
      ]),
    ),
    '/iso-8859-2': send('text/html; charset=iso-8859-2', ISO_8859_2),
    '/utf16': send('text/plain; charset=utf-16le', Buffer.from('Łódź and 日本語', 'utf16le')),
    '/utf8-bom': send('text/html; charset=windows-1252', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>café</p>')])),
    '/no-type-html': send(null, ARTICLE),
    '/no-type-text': send(null, 'Budget passed\n\nThe minister said so.'),
    '/plain': send('text/plain', 'Budget passed\n\nThe minister said so.'),
    '/gzip': send('text/html; charset=utf-8', gzipSync(ARTICLE), { 'content-encoding': 'gzip' }),
    '/br': send('text/html; charset=utf-8', brotliCompressSync(ARTICLE), { 'content-encoding': 'br' }),
    '/deflate': send('text/html; charset=utf-8', deflateSync(ARTICLE), { 'content-encoding': 'deflate' }),
    '/exactly-1000': send('text/plain', Buffer.alloc(1000, 'a')),
    '/user-agent': (request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end(`agent: ${request.headers['user-agent'] ?? ''}`)
    },
    // Attachments as Discord's CDN (or the emulator) serves them.
    '/attachments/story.html': send('text/html; charset=utf-8', ARTICLE),
    '/attachments/story.txt': send('text/plain; charset=utf-8', 'Budget passed\n\nThe minister said so.'),
    '/attachments/story.md': send('text/markdown; charset=utf-8', '---\ntitle: Budget\n---\n\nThe minister said so.'),
    '/attachments/cp1252.txt': send('application/octet-stream', WINDOWS_1252),
    '/attachments/fake.html': send('text/html', PNG),
    '/attachments/big.txt': endless(Buffer.alloc(64 * 1024, 'a')),
  }
  return listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site.invalid')
    const route = routes[url.pathname]
    if (route === undefined) {
      response.writeHead(404)
      response.end()
    } else route(request, response, url)
  })
}

// A self-signed certificate for news.test (100 years), made for these tests only with
// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj /CN=news.test -addext subjectAltName=DNS:news.test`.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgU57FnO2D8ScwBIvi
/X3RITVYnNb51f4JmLakOdo0ejChRANCAATBI4mp/91sJeAoP4fJ00LtI+3TcTZZ
EXzX0EuiixxxXnPY6QwBw87S8u/DWg9EXmnk71t2yLiYtiPg1a1qsuMy
-----END PRIVATE KEY-----`
const TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBlDCCATugAwIBAgIUVTqNBABgdQuetGHWXa4xDhKAiWIwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbmV3cy50ZXN0MCAXDTI2MTIwNDE3MTYzM1oYDzIxMjYxMTEw
MTcxNjMzWjAUMRIwEAYDVQQDDAluZXdzLnRlc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATBI4mp/91sJeAoP4fJ00LtI+3TcTZZEXzX0EuiixxxXnPY6QwBw87S
8u/DWg9EXmnk71t2yLiYtiPg1a1qsuMyo2kwZzAdBgNVHQ4EFgQUqxI+nDvjbRRz
ojFjqfMCXC0tNVwwHwYDVR0jBBgwFoAUqxI+nDvjbRRzojFjqfMCXC0tNVwwDwYD
VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALggluZXdzLnRlc3QwCgYIKoZIzj0EAwID
RwAwRAIgSgMyaY6phUWDTq/omWBFiSFzp+QhgYS5mOOyAMJs+uECIEB7u6QXLkh/
Z3j4T9I9xQJEF048qmuVgHf/rGiFGdvo
-----END CERTIFICATE-----`

/** An HTTPS server with an untrusted certificate that records the TLS server name (SNI) each client asked for. */
export async function startTlsSite(): Promise<{ port: number; serverNames: string[]; close: () => Promise<void> }> {
  const serverNames: string[] = []
  const server = createTlsServer(
    {
      key: TEST_KEY,
      cert: TEST_CERTIFICATE,
      SNICallback: (serverName, callback) => {
        serverNames.push(serverName)
        callback(null, undefined)
      },
    },
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end(ARTICLE)
    },
  )
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    serverNames,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
