import 'dotenv/config'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './config.js'
import { errorMessage } from './errors/errorMessage.js'
import { codeVersion, openLibrary, reportProgress } from './library/libraryLoader.js'

// Composition root of `npm run start:shards`: for a bot in thousands of servers, one process per
// group of servers (a shard). The library is built or checked here once and saved as a snapshot,
// so the shards (each runs main.ts) load it in seconds instead of all building at once.
// See README.md, "Many servers: sharding", for when to use it.

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

async function main(): Promise<number> {
  const config = loadConfig(process.env)
  if (config.discordToken === null) {
    process.stderr.write('config: DISCORD_TOKEN is missing; sharding needs a bot token (see README.md, "Running the bot in Discord")\n')
    return 1
  }
  const log = (line: string) => process.stderr.write(`${line}\n`)
  if (config.snapshotDir === null) log('shard: SNAPSHOT_DIR is off, so every shard builds the library itself')
  else {
    const progress = reportProgress(process.stderr, log)
    const source = { corpusDir: config.corpusDir, snapshotDir: config.snapshotDir, codeVersion: await codeVersion() }
    const opened = await openLibrary(source, { log, onProgress: progress.onProgress }).finally(progress.stop)
    log(
      `shard: library ready (${opened.library.articles.length} articles, from the ${opened.from === 'snapshot' ? 'snapshot' : 'corpus'}); starting shards`,
    )
  }
  const { startShards } = await import('./discord/startShards.js')
  await startShards({ token: config.discordToken, totalShards: config.shards, entry: MAIN, log })
  return 0
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`)
    process.exitCode = 1
  },
)
