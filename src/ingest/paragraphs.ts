import { type DomElement, type DomNode, isElement, normalizeSpace, TEXT_NODE, tagOf } from './dom.js'

// The text of an article container as paragraphs: every block element (p, h2, li, blockquote …)
// and every run of text between blocks or `<br>`s is one paragraph.

/** Elements that start and end a paragraph of their own. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'center',
])

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
  'head',
  'title',
])

/** Whether an element is block-level for paragraph splitting. */
export function isBlock(element: DomElement): boolean {
  return BLOCK_TAGS.has(tagOf(element))
}

/** The paragraphs of an element's text, whitespace-normalised, empty ones dropped. */
export function toParagraphs(root: DomElement): string[] {
  const paragraphs: string[] = []
  let current = ''
  const flush = (): void => {
    const text = normalizeSpace(current)
    if (text !== '') paragraphs.push(text)
    current = ''
  }
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? ''
      return
    }
    if (!isElement(node)) return
    const tag = tagOf(node)
    if (SKIPPED_TAGS.has(tag)) return
    if (tag === 'br') {
      flush()
      return
    }
    const isBlockTag = BLOCK_TAGS.has(tag)
    if (isBlockTag) flush()
    for (const child of Array.from(node.childNodes)) walk(child)
    if (isBlockTag) flush()
  }
  walk(root)
  flush()
  return paragraphs
}
