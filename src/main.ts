import 'dotenv/config'
import { type Config, loadConfig } from './config.js'
import { CONSOLE_HELP, runConsole } from './console.js'
import { isServerId } from './corpus/loadCorpus.js'
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

const NO_TOKEN_HINT = 'set DISCORD_TOKEN in .env to connect to Discord (see README.md, "Running the bot in Discord")'

/**
 * Opens the library of the corpus folder (from the snapshot when it is current, else built with a
 * progress bar and saved), holds it, and reloads it in the background when the folder changes.
 * Problems come back as one line per skipped file.
 */
async function loadLibrary(config: Config, log: (line: string) => void): Promise<{ opened: OpenedLibrary; holder: LibraryHolder }> {
  const source = { corpusDir: config.corpusDir, snapshotDir: config.snapshotDir, codeVersion: await codeVersion() }
  const progress = reportProgress(process.stderr, log)
  const opened = await openLibrary(source, { log, onProgress: progress.onProgress }).finally(progress.stop)
  // Reloads build in a worker thread, silently: the bot keeps answering from the previous library.
  const holder = createLibraryHolder(opened, (current) => rebuildInBackground(source, { log, onProgress: null }, current), {
    corpusDir: config.corpusDir,
    maxArticlesPerServer: config.maxArticlesPerServer,
    maxAdditionsPerHour: config.maxAdditionsPerHour,
    // Articles added or removed in place are answerable at once; the snapshot follows in a worker.
    refreshSnapshot: () => refreshSnapshotInBackground(source, log),
  })
  watchAndReload(config.corpusDir, holder, log)
  return { opened, holder }
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
  const [{ startBot }, { createLogger }] = await Promise.all([import('./discord/bot.js'), import('./discord/logger.js')])
  const logger = createLogger(config.logLevel, { secrets: config.discordToken === null ? [] : [config.discordToken] })
  const { opened, holder } = await loadLibrary(config, (line) => logger.info(line))
  // The bot reads `holder.current()` for every interaction, so a swap by the corpus watch or by
  // `/reload` is seen at once (see README.md, "New articles without a restart").
  await startBot({
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
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
