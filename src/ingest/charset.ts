// Turning a fetched page's bytes into text: the charset from the byte order mark, the
// Content-Type header or the page's own <meta>, in the order the HTML standard gives
// (https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding).
// TextDecoder knows every encoding of the WHATWG Encoding standard (Node 20 ships full ICU).

// How far into an HTML page to look for <meta charset>: the standard says 1024 bytes; real pages
// put long comments and scripts first, so a little more.
const PRESCAN_BYTES = 4096

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:()-]+)/i
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:()-]+)["']/i

/**
 * The WHATWG name of the encoding `label` stands for (`latin1` → `windows-1252`, `sjis` →
 * `Shift_JIS`), or null when TextDecoder does not know it.
 */
export function encodingForLabel(label: string | null | undefined): string | null {
  if (label === null || label === undefined || label.trim() === '') return null
  try {
    const { encoding } = new TextDecoder(label.trim())
    return encoding === 'replacement' ? null : encoding
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/** The encoding a byte order mark at the start of `bytes` announces, or null. */
function encodingFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/** The encoding an HTML page declares in its first bytes (`<meta charset>`, `http-equiv`, `<?xml encoding>`), or null. */
export function encodingFromMarkup(bytes: Uint8Array): string | null {
  // The declaration itself is ASCII in every encoding a page may declare, so latin1 reads it.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1')
  const label = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1]
  const encoding = encodingForLabel(label)
  // The standard's rules: a page that is read as ASCII cannot really be UTF-16, and
  // x-user-defined in a page means windows-1252.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8'
  if (encoding === 'x-user-defined') return 'windows-1252'
  return encoding
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch (error) {
    if (error instanceof TypeError) return false
    throw error
  }
}

/**
 * Picks the encoding of a page: a byte order mark, then the header's charset, then (HTML only) the
 * page's own declaration, then UTF-8 when the bytes are valid UTF-8, else windows-1252 (what
 * browsers assume for undeclared Western pages).
 */
export function detectEncoding(bytes: Uint8Array, headerCharset: string | null, isHtml: boolean): string {
  return (
    encodingFromBom(bytes) ??
    encodingForLabel(headerCharset) ??
    (isHtml ? encodingFromMarkup(bytes) : null) ??
    (isValidUtf8(bytes) ? 'utf-8' : 'windows-1252')
  )
}

// Bytes 0x80–0x9F of windows-1252 (https://encoding.spec.whatwg.org/index-windows-1252.txt); the
// five it leaves undefined stay C1 controls, as the standard says.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** Decodes a page's bytes with {@link detectEncoding}; a byte order mark is dropped, bad bytes become U+FFFD. */
export function decodePageText(bytes: Uint8Array, headerCharset: string | null, isHtml: boolean): string {
  const encoding = detectEncoding(bytes, headerCharset, isHtml)
  const text = new TextDecoder(encoding).decode(bytes)
  // Node 20's TextDecoder reads windows-1252 (and so latin1, ascii, iso-8859-1) as ISO-8859-1,
  // turning curly quotes and dashes into C1 controls (a Node bug fixed in later versions); map them back.
  return encoding === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char)
    : text
}

/**
 * Decodes a page saved to disk (no header came with it): `declaredCharset` when given and known,
 * else UTF-8 when the bytes are valid UTF-8 (saved pages usually were re-encoded so, whatever
 * their `<meta>` still says), else the page's own declaration, else windows-1252.
 */
export function decodeSavedPage(bytes: Uint8Array, declaredCharset: string | null = null): string {
  if (encodingForLabel(declaredCharset) === null && encodingFromBom(bytes) === null && isValidUtf8(bytes))
    return new TextDecoder('utf-8').decode(bytes)
  return decodePageText(bytes, declaredCharset, true)
}
