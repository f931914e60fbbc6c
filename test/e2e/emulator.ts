/**
 * A local Discord emulator: Discord's REST API (the routes a bot uses) and its gateway, on
 * 127.0.0.1 with an ephemeral port, per `../shared/discord-protocol.md`. Tests point the real
 * discord.js client at `emulator.apiBase`, dispatch interactions through the gateway, and await
 * the HTTP requests the bot sends back. Discord's acknowledgement rules are enforced here because
 * discord.js does not: the first acknowledgement within 3 s (late → 404 code 10062) and only one
 * acknowledgement per interaction (second → 400 code 40060).
 *
 * Fault injection for hardening tests lives in `emulator.faults` (REST responses, resume refusal,
 * ignored heartbeats), `emulator.closeGateway(code)` and `emulator.stopAnswering()` (Discord
 * unreachable: nothing sent to it is read or answered any more).
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

/** One HTTP request the bot sent, as recorded in arrival order. */
export type RecordedRequest = {
  method: string
  /** The path with percent-escapes decoded and no query: `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string
  query: URLSearchParams
  /** The parsed JSON body, or null when there was none (or it was not JSON). */
  body: unknown
  hasAuthorization: boolean
  /** The interaction token when the route belongs to one (callback and webhook routes). */
  interactionToken: string | null
  /** The status the emulator answered with. */
  status: number
}

/** A response to send instead of (or, with only `delayMs`, before) the normal handling. */
export type RestFault = {
  delayMs?: number
  /**
   * Handle the request normally (an acknowledgement counts as received now) but hold the
   * response this long: a slow API rather than a slow network.
   */
  responseDelayMs?: number
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

/** Mutable fault switches; issue 8's hardening tests set these while a test runs. */
export type EmulatorFaults = {
  /** Called for every REST request; return a fault to inject one, or undefined for normal handling. */
  rest: ((request: Pick<RecordedRequest, 'method' | 'path' | 'body'>) => RestFault | undefined) | null
  /** Answer RESUME with INVALID_SESSION (op 9, not resumable), forcing a fresh IDENTIFY. */
  refuseResume: boolean
  /** Stop answering heartbeats with op 11 (the client then considers the connection dead). */
  ignoreHeartbeats: boolean
}

/** A file a member uploaded, as the emulator serves it from its attachment route. */
export type Upload = { filename: string; contentType: string | null; body: string | Buffer }

/** An attachment object as Discord puts it in `data.resolved.attachments` (the sender's claims). */
export type AttachmentPayload = { id: string; filename: string; size: number; url: string; proxy_url: string; content_type?: string }

/** A Discord message object as the emulator stores it (what a bot's reply turned into). */
export type EmulatedMessage = Record<string, unknown> & { id: string; channel_id: string }

/** What a bot answered to one interaction, in order: callbacks, edits and follow-ups. */
export type InteractionResponse = {
  kind: 'callback' | 'edit' | 'followup'
  /** The callback type for `callback` (4 reply, 5 defer, 6 deferUpdate, 7 update, 8 autocomplete). */
  callbackType: number | null
  /** The message data: `data` of a callback, the body of an edit or follow-up. */
  data: Record<string, unknown>
  isEphemeral: boolean
  status: number
}

/** An interaction the emulator dispatched, and everything the bot did with it. */
export type InteractionRecord = {
  id: string
  token: string
  payload: Record<string, unknown>
  dispatchedAt: number
  acknowledgement: number | null
  responses: InteractionResponse[]
  /** The message the interaction's original response became (reply, or the deferred reply once edited). */
  original: EmulatedMessage | null
  followups: EmulatedMessage[]
}

export type EmulatorOptions = {
  /** Discord's limit is 3 s; a self-test may shorten it. */
  ackDeadlineMs: number
  applicationId: string
  botUserId: string
  heartbeatIntervalMs: number
}

export const defaultEmulatorOptions: EmulatorOptions = {
  ackDeadlineMs: 3_000,
  applicationId: '1000000000000000001',
  botUserId: '1000000000000000001',
  heartbeatIntervalMs: 41_250,
}

const EPHEMERAL_FLAG = 64
const API_PREFIX = '/api/v10'
const ATTACHMENT_PREFIX = '/attachments/'
const defaultChannelId = '3000000000000000001'

type Session = { id: string; seq: number; socket: WebSocket | null; missed: string[] }

/** A running emulator; `close()` it in `afterAll`. */
export type DiscordEmulator = Awaited<ReturnType<typeof startEmulator>>

/** Start an emulator on 127.0.0.1 with an ephemeral port. */
export async function startEmulator(options: Partial<EmulatorOptions> = {}) {
  const settings = { ...defaultEmulatorOptions, ...options }
  const requests: RecordedRequest[] = []
  const interactions = new Map<string, InteractionRecord>()
  const sessions = new Map<string, Session>()
  const identifies: Record<string, unknown>[] = []
  const faults: EmulatorFaults = { rest: null, refuseResume: false, ignoreHeartbeats: false }
  const listeners = new Set<() => void>()
  const uploads = new Map<string, Upload>()
  let nextId = 5_000_000_000_000_000_000n
  const newId = () => String(nextId++)

  /** Re-check every pending `waitFor` after anything observable happened. */
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }

  // Every TCP connection, so `stopAnswering()` can pause them and `close()` can end them all.
  const sockets = new Set<Socket>()
  let isAnswering = true

  const server = createServer((req, res) => {
    if (!isAnswering) return
    handleHttp(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `emulator: ${String(error)}`, code: 0 }))
    })
  })
  const wss = new WebSocketServer({ noServer: true })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('upgrade', (req, socket, head) => {
    if (!isAnswering) return
    if (!req.url?.startsWith('/gateway')) {
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => handleGateway(ws))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = decodeURIComponent(url.pathname)
    if (req.method === 'GET' && path.startsWith(ATTACHMENT_PREFIX)) {
      serveUpload(path, res)
      return
    }
    const raw = await readBody(req)
    let body: unknown = null
    if (raw.length > 0 && String(req.headers['content-type']).includes('json')) body = JSON.parse(raw)
    const fault = faults.rest?.({ method: req.method ?? 'GET', path, body })
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    const answer =
      fault?.status !== undefined
        ? { status: fault.status, json: fault.body ?? null, headers: fault.headers ?? {} }
        : route(req.method ?? 'GET', path, url.searchParams, body)
    const token = tokenOf(path)
    requests.push({
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      hasAuthorization: req.headers.authorization !== undefined,
      interactionToken: token,
      status: answer.status,
    })
    const headers: Record<string, string> = { ...answer.headers }
    if (answer.json !== null) headers['content-type'] = 'application/json'
    if (fault?.responseDelayMs) await new Promise((resolve) => setTimeout(resolve, fault.responseDelayMs))
    res.writeHead(answer.status, headers)
    res.end(answer.json === null ? undefined : JSON.stringify(answer.json))
    notify()
  }

  type Answer = { status: number; json: unknown; headers?: Record<string, string> }

  // Discord's CDN serves an upload at /attachments/{channel}/{attachment}/{filename}; so does this.
  function serveUpload(path: string, res: ServerResponse): void {
    const id = path.slice(ATTACHMENT_PREFIX.length).split('/')[1] ?? ''
    const upload = uploads.get(id)
    requests.push({
      method: 'GET',
      path,
      query: new URLSearchParams(),
      body: null,
      hasAuthorization: false,
      interactionToken: null,
      status: upload ? 200 : 404,
    })
    if (upload === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
    } else {
      res.writeHead(200, upload.contentType === null ? {} : { 'content-type': upload.contentType })
      res.end(upload.body)
    }
    notify()
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown): Answer {
    const parts = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length).split('/').filter(Boolean) : []
    const [head, a, b, c, d] = parts
    if (method === 'GET' && head === 'gateway') {
      const limit = { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 }
      return { status: 200, json: { url: gatewayUrl, shards: 1, session_start_limit: limit } }
    }
    if (method === 'POST' && head === 'interactions' && a && b && c === 'callback' && parts.length === 4) {
      return acknowledge(b, body as Record<string, unknown>, query.get('with_response') === 'true')
    }
    if (head === 'webhooks' && a && b) {
      const record = interactions.get(b)
      if (!record || record.acknowledgement === null) return unknown(10015, 'Unknown Webhook')
      if (method === 'POST' && parts.length === 3) return followUp(record, body as Record<string, unknown>)
      if (c === 'messages' && d && parts.length === 5) return originalOrFollowup(method, record, d, body)
    }
    if (method === 'GET' && head === 'applications' && a === '@me' && parts.length === 2) {
      return {
        status: 200,
        json: { id: settings.applicationId, name: 'byline', description: '', bot_public: true, bot_require_code_grant: false, flags: 0 },
      }
    }
    if (method === 'PUT' && head === 'applications' && a) {
      // PUT /applications/{app}/commands or /applications/{app}/guilds/{guild}/commands
      const isGlobal = b === 'commands' && parts.length === 3
      const isGuild = b === 'guilds' && d === 'commands' && parts.length === 5 && c !== undefined
      if ((isGlobal || isGuild) && Array.isArray(body)) {
        const commands = body.map((command: Record<string, unknown>) => ({
          id: newId(),
          application_id: a,
          version: newId(),
          ...(isGuild ? { guild_id: c } : {}),
          ...command,
        }))
        return { status: 200, json: commands }
      }
    }
    return unknown(0, '404: Not Found')
  }

  function acknowledge(token: string, body: Record<string, unknown>, withResponse: boolean): Answer {
    const record = interactions.get(token)
    if (!record || Date.now() - record.dispatchedAt > settings.ackDeadlineMs) {
      return unknown(10062, 'Unknown interaction')
    }
    if (record.acknowledgement !== null) {
      return { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } }
    }
    const type = Number(body.type)
    const data = (body.data ?? {}) as Record<string, unknown>
    record.acknowledgement = type
    record.responses.push(response('callback', type, data, 204))
    if (type === 4) record.original = makeMessage(record, data)
    if (type === 7) record.original = makeMessage(record, { ...messageOf(record.payload), ...data })
    if (!withResponse) return { status: 204, json: null }
    const resource = { type, ...(record.original ? { message: record.original } : {}) }
    const interaction = { id: record.id, type: record.payload.type, response_message_loading: type === 5 }
    return { status: 200, json: { interaction, resource } }
  }

  function followUp(record: InteractionRecord, body: Record<string, unknown>): Answer {
    const message = makeMessage(record, body)
    record.followups.push(message)
    record.responses.push(response('followup', null, body, 200))
    return { status: 200, json: message }
  }

  function originalOrFollowup(method: string, record: InteractionRecord, id: string, body: unknown): Answer {
    const existing = id === '@original' ? record.original : record.followups.find((m) => m.id === id)
    if (method === 'GET') return existing ? { status: 200, json: existing } : unknown(10008, 'Unknown Message')
    if (method === 'DELETE') return { status: 204, json: null }
    if (method !== 'PATCH') return unknown(0, '404: Not Found')
    const data = (body ?? {}) as Record<string, unknown>
    record.responses.push(response('edit', null, data, 200))
    // A deferred reply keeps the flags chosen at defer time; an edit cannot make it ephemeral.
    const deferredFlags = record.responses.find((r) => r.callbackType === 5)?.data.flags
    const merged = { ...(existing ?? {}), ...data, ...(deferredFlags !== undefined ? { flags: deferredFlags } : {}) }
    const message = makeMessage(record, merged, existing?.id)
    if (id === '@original') record.original = message
    return { status: 200, json: message }
  }

  function makeMessage(record: InteractionRecord, data: Record<string, unknown>, id = newId()): EmulatedMessage {
    return {
      type: 20,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      // Who ran the interaction the message answers (an update keeps the original's, from `data`).
      interaction_metadata: {
        id: record.id,
        type: Number(record.payload.type),
        user: userOf(record.payload),
        authorizing_integration_owners: {},
      },
      ...data,
      id,
      channel_id: String(record.payload.channel_id),
      author: { id: settings.botUserId, username: 'bot', discriminator: '0', avatar: null, bot: true },
      application_id: settings.applicationId,
      webhook_id: settings.applicationId,
    }
  }

  function response(
    kind: InteractionResponse['kind'],
    callbackType: number | null,
    data: Record<string, unknown>,
    status: number,
  ): InteractionResponse {
    return { kind, callbackType, data, status, isEphemeral: (Number(data.flags ?? 0) & EPHEMERAL_FLAG) !== 0 }
  }

  function handleGateway(ws: WebSocket): void {
    let session: Session | null = null
    const send = (payload: unknown) => ws.send(JSON.stringify(payload))
    send({ op: 10, d: { heartbeat_interval: settings.heartbeatIntervalMs }, s: null, t: null })
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null }
      if (message.op === 1 && !faults.ignoreHeartbeats) send({ op: 11 })
      if (message.op === 2) {
        identifies.push(message.d as Record<string, unknown>)
        session = { id: `session-${newId()}`, seq: 0, socket: ws, missed: [] }
        sessions.set(session.id, session)
        dispatchTo(session, 'READY', {
          v: 10,
          user: { id: settings.botUserId, username: 'bot', discriminator: '0', avatar: null, bot: true },
          guilds: [],
          session_id: session.id,
          resume_gateway_url: gatewayUrl,
          application: { id: settings.applicationId, flags: 0 },
        })
      }
      if (message.op === 6) {
        const d = message.d as { session_id: string; seq: number }
        const known = sessions.get(d.session_id)
        if (!known || faults.refuseResume) {
          send({ op: 9, d: false, s: null, t: null })
          return
        }
        session = known
        session.socket = ws
        // Replay what the client missed, as Discord does, then confirm the resume.
        for (const frame of session.missed.splice(0)) ws.send(frame)
        dispatchTo(session, 'RESUMED', {})
      }
      notify()
    })
    ws.on('close', () => {
      if (session?.socket === ws) session.socket = null
      notify()
    })
  }

  /** Send a dispatch on a session, or queue it for replay when the session has no open socket. */
  function dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1
    const frame = JSON.stringify({ op: 0, t, s: session.seq, d })
    if (session.socket && session.socket.readyState === session.socket.OPEN) session.socket.send(frame)
    else session.missed.push(frame)
  }

  /** The newest session: the one a dispatch goes to. */
  function currentSession(): Session {
    const session = [...sessions.values()].at(-1)
    if (!session) throw new Error('emulator: no client has identified yet')
    return session
  }

  /**
   * Resolve with `check()`'s first non-undefined value, re-checking after every request and
   * gateway event and every 20 ms; reject after `timeoutMs` with `description` and the recent requests.
   */
  function waitFor<T>(check: () => T | undefined, description = 'condition', timeoutMs = 5_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        let value: T | undefined
        try {
          value = check()
        } catch (error) {
          finish()
          reject(error)
          return
        }
        if (value === undefined) return
        finish()
        resolve(value)
      }
      const timer = setTimeout(() => {
        finish()
        const recent = requests.slice(-5).map((r) => `${r.method} ${r.path} → ${r.status}`)
        reject(
          new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${description}; last requests: ${recent.join(', ') || 'none'}`),
        )
      }, timeoutMs)
      // Events cover the emulator's own state; the poll covers state a test keeps elsewhere.
      const poll = setInterval(attempt, 20)
      const finish = () => {
        clearTimeout(timer)
        clearInterval(poll)
        listeners.delete(attempt)
      }
      listeners.add(attempt)
      attempt()
    })
  }

  return {
    port,
    /** Pass as `rest.api` (discord.js appends `/v10`). */
    apiBase: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    options: settings,
    requests,
    interactions,
    identifies,
    faults,
    waitFor,

    /** Wait until a client holds an open, identified gateway connection. */
    waitForClient(timeoutMs?: number): Promise<true> {
      const isOpen = () => [...sessions.values()].some((s) => s.socket !== null) || undefined
      return waitFor(isOpen, 'an identified gateway connection', timeoutMs)
    },

    /**
     * Store a file as if a member had uploaded it, served at this emulator's attachment route;
     * returns the attachment object for `data.resolved.attachments` (`claims` overrides what the
     * sender says about it: size, content_type, filename).
     */
    upload(upload: Upload, claims: Partial<AttachmentPayload> = {}): AttachmentPayload {
      const id = newId()
      uploads.set(id, upload)
      const url = `http://127.0.0.1:${port}${ATTACHMENT_PREFIX}${defaultChannelId}/${id}/${encodeURIComponent(upload.filename)}`
      return {
        id,
        filename: upload.filename,
        size: Buffer.byteLength(upload.body),
        url,
        proxy_url: url,
        ...(upload.contentType === null ? {} : { content_type: upload.contentType }),
        ...claims,
      }
    },

    /** Dispatch any gateway event to the newest session. */
    dispatch(t: string, d: unknown): void {
      dispatchTo(currentSession(), t, d)
    },

    /** Dispatch an INTERACTION_CREATE (see `interactions.ts` for payload builders); the 3-s clock starts now. */
    interact(payload: Record<string, unknown>): InteractionRecord {
      const record: InteractionRecord = {
        id: String(payload.id),
        token: String(payload.token),
        payload,
        dispatchedAt: Date.now(),
        acknowledgement: null,
        responses: [],
        original: null,
        followups: [],
      }
      interactions.set(record.token, record)
      dispatchTo(currentSession(), 'INTERACTION_CREATE', payload)
      return record
    },

    /**
     * Wait for the first response to `record` that carries content (a reply, an update, an edit of
     * a deferred reply, a follow-up or autocomplete choices), skipping bare deferrals.
     */
    waitForResponse(record: InteractionRecord, timeoutMs?: number): Promise<InteractionResponse> {
      const isContent = (r: InteractionResponse) => r.callbackType !== 5 && r.callbackType !== 6
      return waitFor(() => record.responses.find(isContent), `a response to interaction ${record.token}`, timeoutMs)
    },

    /** Wait for the `count`-th response of any kind to `record` (1-based). */
    waitForResponses(record: InteractionRecord, count: number, timeoutMs?: number): Promise<InteractionResponse[]> {
      const enough = () => (record.responses.length >= count ? record.responses : undefined)
      return waitFor(enough, `${count} responses to interaction ${record.token}`, timeoutMs)
    },

    /** Close every gateway connection with `code` (4000 lets the client resume; 1006-like faults too). */
    closeGateway(code = 4000, reason = 'emulator fault'): void {
      // 1006 (abnormal closure) cannot be sent in a close frame: drop the TCP connection instead.
      for (const client of wss.clients) {
        if (code === 1006) client.terminate()
        else client.close(code, reason)
      }
    },

    /**
     * Discord unreachable, as when the network drops: every open connection stops being read (a
     * gateway close frame is never answered) and new requests and connections hang unanswered.
     */
    stopAnswering(): void {
      isAnswering = false
      for (const socket of sockets) socket.pause()
    },

    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy()
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function unknown(code: number, message: string) {
  return { status: 404, json: { message, code } }
}

/** The user who sent an interaction: the member's user in a guild, `user` in a DM. */
function userOf(payload: Record<string, unknown>): unknown {
  return (payload.member as { user?: unknown } | undefined)?.user ?? payload.user
}

/** The interaction token in a callback or webhook route, or null. */
function tokenOf(path: string): string | null {
  const parts = path.slice(API_PREFIX.length).split('/').filter(Boolean)
  if (parts[0] === 'interactions' && parts[3] === 'callback') return parts[2] ?? null
  if (parts[0] === 'webhooks') return parts[2] ?? null
  return null
}

function messageOf(payload: Record<string, unknown>): Record<string, unknown> {
  return (payload.message ?? {}) as Record<string, unknown>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
