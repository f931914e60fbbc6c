import { briefArticle } from '../answer/brief.js'
import type { AddStoryOutcome, StorySource } from '../library/addStory.js'
import type { Library } from '../library/library.js'
import type { RemoveOutcome } from '../library/libraryHolder.js'
import { briefJson } from '../render/json.js'
import { renderBriefText } from '../render/text.js'
import type { CommandOutput, ParsedCommand } from './textCommands.js'

// `add URL|FILE` and `remove ID` in the CLI and the console: the commands that change the
// collection. The roots give the means (the holder, reading a file); this layer decides what to
// print. A refused addition exits 2 with its one-sentence reason, like any bad argument.

/** What the collection commands need from their root, bound to one view (`--server` or the shared articles). */
export type CollectionIo = {
  add: (source: StorySource) => Promise<AddStoryOutcome>
  remove: (id: string) => Promise<RemoveOutcome>
  /** The view the commands act on, as it is now (after an addition: with the new article). */
  view: () => Library
  /** Reads a story file given by path (a saved page, .txt or .md); an `error` when it cannot be used. */
  readFile: (path: string) => Promise<StorySource | { error: string }>
}

const LINK = /^https?:\/\//i

/** Runs `add` or `remove`; any other command is a usage error. */
export async function runCollectionCommand(command: ParsedCommand, io: CollectionIo): Promise<CommandOutput> {
  if (command.name === 'remove') return remove(command, io)
  if (command.name !== 'add') return { text: `${command.name} does not change the collection`, exitCode: 2 }
  const source = LINK.test(command.text) ? { kind: 'link' as const, url: command.text } : await io.readFile(command.text)
  if ('error' in source) return { text: source.error, exitCode: 2 }
  const outcome = await io.add(source)
  if (outcome.status === 'refused') return { text: outcome.message, exitCode: 2 }
  if (outcome.status === 'duplicate') {
    const text = `already here as ${outcome.id}`
    return { text: command.isJson ? JSON.stringify({ status: 'duplicate', id: outcome.id }) : text, exitCode: 0 }
  }
  const brief = briefArticle(io.view(), outcome.id)
  if (brief === null)
    return { text: `added as ${outcome.id}, but it is not in the view: reload and check the file ${outcome.file}`, exitCode: 2 }
  return {
    text: command.isJson
      ? JSON.stringify({ status: 'added', id: outcome.id, file: outcome.file, ...briefJson(brief) })
      : `Added as ${outcome.id} (${outcome.file}).\n\n${renderBriefText(brief)}`,
    exitCode: 0,
  }
}

async function remove(command: ParsedCommand, io: CollectionIo): Promise<CommandOutput> {
  const article = io.view().articleById.get(command.text)
  if (article === undefined || article.server !== command.server) {
    const where = command.server === null ? 'among the shared articles' : `in server ${command.server}'s articles`
    return { text: `no article "${command.text}" ${where} (see the articles command)`, exitCode: 2 }
  }
  const outcome = await io.remove(article.id)
  if (outcome.status === 'refused') return { text: outcome.message, exitCode: 2 }
  if (outcome.status === 'not-found') return { text: `no article "${command.text}" (it was already gone)`, exitCode: 2 }
  const text = `Removed ${article.id}: ${article.headline}`
  return { text: command.isJson ? JSON.stringify({ status: 'removed', id: article.id }) : text, exitCode: 0 }
}
