import 'dotenv/config'
import { type Config, loadConfig } from './config.js'
import { CONSOLE_HELP, runConsole } from './console.js'
import { isServerId } from './corpus/loadCorpus.js'
import type { CorpusWatch } from './corpus/watchCorpus.js'
import { errorMessage } from './errors/errorMessage.js'
import { addStory, readStorySource, storyOptions } from './library/addStory.js'
import { createLibraryHolder, type LibraryHolder } from './library/libraryHolder.js'
import {
  codeVersion,
  type OpenedLibrary,
  openLibrary,
  rebuildInBackground,
  refreshSnapshotInBackground,
  reportProgress,
  watchAndReload,
} from './library/libraryLoader.js'

// Composition root of `npm start`: config → corpus → library → the Discord client, or the local
// console when there is no token and a person at a terminal.

/**
 * The longest a shutdown may take from the signal to the exit, whatever is still running. Above
 * the bot's own disconnect deadline, so a clean disconnect is logged as one.
 */
const EXIT_DEADLINE_MS = 4_500

const NO_TOKEN_HINT = 'set DISCORD_TOKEN in .env to connect to Discord (see README.md, "Running the bot in Discord")'

/**
 * Opens the library of the corpus folder (from the snapshot when it is current, else built with a
 * progress bar and saved), holds it, and reloads it in the background when the folder changes.
 * Problems come back as one line per skipped file. `signal` (shutdown) ends a background build.
 */
async function loadLibrary(
  config: Config,
  log: (line: string) => void,
  signal: AbortSignal | null = null,
): Promise<{ opened: OpenedLibrary; holder: LibraryHolder; watch: CorpusWatch | null }> {
  const source = { corpusDir: config.corpusDir, snapshotDir: config.snapshotDir, codeVersion: await codeVersion() }
  const progress = reportProgress(process.stderr, log)
  const opened = await openLibrary(source, { log, onProgress: progress.onProgress }).finally(progress.stop)
  // Reloads build in a worker thread, silently: the bot keeps answering from the previous library.
  const hooks = signal === null ? { log, onProgress: null } : { log, onProgress: null, signal }
  const holder = createLibraryHolder(opened, (current) => rebuildInBackground(source, hooks, current), {
    corpusDir: config.corpusDir,
    maxArticlesPerServer: config.maxArticlesPerServer,
    maxAdditionsPerHour: config.maxAdditionsPerHour,
    // Articles added or removed in place are answerable at once; the snapshot follows in a worker.
    refreshSnapshot: () => refreshSnapshotInBackground(source, log),
  })
  const watch = watchAndReload(config.corpusDir, holder, log)
  return { opened, holder, watch }
}

/**
 * On the first SIGINT or SIGTERM runs `stop`, then exits: at once when it is done, or after
 * {@link EXIT_DEADLINE_MS} whatever is still open (a socket to an unreachable Discord, a worker).
 * Installed only once the bot runs; before that a signal ends the process the default way.
 */
function exitOnSignal(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let isStopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl+C reaches the bot twice under `npm start` / tsx (the terminal signals the whole process
    // group, and tsx relays it): the repeat must not cut the clean shutdown short.
    if (isStopping) return
    isStopping = true
    setTimeout(() => process.exit(1), EXIT_DEADLINE_MS)
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown: ${errorMessage(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

async function main(argv: readonly string[]): Promise<number> {
  const config = loadConfig(process.env)
  // `--console` opens the console without a terminal too (scripts, tests piping commands in).
  const isConsoleWanted = argv.includes('--console')
  // `--server ID`: the console answers from that server's view (the shared articles and its own).
  const serverAt = argv.indexOf('--server')
  const server = serverAt < 0 ? null : (argv[serverAt + 1] ?? '')
  if (server !== null && !isServerId(server)) {
    process.stderr.write('main: --server must be a Discord server id (17–20 digits)\n')
    return 2
  }
  if (config.discordToken === null && !process.stdin.isTTY && !isConsoleWanted) {
    process.stderr.write(`config: DISCORD_TOKEN is missing and there is no terminal for the local console; ${NO_TOKEN_HINT}\n`)
    return 1
  }
  const startedAt = performance.now()
  if (config.discordToken === null || isConsoleWanted) {
    const { opened, holder } = await loadLibrary(config, (line) => process.stderr.write(`${line}\n`))
    for (const problem of opened.problems) process.stderr.write(`${problem}\n`)
    process.stdout.write(
      `byline console: ${opened.library.articles.length} article${opened.library.articles.length === 1 ? '' : 's'} loaded ${opened.from === 'snapshot' ? 'from the snapshot ' : ''}in ${Math.round(performance.now() - startedAt)} ms. ` +
        (config.discordToken === null
          ? `No DISCORD_TOKEN, so this is the local console; ${NO_TOKEN_HINT}.`
          : 'Local console (--console).') +
        `\n${CONSOLE_HELP}\n\n`,
    )
    await runConsole(holder.viewFor(server), {
      input: process.stdin,
      output: process.stdout,
      isColor: process.stdout.isTTY === true,
      reload: holder.reload,
      current: () => holder.viewFor(server),
      collection: {
        add: (source) => addStory(holder, server, source, storyOptions(config, null)),
        remove: (id) => holder.removeArticle(server, id),
        view: () => holder.viewFor(server),
        readFile: readStorySource,
      },
      collectionServer: server,
    })
    return 0
  }
  // Loaded only with a token, so the console starts without discord.js.
  const [{ startBot, DISCONNECT_DEADLINE_MS }, { createLogger }] = await Promise.all([
    import('./discord/bot.js'),
    import('./discord/logger.js'),
  ])
  const logger = createLogger(config.logLevel, { secrets: config.discordToken === null ? [] : [config.discordToken] })
  const shutdown = new AbortController()
  const { opened, holder, watch } = await loadLibrary(config, (line) => logger.info(line), shutdown.signal)
  // The bot reads `holder.current()` for every interaction, so a swap by the corpus watch or by
  // `/reload` is seen at once (see README.md, "New articles without a restart").
  const bot = await startBot({
    config,
    library: holder.current(),
    current: holder.current,
    viewFor: holder.viewFor,
    problems: opened.problems,
    startedAt,
    reload: holder.reload,
    // /add, /remove and "Add article from link" write to the server's folder of the corpus.
    collection: {
      add: (guild, source, addedBy) => addStory(holder, guild, source, storyOptions(config, addedBy)),
      remove: (guild, id) => holder.removeArticle(guild, id),
    },
    logger,
  })
  exitOnSignal(async (signal) => {
    const stoppingAt = performance.now()
    watch?.close()
    shutdown.abort()
    const { isDisconnected } = await bot.stop()
    const ms = Math.round(performance.now() - stoppingAt)
    if (isDisconnected) logger.info({ signal, ms }, 'shutting down: disconnected from Discord')
    else
      logger.warn(
        { signal, ms },
        `shutting down: Discord did not confirm the disconnect within ${DISCONNECT_DEADLINE_MS} ms; exiting anyway`,
      )
  })
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`)
    process.exitCode = 1
  },
)
