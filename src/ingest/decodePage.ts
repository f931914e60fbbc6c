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
  if (declared !== null) return declared.decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: use the page's own declaration, read from its first bytes as ASCII.
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES))
  const meta = META_CHARSET.exec(head)?.[1] ?? null
  const decoder = (meta === null ? null : decoderFor(meta)) ?? new TextDecoder('windows-1252')
  return decoder.decode(bytes)
}

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(charset.trim().toLowerCase())
  } catch {
    // A label TextDecoder does not know.
    return null
  }
}
