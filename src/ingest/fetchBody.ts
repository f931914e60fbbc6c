import type { IncomingMessage } from 'node:http'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

// Reading a response body under a byte limit, decompressing as it goes. The limit counts both the
// bytes on the wire and the bytes after decompression, so neither an endless body nor a small
// zip bomb can fill the memory; past it the pipeline is destroyed, and with it the socket.

/** Thrown inside the body pipeline to stop reading; turned into a too-large result. */
class TooLargeError extends Error {}

/** The body, or why it could not be read: too large, or sent in a form byline cannot decode (the message says which). */
export type BodyBytes = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' | 'damaged'; message: string }

/**
 * Reads the body, decompressing gzip, deflate and br, and stops past `maxBytes` of either wire or
 * decoded bytes (zip bombs). Throws only what the network throws (resets, the deadline's abort).
 */
export async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<BodyBytes> {
  const encodings = (response.headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity')
  const decoders: Transform[] = []
  // Encodings are listed in the order they were applied; undo them last first.
  for (const encoding of encodings.reverse()) {
    if (encoding === 'gzip' || encoding === 'x-gzip') decoders.push(createGunzip())
    else if (encoding === 'deflate') decoders.push(createInflate())
    else if (encoding === 'br') decoders.push(createBrotliDecompress())
    else {
      response.destroy()
      return { ok: false, reason: 'damaged', message: `The site sent the page compressed as ${encoding}, which byline cannot read.` }
    }
  }
  const chunks: Buffer[] = []
  let wireBytes = 0
  let decodedBytes = 0
  const countWireBytes = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      wireBytes += chunk.length
      callback(wireBytes > maxBytes ? new TooLargeError() : null, chunk)
    },
  })
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      decodedBytes += chunk.length
      if (decodedBytes <= maxBytes) chunks.push(chunk)
      callback(decodedBytes > maxBytes ? new TooLargeError() : null)
    },
  })
  try {
    await pipeline([response, countWireBytes, ...decoders, collect], { signal })
  } catch (error) {
    // pipeline has destroyed every stream, the response and its socket included.
    if (error instanceof TooLargeError) return { ok: false, reason: 'too-large', message: `The body is larger than ${maxBytes} bytes.` }
    if (!signal.aborted && isErrorWithCode(error) && error.code.startsWith('Z_'))
      return { ok: false, reason: 'damaged', message: 'The site sent a damaged compressed page.' }
    throw error
  }
  return { ok: true, bytes: Buffer.concat(chunks) }
}

function isErrorWithCode(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
}
