import { createHash, randomBytes } from 'node:crypto'
import { type FileHandle, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { listCorpusFiles } from '../corpus/loadCorpus.js'
import { errorMessage } from '../errors/errorMessage.js'

// A snapshot is one file of named parts (text or bytes), so each part of the library is (de)serialised by a
// function next to it and this store only keeps bytes safe:
//
//   byline-snapshot <format> <key>\n
//   part <name> <byte length>\n<bytes>\n      (once per part)
//   end <sha256 of everything above>\n
//
// The key on the first line lets a stale snapshot be told apart without reading the rest; the
// checksum at the end catches a truncated or damaged file.

const MAGIC = 'byline-snapshot'
/** Bumped when the file layout above changes (not when a part's contents change: the key covers that). */
export const STORE_FORMAT = 1
const HEADER_BYTES = 4096

/**
 * One named part, serialised only when it is written, so one part at a time is held in memory.
 * Text is written as UTF-8; bytes (e.g. `v8.serialize` output) as they are.
 */
export type SnapshotPart = { name: string; data: () => string | Uint8Array }

/**
 * What reading a snapshot found. `missing`: no file; `stale`: written for another key (corpus,
 * code or options changed); `corrupted`: unreadable, truncated or damaged. Only `ok` has parts.
 */
export type SnapshotRead = { status: 'ok'; parts: Map<string, Buffer> } | { status: 'missing' | 'stale' | 'corrupted'; reason: string }

/** Where the snapshot of a corpus folder lives: one file per folder, so two corpora never evict each other. */
export function snapshotPath(snapshotDir: string, corpusDir: string): string {
  const folder = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16)
  return path.join(snapshotDir, `library-${folder}.snapshot`)
}

/**
 * A fingerprint of a corpus folder's contents: the names and bytes of every file that
 * `loadCorpus` reads, in name order. A file that cannot be read is fingerprinted by its error, so
 * fixing it changes the key. Throws only when the folder itself cannot be read.
 */
export async function hashCorpus(corpusDir: string): Promise<string> {
  const listed = await listCorpusFiles(corpusDir)
  // The problems of the folders (a misnamed server folder) are part of what loading reports.
  const names = [...listed.files.map((entry) => entry.file), ...listed.problems.map((problem) => `problem:${problem.file}`)]
  const hash = createHash('sha256')
  // Read a few files at a time: thousands at once would hit the open-file limit.
  const contents = await mapInBatches(names, 64, async (name) => {
    try {
      return await readFile(path.join(corpusDir, name))
    } catch (error) {
      return Buffer.from(`unreadable: ${error instanceof Error && 'code' in error ? String(error.code) : String(error)}`)
    }
  })
  names.forEach((name, i) => {
    const bytes = contents[i] ?? Buffer.alloc(0)
    hash.update(`${name}\0${bytes.length}\0`).update(bytes)
  })
  return hash.digest('hex')
}

/**
 * A fingerprint of the code that builds a library: every `.ts` file under `sourceDir` plus the
 * given extra files (a lockfile, so a new MiniSearch version also invalidates). Missing extra
 * files are skipped.
 */
export async function hashCode(sourceDir: string, extraFiles: readonly string[] = []): Promise<string> {
  const files = [...(await listFiles(sourceDir, '.ts')).sort(), ...extraFiles]
  const hash = createHash('sha256')
  for (const file of files) {
    const bytes = await readFile(file).catch(() => null)
    if (bytes !== null) hash.update(`${path.relative(sourceDir, file)}\0${bytes.length}\0`).update(bytes)
  }
  return hash.digest('hex')
}

/** Combines the fingerprints a snapshot depends on into one key. */
export function snapshotKey(parts: { corpus: string; code: string; options: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify([STORE_FORMAT, parts.corpus, parts.code, parts.options]))
    .digest('hex')
}

/**
 * Writes a snapshot atomically: into a temporary file beside `file`, then renamed over it, so a
 * reader sees the old snapshot or the new one, never a partial file. On failure the temporary
 * file is removed and the error rethrown (the old snapshot, if any, is left as it was).
 */
export async function saveSnapshot(file: string, key: string, parts: readonly SnapshotPart[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const hash = createHash('sha256')
  const handle = await open(temporary, 'w')
  try {
    const write = async (chunk: string | Buffer) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      hash.update(bytes)
      await handle.write(bytes)
    }
    await write(`${MAGIC} ${STORE_FORMAT} ${key}\n`)
    for (const part of parts) {
      if (!/^[\w.-]+$/.test(part.name)) throw new Error(`snapshot: bad part name "${part.name}"`)
      const data = part.data()
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      await write(`part ${part.name} ${bytes.length}\n`)
      await write(bytes)
      await write('\n')
    }
    await handle.write(`end ${hash.digest('hex')}\n`)
    await handle.sync()
    await handle.close()
    await rename(temporary, file)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}

/**
 * Reads the snapshot at `file` if it was written for `key` (null: for any key, e.g. to reuse the
 * unchanged parts of a stale one). Never throws: every failure is a status.
 */
export async function readSnapshot(file: string, key: string | null): Promise<SnapshotRead> {
  const header = await readHeader(file)
  if (header.status !== 'ok') return header
  const expected = `${MAGIC} ${STORE_FORMAT} `
  if (!header.line.startsWith(expected)) return { status: 'corrupted', reason: 'not a byline snapshot of this format' }
  if (key !== null && header.line.slice(expected.length) !== key)
    return { status: 'stale', reason: 'the corpus, the code or the options changed' }
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    return { status: 'corrupted', reason: `cannot be read: ${errorMessage(error)}` }
  }
  return parseSnapshot(bytes)
}

// Checked in slices with a pause between them, so checking a snapshot of a few hundred MB never
// holds a bot's thread for more than a few milliseconds at a time.
const HASH_SLICE_BYTES = 8 * 1024 * 1024

async function sha256Paced(bytes: Buffer): Promise<string> {
  const hash = createHash('sha256')
  for (let at = 0; at < bytes.length; at += HASH_SLICE_BYTES) {
    if (at > 0) await new Promise<void>((resolve) => setImmediate(resolve))
    hash.update(bytes.subarray(at, at + HASH_SLICE_BYTES))
  }
  return hash.digest('hex')
}

async function parseSnapshot(bytes: Buffer): Promise<SnapshotRead> {
  const endAt = bytes.lastIndexOf('\nend ', bytes.length - 2)
  if (endAt < 0 || bytes[bytes.length - 1] !== 0x0a) return { status: 'corrupted', reason: 'it is truncated (no end line)' }
  const checksum = bytes.toString('latin1', endAt + 5, bytes.length - 1)
  const actual = await sha256Paced(bytes.subarray(0, endAt + 1))
  if (checksum !== actual) return { status: 'corrupted', reason: 'its checksum does not match (damaged or truncated)' }
  const parts = new Map<string, Buffer>()
  let at = bytes.indexOf(0x0a) + 1
  while (at <= endAt) {
    const lineEnd = bytes.indexOf(0x0a, at)
    const match = /^part ([\w.-]+) (\d+)$/.exec(bytes.toString('latin1', at, lineEnd))
    if (match === null) return { status: 'corrupted', reason: 'a part header is malformed' }
    const [, name = '', length = '0'] = match
    const start = lineEnd + 1
    const end = start + Number(length)
    if (end > endAt || bytes[end] !== 0x0a) return { status: 'corrupted', reason: `part ${name} has the wrong length` }
    parts.set(name, bytes.subarray(start, end))
    at = end + 1
  }
  return { status: 'ok', parts }
}

type HeaderRead = { status: 'ok'; line: string } | { status: 'missing' | 'corrupted'; reason: string }

async function readHeader(file: string): Promise<HeaderRead> {
  let handle: FileHandle | undefined
  try {
    handle = await open(file, 'r')
  } catch (error) {
    // ENOTDIR: the snapshot folder is a file; saving will say so.
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR'))
      return { status: 'missing', reason: 'no snapshot yet' }
    return { status: 'corrupted', reason: `cannot be opened: ${errorMessage(error)}` }
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0)
    const newline = buffer.subarray(0, bytesRead).indexOf(0x0a)
    if (newline < 0) return { status: 'corrupted', reason: 'it has no header line' }
    return { status: 'ok', line: buffer.toString('latin1', 0, newline) }
  } catch (error) {
    return { status: 'corrupted', reason: `cannot be read: ${errorMessage(error)}` }
  } finally {
    await handle.close()
  }
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return listFiles(full, extension)
      return entry.isFile() && entry.name.endsWith(extension) ? [full] : []
    }),
  )
  return nested.flat()
}

async function mapInBatches<T, R>(items: readonly T[], size: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(map))))
  return results
}
