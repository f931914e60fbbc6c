import 'dotenv/config'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { loadConfig } from './config.js'
import { errorMessage } from './errors/errorMessage.js'
import { addStory, readStorySource, storyOptions } from './library/addStory.js'
import { collectionsOf, type Library, viewOf } from './library/library.js'
import { createLibraryHolder } from './library/libraryHolder.js'
import { codeVersion, type OpenedLibrary, openLibrary, reportProgress } from './library/libraryLoader.js'
import { runCollectionCommand } from './textCommands/collectionCommands.js'
import { runExtract } from './textCommands/extract.js'
import { answerBatchQuestion, type ParsedCommand, parseBatchLine, parseCommand, runCommand, USAGE } from './textCommands/textCommands.js'

// Composition root of the CLI: argv → library (from the snapshot when it is current, as
// `npm start` opens it) → one command's output on stdout. Problems with corpus files, snapshot
// messages and build progress go to stderr, so `--json` keeps exactly one document on stdout.

async function main(argv: readonly string[]): Promise<number> {
  // extract needs no library: it runs before the corpus is loaded.
  if (argv[0] === 'extract') {
    const config = loadConfig(process.env)
    return runExtract(argv.slice(1), {
      stdout: process.stdout,
      stderr: process.stderr,
      fetchPolicy: { allowPrivateHosts: config.fetchAllowPrivateHosts },
    })
  }
  const command = parseCommand(argv)
  if ('error' in command) {
    process.stderr.write(`cli: ${command.error}\n\n${USAGE}\n`)
    return 2
  }
  if (command.name === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const opened = await openCliLibrary(command)
  for (const problem of opened.problems) process.stderr.write(`${problem}\n`)
  if (command.name === 'add' || command.name === 'remove') return runCollection(opened, command)
  // The library holds every collection; `--server ID` answers from that server's view.
  const collections = collectionsOf(opened.library)
  const library = collections === null ? opened.library : viewOf(collections, command.server)
  if (command.name === 'ask' && command.batch !== null) return runBatch(library, command.batch, command.limit ?? 10)
  const output = runCommand(library, command, { isColor: process.stdout.isTTY === true && !command.isJson })
  const stream = output.exitCode === 0 ? process.stdout : process.stderr
  stream.write(`${output.exitCode === 0 ? '' : 'cli: '}${output.text}\n`)
  return output.exitCode
}

/**
 * The library of `--corpus` (or CORPUS_DIR), through the same loader and snapshot key as
 * `npm start`: the first call on a corpus builds and saves its snapshot (one file per folder in
 * SNAPSHOT_DIR), later calls load it. `--no-snapshot` builds without reading or writing one.
 */
async function openCliLibrary(command: ParsedCommand): Promise<OpenedLibrary> {
  const config = loadConfig(process.env)
  const source = {
    corpusDir: command.corpus ?? config.corpusDir,
    snapshotDir: command.isSnapshotWanted ? config.snapshotDir : null,
    codeVersion: await codeVersion(),
  }
  const log = (line: string) => process.stderr.write(`${line}\n`)
  // A bar only on a terminal; otherwise a line every few seconds, and only for a long build.
  const progress = reportProgress(process.stderr, log)
  return openLibrary(source, { log, onProgress: progress.onProgress }).finally(progress.stop)
}

// `add` and `remove` write to the corpus folder through a library holder, as the bot does.
async function runCollection(opened: OpenedLibrary, command: ParsedCommand): Promise<number> {
  const config = loadConfig(process.env)
  const holder = createLibraryHolder(opened, async () => null, {
    corpusDir: command.corpus ?? config.corpusDir,
    maxArticlesPerServer: config.maxArticlesPerServer,
    maxAdditionsPerHour: config.maxAdditionsPerHour,
  })
  const { server } = command
  const output = await runCollectionCommand(command, {
    add: (source) => addStory(holder, server, source, storyOptions(config, null)),
    remove: (id) => holder.removeArticle(server, id),
    view: () => holder.viewFor(server),
    readFile: readStorySource,
  })
  const stream = output.exitCode === 0 ? process.stdout : process.stderr
  stream.write(`${output.exitCode === 0 ? '' : 'cli: '}${output.text}\n`)
  return output.exitCode
}

// One JSON line per question, written as it is answered so 1,000 questions stream steadily.
async function runBatch(library: Library, file: string, limit: number): Promise<number> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  let lineNumber = 0
  let badLines = 0
  try {
    for await (const line of lines) {
      lineNumber++
      if (line.trim() === '') continue
      const question = parseBatchLine(line, lineNumber)
      if ('error' in question) {
        badLines++
        process.stderr.write(`cli: ${file}: ${question.error}; skipped\n`)
        continue
      }
      process.stdout.write(`${answerBatchQuestion(library, question, limit)}\n`)
    }
  } catch (error) {
    process.stderr.write(`cli: cannot read the batch file ${file}: ${errorMessage(error)}\n`)
    return 2
  }
  return badLines > 0 ? 2 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`)
    process.exitCode = 1
  },
)
