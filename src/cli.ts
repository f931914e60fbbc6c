import 'dotenv/config'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { loadConfig } from './config.js'
import { formatProblem, loadCorpus } from './corpus/loadCorpus.js'
import { loadLexicon } from './library/lexiconStore.js'
import { buildLibrary } from './library/library.js'
import { answerBatchQuestion, parseBatchLine, parseCommand, runCommand, USAGE } from './textCommands/textCommands.js'

// Composition root of the CLI: argv → corpus → library → one command's output on stdout.
// Problems with corpus files go to stderr, so `--json` keeps exactly one document on stdout.

async function main(argv: readonly string[]): Promise<number> {
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
  const library = buildLibrary(corpus.articles, { lexicon: loadLexicon() })
  if (command.name === 'ask' && command.batch !== null) return runBatch(library, command.batch, command.limit ?? 10)
  const output = runCommand(library, command, { isColor: process.stdout.isTTY === true && !command.isJson })
  const stream = output.exitCode === 0 ? process.stdout : process.stderr
  stream.write(`${output.exitCode === 0 ? '' : 'cli: '}${output.text}\n`)
  return output.exitCode
}

// One JSON line per question, written as it is answered so 1,000 questions stream steadily.
async function runBatch(library: ReturnType<typeof buildLibrary>, file: string, limit: number): Promise<number> {
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
