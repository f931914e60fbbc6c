// What a fetched body is: its declared media type, and what its first bytes show it really is.
// A site may send a PNG labelled text/html, or nothing at all; the bytes decide in the end.
// Sniffing follows the spirit of https://mimesniff.spec.whatwg.org/ (binary data bytes, magic numbers).

/** A Content-Type header split into its lowercased media type and its charset parameter. */
export type ContentType = { mediaType: string | null; charset: string | null }

/** Parses a Content-Type header; a missing or malformed one gives `mediaType: null`. */
export function parseContentType(header: string | null | undefined): ContentType {
  if (header === null || header === undefined) return { mediaType: null, charset: null }
  const [type = '', ...parameters] = header.split(';')
  const mediaType = type.trim().toLowerCase()
  const charsetParameter = parameters.map((parameter) => parameter.trim()).find((parameter) => /^charset\s*=/i.test(parameter))
  const charset =
    charsetParameter
      ?.replace(/^charset\s*=\s*/i, '')
      .replace(/^["']|["']$/g, '')
      .trim() || null
  return { mediaType: /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : null, charset }
}

// Well-known file signatures, checked at the start of a body that claims to be text.
const MAGIC_NUMBERS: readonly { mediaType: string; offset: number; bytes: readonly number[] }[] = [
  { mediaType: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/gif', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { mediaType: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/webp', offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { mediaType: 'application/pdf', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { mediaType: 'application/gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { mediaType: 'application/x-executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { mediaType: 'application/x-msdownload', offset: 0, bytes: [0x4d, 0x5a] },
  { mediaType: 'application/msword', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { mediaType: 'video/mp4', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
  { mediaType: 'video/webm', offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { mediaType: 'audio/mpeg', offset: 0, bytes: [0x49, 0x44, 0x33] },
  { mediaType: 'audio/ogg', offset: 0, bytes: [0x4f, 0x67, 0x67, 0x53] },
]

// The mimesniff standard's "resource header": how much of the start it looks at.
const SNIFF_BYTES = 1445

function isBinaryDataByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f)
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)
}

/**
 * What a body really is when it is not text: a media type from its signature (`image/png`), or
 * `application/octet-stream` when it holds control bytes no text has. Null: it looks like text.
 * `isUtf16`: the body is declared UTF-16, whose zero bytes are not a sign of binary data.
 */
export function sniffBinaryType(bytes: Uint8Array, isUtf16 = false): string | null {
  const signature = MAGIC_NUMBERS.find(({ offset, bytes: magic }) => magic.every((byte, i) => bytes[offset + i] === byte))
  // "MZ" and "ID3" are also how a text may begin; they count only with binary bytes after them.
  const head = bytes.subarray(0, SNIFF_BYTES)
  const hasBinaryBytes = !isUtf16 && !hasUtf16Bom(bytes) && head.some(isBinaryDataByte)
  if (signature !== undefined && (signature.bytes.length >= 4 || hasBinaryBytes)) return signature.mediaType
  return hasBinaryBytes ? 'application/octet-stream' : null
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|title|meta|script|p|div|h1|article|table|\?xml)[\s>/]/i

/** Whether a body with no Content-Type starts like an HTML document (after any byte order mark and comments). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
  return HTML_START.test(head)
}
