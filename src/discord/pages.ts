import { answerQuestion } from '../answer/ask.js'
import { searchQuotes } from '../answer/quote.js'
import type { Library } from '../library/library.js'
import { type ButtonSpec, type PageControls, renderAskMessage, renderQuoteMessage } from '../render/discord.js'
import type { DiscordMessage } from '../render/discordLimits.js'
import { encodeButton } from './buttonState.js'

/** Passages per /ask page: three long paragraphs still fit Discord's 6,000 characters. */
export const ASK_PAGE_SIZE = 3
export const QUOTE_PAGE_SIZE = 5

/** Everything needed to (re)build one page of /ask or /quote results. */
export type PageRequest = {
  command: 'ask' | 'quote'
  query: string
  offset: number
  article: string | null
  speaker: string | null
  isPrivate: boolean
}

/** Runs the search for one page and renders it with its buttons. */
export function renderPage(library: Library, request: PageRequest): DiscordMessage {
  const { command, query, offset, article, speaker } = request
  if (command === 'ask') {
    const result = answerQuestion(library, query, { article, limit: ASK_PAGE_SIZE, offset })
    return renderAskMessage(result, library.articleById, pageControls(request, ASK_PAGE_SIZE, result.results, result.hasMore), {
      article,
      speaker: null,
    })
  }
  const result = searchQuotes(library, query, { article, speaker, limit: QUOTE_PAGE_SIZE, offset })
  return renderQuoteMessage(result, library.articleById, pageControls(request, QUOTE_PAGE_SIZE, result.results, result.hasMore), {
    article,
    speaker,
  })
}

/**
 * ◀ ▶ (disabled at either end), one "context" button per result, and "Post to channel" on a
 * private reply. A button whose state would not fit in a custom id is left out.
 */
function pageControls(
  request: PageRequest,
  pageSize: number,
  shown: readonly { article: string; paragraph: number }[],
  hasMore: boolean,
): PageControls {
  const { command, offset, article, speaker } = request
  const page = (direction: 'previous' | 'next', target: number, label: string, isEnabled: boolean): ButtonSpec | null => {
    const customId = encodeButton({ kind: 'page', command, offset: target, direction, article, speaker })
    return customId === null ? null : { customId, label, isEnabled }
  }
  const contexts = shown.flatMap((hit, i): ButtonSpec[] => {
    const customId = encodeButton({ kind: 'context', article: hit.article, paragraph: hit.paragraph })
    return customId === null ? [] : [{ customId, label: `${offset + i + 1}: context of ¶${hit.paragraph}`, isEnabled: true }]
  })
  // Two results from the same paragraph would repeat a custom id, which Discord rejects.
  const unique = contexts.filter((spec, i) => contexts.findIndex((other) => other.customId === spec.customId) === i)
  const postId = request.isPrivate ? encodeButton({ kind: 'post' }) : null
  return {
    previous: page('previous', Math.max(0, offset - pageSize), '◀ Previous', offset > 0),
    next: page('next', offset + pageSize, 'Next ▶', hasMore),
    contexts: unique,
    post: postId === null ? null : { customId: postId, label: 'Post to channel', isEnabled: true },
  }
}
