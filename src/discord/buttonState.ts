import { COMPONENT_LIMITS } from '../render/discordLimits.js'

// Button state lives in the custom id (and the query in the message's header embed), so a button
// keeps working after the bot restarts. The version prefix lets a future format reject old ids
// politely instead of misreading them.

const VERSION = 'b1'
const SEPARATOR = '|'

/** A page of /ask or /quote results; `direction` only keeps ◀ and ▶ ids distinct. */
export type PageState = {
  kind: 'page'
  command: 'ask' | 'quote'
  offset: number
  direction: 'previous' | 'next'
  article: string | null
  speaker: string | null
}

/** The paragraphs around one passage. */
export type ContextState = { kind: 'context'; article: string; paragraph: number }

/** Repost a private reply publicly. */
export type PostState = { kind: 'post' }

export type ButtonState = PageState | ContextState | PostState

/** The custom id for a state, or null when it would exceed Discord's 100 characters. */
export function encodeButton(state: ButtonState): string | null {
  const parts: string[] = [VERSION]
  if (state.kind === 'page') {
    parts.push(
      'p',
      state.command,
      String(state.offset),
      state.direction === 'previous' ? '<' : '>',
      part(state.article),
      part(state.speaker),
    )
  } else if (state.kind === 'context') {
    parts.push('c', part(state.article), String(state.paragraph))
  } else {
    parts.push('post')
  }
  const id = parts.join(SEPARATOR)
  return id.length <= COMPONENT_LIMITS.customId ? id : null
}

/** The state in a custom id; null for anything this version did not write (expired or foreign). */
export function decodeButton(customId: string): ButtonState | null {
  const [version, kind, ...rest] = customId.split(SEPARATOR)
  if (version !== VERSION) return null
  if (kind === 'post' && rest.length === 0) return { kind: 'post' }
  if (kind === 'c' && rest.length === 2) {
    const article = unpart(rest[0])
    const paragraph = Number(rest[1])
    if (article === null || !Number.isInteger(paragraph) || paragraph < 1) return null
    return { kind: 'context', article, paragraph }
  }
  if (kind === 'p' && rest.length === 5) {
    const [command, offsetText, arrow, article, speaker] = rest
    const offset = Number(offsetText)
    if ((command !== 'ask' && command !== 'quote') || !Number.isInteger(offset) || offset < 0) return null
    if (arrow !== '<' && arrow !== '>') return null
    return {
      kind: 'page',
      command,
      offset,
      direction: arrow === '<' ? 'previous' : 'next',
      article: unpart(article),
      speaker: unpart(speaker),
    }
  }
  return null
}

function part(value: string | null): string {
  return value === null ? '' : encodeURIComponent(value)
}

function unpart(value: string | undefined): string | null {
  if (value === undefined || value === '') return null
  try {
    return decodeURIComponent(value)
  } catch {
    // A malformed escape cannot come from encodeButton: treat it as absent.
    return null
  }
}
