import { parseArgs } from 'node:util'
import { listArticles } from '../answer/articles.js'
import { answerQuestion } from '../answer/ask.js'
import { type Brief, briefArticle, briefCorpus } from '../answer/brief.js'
import { chooseBriefScope } from '../answer/briefScope.js'
import { searchQuotes } from '../answer/quote.js'
import { listSpeakers } from '../answer/speakers.js'
import { isServerId } from '../corpus/loadCorpus.js'
import { errorMessage } from '../errors/errorMessage.js'
import type { Library } from '../library/library.js'
import { articlesJson, askJson, briefJson, corpusBriefJson, quoteJson, quotesJson, speakersJson } from '../render/json.js'
import {
  renderArticlesText,
  renderAskText,
  renderBriefText,
  renderCorpusBriefText,
  renderQuotesText,
  renderQuoteText,
  renderSpeakersText,
  type TextStyle,
} from '../render/text.js'

// The commands shared by the CLI (`npm run cli -- ask …`) and the console (`/ask …`).

export const COMMAND_NAMES = ['ask', 'quote', 'brief', 'quotes', 'speakers', 'articles', 'add', 'remove', 'help'] as const
export type CommandName = (typeof COMMAND_NAMES)[number]

/** A command line, parsed and checked. */
export type ParsedCommand = {
  name: CommandName
  /** The positional words joined by spaces: the question, keyword or speaker name. */
  text: string
  isJson: boolean
  corpus: string | null
  article: string | null
  limit: number | null
  batch: string | null
  speaker: string | null
  topic: string | null
  isAll: boolean
  /** `--server ID`: that server's view (the shared articles and its own); null: the shared ones only. */
  server: string | null
  /** False with `--no-snapshot`: the CLI builds the library without reading or saving a snapshot. */
  isSnapshotWanted: boolean
}

/** A command line that cannot run, with the reason for the person who typed it. */
export type UsageError = { error: string }

const OPTIONS = {
  json: { type: 'boolean' },
  corpus: { type: 'string' },
  article: { type: 'string' },
  limit: { type: 'string' },
  batch: { type: 'string' },
  speaker: { type: 'string' },
  topic: { type: 'string' },
  all: { type: 'boolean' },
  server: { type: 'string' },
  'no-snapshot': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export const MAX_LIMIT = 100

export const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  ask "<question>"            the passages that best answer a question, with who said them
  ask --batch FILE            one JSON line per question of FILE ({"id","question","article"?} lines)
  quote "<keyword>"           what was said about a keyword ("exact phrase" in quotes), and by whom
  brief [--all]               a briefing: key points, who's who, timeline (several articles:
                              top stories and most-quoted speakers; --all: one brief each)
  quotes                      every quote and paraphrase found, with its speaker
  speakers ["<name>"]         who's who; with a name, everything that person said
  articles                    the corpus: headlines, bylines, dates, counts
  add URL|FILE                a story into the collection (--server ID: that server's), from a link or a
                              saved page or text file (.html .htm .txt .md); prints its brief
  remove ID                   an article of the collection (--server ID: that server's)
  extract FILE [--url URL]    the article of a saved web page (extract --help for more)

Options:
  --json           exactly one JSON document on stdout
  --corpus DIR     the corpus folder (default: corpus/, or CORPUS_DIR)
  --no-snapshot    build the library without reading or saving its snapshot
                   (by default the first call on a corpus saves one in SNAPSHOT_DIR, .cache/)
  --article ID     only this article (its file name without extension)
  --limit N        how many results (ask, quote; 1–${MAX_LIMIT})
  --speaker NAME   quote: only this speaker (name, surname or alias)
  --topic WORDS    brief: only passages about these words
  --server ID      a Discord server's view: the shared articles and that server's own
                   (corpus/servers/ID/); without it, the shared articles only`

/** Parses a command line (without the program name). Never throws. */
export function parseCommand(argv: readonly string[]): ParsedCommand | UsageError {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    return { error: errorMessage(error) }
  }
  const { values, positionals } = parsed
  const [first, ...rest] = positionals
  if (values.help === true || first === undefined) return { ...emptyCommand(), name: 'help' }
  const name = COMMAND_NAMES.find((command) => command === first.toLowerCase())
  if (name === undefined) return { error: `unknown command "${first}"; try one of ${COMMAND_NAMES.join(', ')}` }
  let limit: number | null = null
  if (values.limit !== undefined) {
    limit = Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      return { error: `--limit must be a whole number from 1 to ${MAX_LIMIT}` }
  }
  const server = values.server?.trim() ?? null
  if (server !== null && !isServerId(server)) return { error: '--server must be a Discord server id (17–20 digits)' }
  const command: ParsedCommand = {
    name,
    text: rest.join(' ').trim(),
    isJson: values.json === true,
    corpus: values.corpus ?? null,
    article: values.article ?? null,
    limit,
    batch: values.batch ?? null,
    speaker: values.speaker ?? null,
    topic: values.topic ?? null,
    isAll: values.all === true,
    server,
    isSnapshotWanted: values['no-snapshot'] !== true,
  }
  if (name === 'ask' && command.text === '' && command.batch === null)
    return { error: 'ask needs a question, e.g. ask "Who said the bridge would reopen?"' }
  if (name === 'quote' && command.text === '') return { error: 'quote needs a keyword, e.g. quote terrorism' }
  if (name === 'add' && (command.text === '' || rest.length > 1))
    return { error: 'add needs one link or file, e.g. add https://news.example/story --server ID' }
  if (name === 'remove' && (command.text === '' || rest.length > 1))
    return { error: 'remove needs one article id (see the articles command)' }
  return command
}

/** What a command prints, and the exit code: 0 done, 2 bad arguments (such as an unknown article). */
export type CommandOutput = { text: string; exitCode: 0 | 2 }

/**
 * Runs a parsed command on the library. `--batch` is not handled here (the roots stream it); an
 * unknown `--article` is a usage error naming the known ids' count.
 */
export function runCommand(library: Library, command: ParsedCommand, style: TextStyle): CommandOutput {
  if (command.article !== null && !library.articleById.has(command.article)) {
    return usage(`no article "${command.article}" in the corpus (${library.articles.length} articles; see the articles command)`)
  }
  const output = (json: unknown, text: string): CommandOutput => ({ text: command.isJson ? JSON.stringify(json) : text, exitCode: 0 })
  switch (command.name) {
    case 'help':
      return { text: USAGE, exitCode: 0 }
    case 'ask': {
      const result = answerQuestion(library, command.text, { article: command.article, limit: command.limit ?? 5 })
      return output(askJson(result), renderAskText(result, style))
    }
    case 'quote': {
      const result = searchQuotes(library, command.text, { article: command.article, speaker: command.speaker, limit: command.limit ?? 5 })
      return output(quoteJson(result), renderQuoteText(result))
    }
    case 'brief': {
      if (command.isAll) {
        const ids = command.article !== null ? [command.article] : library.articles.map((article) => article.id)
        if (ids.length === 0) return output({ briefs: [] }, 'The corpus is empty.')
        const briefs = ids
          .map((id) => briefArticle(library, id, { topic: command.topic }))
          .filter((brief): brief is Brief => brief !== null)
        return output({ briefs: briefs.map(briefJson) }, briefs.map(renderBriefText).join('\n\n────────\n\n'))
      }
      const scope = chooseBriefScope(library, command.article)
      if (scope.kind === 'empty') return output({ briefs: [] }, 'The corpus is empty.')
      if (scope.kind === 'corpus') {
        const corpus = briefCorpus(library, { topic: command.topic })
        return output(corpusBriefJson(corpus), renderCorpusBriefText(corpus))
      }
      const brief = briefArticle(library, scope.article, { topic: command.topic })
      return brief === null ? usage('no article to brief') : output(briefJson(brief), renderBriefText(brief))
    }
    case 'quotes': {
      const json = quotesJson(library, command.article)
      return output(json, renderQuotesText(json))
    }
    case 'speakers': {
      const result = listSpeakers(library, { article: command.article, name: command.text === '' ? null : command.text })
      return output(speakersJson(result), renderSpeakersText(result))
    }
    case 'articles': {
      const articles = listArticles(library)
      return output(articlesJson(articles), renderArticlesText(articles))
    }
    case 'add':
    case 'remove':
      // They write to the corpus: the roots run them with runCollectionCommand.
      return usage(`${command.name} changes the articles and needs the corpus folder: run it from the CLI or the console`)
  }
}

/** One batch question: `{"id","question","article"?}`. */
export type BatchQuestion = { id: string; question: string; article: string | null }

/** Parses one line of an `ask --batch` file; a UsageError names the line. */
export function parseBatchLine(line: string, lineNumber: number): BatchQuestion | UsageError {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { error: `line ${lineNumber} is not JSON` }
  }
  const record = value as Record<string, unknown> | null
  if (record === null || typeof record !== 'object' || typeof record.question !== 'string') {
    return { error: `line ${lineNumber} has no "question" string` }
  }
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : String(lineNumber)
  return { id, question: record.question, article: typeof record.article === 'string' ? record.article : null }
}

/** The JSON line printed for one batch question: the `ask` object plus its id. */
export function answerBatchQuestion(library: Library, question: BatchQuestion, limit: number): string {
  const result = answerQuestion(library, question.question, { article: question.article, limit })
  return JSON.stringify({ id: question.id, ...askJson(result) })
}

function usage(error: string): CommandOutput {
  return { text: error, exitCode: 2 }
}

function emptyCommand(): ParsedCommand {
  return {
    name: 'help',
    text: '',
    isJson: false,
    corpus: null,
    article: null,
    limit: null,
    batch: null,
    speaker: null,
    topic: null,
    isAll: false,
    server: null,
    isSnapshotWanted: true,
  }
}
