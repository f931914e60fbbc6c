import { parseHTML } from 'linkedom'

// The few DOM members extraction uses, typed here because the project compiles without the DOM
// library (linkedom's own typings resolve to `any` without it). linkedom implements all of them.

/** A node of a parsed page: element, text or comment. */
export type DomNode = {
  readonly nodeType: number
  readonly nodeName: string
  textContent: string | null
  readonly parentNode: DomNode | null
  /** False once the node or an ancestor has been removed from the document. */
  readonly isConnected: boolean
  readonly childNodes: ArrayLike<DomNode>
  remove(): void
}

/** An element of a parsed page. */
export type DomElement = DomNode & {
  readonly tagName: string
  readonly localName: string
  readonly id: string
  readonly className: string
  readonly children: ArrayLike<DomElement>
  readonly parentElement: DomElement | null
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

/** A parsed page. */
export type DomDocument = {
  readonly documentElement: DomElement
  readonly head: DomElement | null
  readonly body: DomElement | null
  readonly title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

/** `Node.ELEMENT_NODE` and `Node.TEXT_NODE`. */
export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

/**
 * Parses an HTML string into a document (linkedom: fast, tolerant, no scripts run, no network).
 * A fragment or an empty string is wrapped in `<html><body>` first: linkedom leaves a document
 * without `<html>` element otherwise, and every lookup on it would throw.
 */
export function parseDocument(html: string): DomDocument {
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  const { document } = parseHTML(source) as unknown as { document: DomDocument }
  return document
}

/** Whether a node is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

/** The lower-case tag name of an element (`p`, `div`, …). */
export function tagOf(element: DomElement): string {
  return element.localName.toLowerCase()
}

/** The element's class and id joined, for matching boilerplate patterns. */
export function classAndId(element: DomElement): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
}

/** Whitespace runs (including non-breaking spaces) collapsed to one space, ends trimmed. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim()
}
