import 'dotenv/config'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { loadConfig } from './config.js'
import { formatProblem, loadCorpus } from './corpus/loadCorpus.js'
import { addStory, readStorySource, storyOptions } from './library/addStory.js'
import type { Collections } from './library/collections.js'
import { buildCollections, type Library, viewOf } from './library/library.js'
import { createLibraryHolder } from './library/libraryHolder.js'
import { runCollectionCommand } from './textCommands/collectionCommands.js'
import { runExtract } from './textCommands/extract.js'
import { answerBatchQuestion, type ParsedCommand, parseBatchLine, parseCommand, runCommand, USAGE } from './textCommands/textCommands.js'

// Composition root of the CLI: argv → corpus → library → one command's output on stdout.
// Problems with corpus files go to stderr, so `--json` keeps exactly one document on stdout.

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
  const corpusDir = command.corpus ?? loadConfig(process.env).corpusDir
  const corpus = await loadCorpus(corpusDir)
  for (const problem of corpus.problems) process.stderr.write(`${formatProblem(problem)}\n`)
  const collections = buildCollections(corpus.articles)
  if (command.name === 'add' || command.name === 'remove') return runCollection(collections, command, corpusDir)
  const library = viewOf(collections, command.server)
  if (command.name === 'ask' && command.batch !== null) return runBatch(library, command.batch, command.limit ?? 10)
  const output = runCommand(library, command, { isColor: process.stdout.isTTY === true && !command.isJson })
  const stream = output.exitCode === 0 ? process.stdout : process.stderr
  stream.write(`${output.exitCode === 0 ? '' : 'cli: '}${output.text}\n`)
  return output.exitCode
}

// `add` and `remove` write to the corpus folder through a library holder, as the bot does.
async function runCollection(collections: Collections, command: ParsedCommand, corpusDir: string): Promise<number> {
  const config = loadConfig(process.env)
  const holder = createLibraryHolder({ library: viewOf(collections, null), problems: [], key: null }, async () => null, {
    corpusDir,
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
    process.stderr.write(`cli: cannot read the batch file ${file}: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  return badLines > 0 ? 2 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
