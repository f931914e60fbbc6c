import 'dotenv/config'
import { buildLibrary, type Library } from './answer/library.js'
import { loadConfig, type Config } from './config.js'
import { CONSOLE_HELP, runConsole } from './console.js'
import { formatProblem, loadCorpus } from './corpus/loadCorpus.js'

// Composition root of `npm start`: config → corpus → library → the Discord client, or the local
// console when there is no token and a person at a terminal.

const NO_TOKEN_HINT = 'set DISCORD_TOKEN in .env to connect to Discord (see README.md, "Running the bot")'

/** Loads the corpus folder and builds a library; problems come back as one line per skipped file. */
export async function loadLibrary(config: Config): Promise<{ library: Library; problems: string[] }> {
  const corpus = await loadCorpus(config.corpusDir)
  return { library: buildLibrary(corpus.articles), problems: corpus.problems.map(formatProblem) }
}

async function main(argv: readonly string[]): Promise<number> {
  const config = loadConfig(process.env)
  // `--console` opens the console without a terminal too (scripts, tests piping commands in).
  const isConsoleWanted = argv.includes('--console')
  if (config.discordToken === null && !process.stdin.isTTY && !isConsoleWanted) {
    process.stderr.write(`config: DISCORD_TOKEN is missing and there is no terminal for the local console; ${NO_TOKEN_HINT}\n`)
    return 1
  }
  const startedAt = performance.now()
  const { library, problems } = await loadLibrary(config)
  if (config.discordToken === null || isConsoleWanted) {
    for (const problem of problems) process.stderr.write(`${problem}\n`)
    process.stdout.write(
      `byline console: ${library.articles.length} articles loaded in ${Math.round(performance.now() - startedAt)} ms. ` +
        (config.discordToken === null ? `No DISCORD_TOKEN, so this is the local console; ${NO_TOKEN_HINT}.` : 'Local console (--console).') +
        `\n${CONSOLE_HELP}\n\n`,
    )
    await runConsole(library, { input: process.stdin, output: process.stdout, isColor: process.stdout.isTTY === true, reload: () => loadLibrary(config) })
    return 0
  }
  // Loaded only with a token, so the console starts without discord.js.
  const { startBot } = await import('./discord/bot.js')
  await startBot({ config, library, problems, startedAt, reload: () => loadLibrary(config) })
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
