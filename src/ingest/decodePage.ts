// A saved page's bytes → its text: UTF-8 when the bytes are valid UTF-8 (most pages), otherwise
// the charset the page declares in a `<meta>`, otherwise windows-1252 (what browsers assume).

/** How far into a page to look for its `<meta charset>` (the HTML standard's prescan reads 1,024 bytes; pages often put it later). */
const PRESCAN_BYTES = 4096

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i

/**
 * Decodes a page's bytes. `declaredCharset` (from a Content-Type header) wins when the runtime
 * knows it; a byte order mark always wins. Never throws: unknown charsets fall back to windows-1252.
 */
export function decodePage(bytes: Uint8Array, declaredCharset: string | null = null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes)
  const declared = declaredCharset === null ? null : decoderFor(declaredCharset)
  if (declared !== null) return decodeWith(declared, bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: use the page's own declaration, read from its first bytes as ASCII.
  }
  const head = decodeWindows1252(bytes.subarray(0, PRESCAN_BYTES))
  const meta = META_CHARSET.exec(head)?.[1] ?? null
  const decoder = (meta === null ? null : decoderFor(meta)) ?? decodeWindows1252
  return decodeWith(decoder, bytes)
}

function decodeWith(decoder: Decoder, bytes: Uint8Array): string {
  return typeof decoder === 'function' ? decoder(bytes) : decoder.decode(bytes)
}

type Decoder = InstanceType<typeof TextDecoder> | ((bytes: Uint8Array) => string)

function decoderFor(charset: string): Decoder | null {
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(charset.trim().toLowerCase())
  } catch {
    // A label TextDecoder does not know.
    return null
  }
  // Node 20's TextDecoder reads windows-1252 (and its aliases latin1, iso-8859-1, ascii) as
  // ISO-8859-1, turning curly quotes and dashes (0x80–0x9F) into control characters.
  return decoder.encoding === 'windows-1252' ? decodeWindows1252 : decoder
}

/** windows-1252's characters for bytes 0x80–0x9F (https://encoding.spec.whatwg.org/index-windows-1252.txt); the other bytes are ISO-8859-1. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
  return text
}
