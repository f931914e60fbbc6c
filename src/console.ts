import { createInterface } from 'node:readline'
import type { Library } from './library/library.js'
import type { ReloadOutcome } from './library/libraryHolder.js'
import { type CollectionIo, runCollectionCommand } from './textCommands/collectionCommands.js'
import { parseCommand, runCommand } from './textCommands/textCommands.js'

/** What the console needs from its root: where to read and write, and how to reload the corpus. */
export type ConsoleIo = {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
  isColor: boolean
  /** Reloads the corpus; says what it did, with the library in use afterwards and one line per skipped file. */
  reload: () => Promise<ReloadOutcome>
  /** The library in use now, when something else may swap it (live reload); read before each command. */
  current?: () => Library
  /** `/add` and `/remove`, on the view the console answers from; absent: they are refused. */
  collection?: CollectionIo
  /** The server whose view the console shows (`npm start -- --console --server ID`); null: the shared articles. */
  collectionServer?: string | null
}

export const CONSOLE_HELP = `Commands (the same as the Discord bot's):
  /ask <question> [--article ID]          the best passages, with who said them
  /quote <keyword or "exact phrase"> [--speaker NAME] [--article ID]
  /brief [--article ID] [--topic WORDS]   key points, who's who, timeline
  /speakers [name]                        who's who; with a name, what that person said
  /articles                               the corpus
  /add <link or file>                     add a story (a link, or a saved page, .txt or .md file)
  /remove <article id>                    remove an article that was added
  /reload                                 read the corpus folder again
  /help                                   this list
  /quit                                   leave`

/**
 * The local console: reads `/command …` lines and prints the answers until `/quit` or the end of
 * input. One bad line gets a message, never ends the session.
 */
export async function runConsole(initial: Library, io: ConsoleIo): Promise<void> {
  let library = initial
  const lines = createInterface({ input: io.input, terminal: false })
  const write = (text: string) => io.output.write(`${text}\n`)
  const prompt = () => io.output.write('byline> ')
  prompt()
  for await (const raw of lines) {
    const line = raw.trim()
    if (line === '') {
      prompt()
      continue
    }
    const [word = '', ...rest] = splitConsoleLine(line)
    const name = word.replace(/^\//, '').toLowerCase()
    library = io.current?.() ?? library
    if (name === 'quit' || name === 'exit') break
    if (name === 'help') write(CONSOLE_HELP)
    else if (name === 'reload') {
      const reloaded = await io.reload()
      library = reloaded.library
      for (const problem of reloaded.problems) write(problem)
      const count = `${library.articles.length} articles`
      write(
        {
          reloaded: `Reloaded: ${count}.`,
          unchanged: `No article changed since the last load: still ${count}.`,
          failed: `The reload failed (${reloaded.error ?? 'unknown error'}); still answering from the previous ${count}.`,
        }[reloaded.status],
      )
    } else {
      const command = parseCommand([name, ...rest])
      if ('error' in command) write(`${command.error}. Type /help for the commands.`)
      else if (command.batch !== null || command.corpus !== null || command.server !== null || !command.isSnapshotWanted)
        write(
          '--batch, --corpus, --server and --no-snapshot work in the CLI only (npm run cli); start the console with --server ID for a server.',
        )
      else if (command.name === 'add' || command.name === 'remove') {
        if (io.collection === undefined) write(`/${command.name} is not available here.`)
        else write((await runCollectionCommand({ ...command, server: io.collectionServer ?? null }, io.collection)).text)
      } else write(runCommand(library, command, { isColor: io.isColor }).text)
    }
    write('')
    prompt()
  }
  lines.close()
}

/**
 * Splits a console line into words on white space. Double quotes group words only for an
 * option's value (`--speaker "Jane Doe"`); elsewhere they are kept, so `/quote "exact phrase"`
 * still reaches quote search as a phrase.
 */
export function splitConsoleLine(line: string): string[] {
  const words: string[] = []
  const parts = line.match(/"[^"]*"|“[^”]*”|\S+/g) ?? []
  let isOptionValue = false
  for (const part of parts) {
    const isQuoted = /^["“].*["”]$/.test(part)
    if (isOptionValue && isQuoted) words.push(part.slice(1, -1))
    else if (isQuoted) words.push(...part.split(/\s+/))
    else words.push(part)
    isOptionValue = part.startsWith('--') && !['--json', '--all'].includes(part)
  }
  return words
}
