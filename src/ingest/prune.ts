import { classAndId, type DomDocument, type DomElement, isElement, normalizeSpace, tagOf } from './dom.js'

// Removing what is not the article's text, in two passes: from the whole page before the
// container is chosen (site chrome), and inside the chosen container (what Readability keeps:
// captions, related links, share and newsletter boxes, author bios, bylines and dates).

/** Page chrome by tag or ARIA role: never article text. */
const CHROME_SELECTOR = [
  'nav',
  'aside',
  'footer',
  'button',
  'select',
  'dialog',
  'noscript',
  'template',
  'iframe',
  '[role="navigation" i]',
  '[role="banner" i]',
  '[role="contentinfo" i]',
  '[role="complementary" i]',
  '[role="search" i]',
  '[role="dialog" i]',
  '[role="alert" i]',
  '[hidden]',
  '[aria-hidden="true" i]',
].join(',')

/** Elements inside the container that hold captions, credits or page furniture, by tag. */
const FURNITURE_SELECTOR = ['figcaption', 'figure', 'header', 'nav', 'aside', 'footer', 'form', 'button', 'address'].join(',')

/** Inline elements never removed for their class or id: a link's id names its target, not its role. */
const INLINE_TAGS = new Set(['a', 'strong', 'b', 'em', 'i', 'u', 'sup', 'sub', 'mark', 'abbr', 'cite', 'q', 'time'])

/**
 * Words of a class or id that mark boilerplate (matched as whole words of `class` and `id`, split
 * at spaces, `-` and `_`, so `article__share-bar` matches `share` and `header` does not match `ad`).
 */
const BOILERPLATE_WORDS = new Set([
  'share',
  'sharing',
  'sharebar',
  'social',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'readmore',
  'promo',
  'promos',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'adslot',
  'sponsor',
  'sponsored',
  'outbrain',
  'taboola',
  'comment',
  'comments',
  'disqus',
  'standfirst',
  'dek',
  'deck',
  'subtitle',
  'strapline',
  'bio',
  'byline',
  'bylines',
  'author',
  'authors',
  'caption',
  'captions',
  'image',
  'images',
  'img',
  'photo',
  'photos',
  'picture',
  'pictures',
  'credit',
  'credits',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'topics',
  'toolbar',
  'tools',
  'print',
  'popup',
  'modal',
  'cookie',
  'cookies',
  'gdpr',
  'paywall',
  'popular',
  'trending',
  'footer',
  'sidebar',
  'meta',
  'dateline',
  'timestamp',
  'published',
  'updated',
  'offscreen',
  'visuallyhidden',
  'screenreader',
  'gallery',
  'slideshow',
  'carousel',
  'kicker',
  'rating',
  'disclosure',
  'teaser',
  'teasers',
  'rail',
])

/**
 * Whole class names and multi-word fragments that mark boilerplate (`hidden`, `read-more`,
 * `more-stories`). Utility classes count only as whole class names: `overflow-hidden` or an
 * `elementor-widget` holding article text are not boilerplate, `hidden` and
 * `widget_recent_entries` are.
 */
const BOILERPLATE_PHRASES =
  /(?:^|\s)(?:hidden|is-hidden|u-hidden|hide|d-none|sr-only|widget_\w+|widget-area)(?:\s|$)|read-?more|more-?(stories|news|articles|from)|also-?(read|like)|you-?may|visually-?hidden|screen-?reader|off-?screen|sign-?up|about-?the-?author|author-?info|post-?meta|entry-?meta|article-?meta|story-?meta|image-?credit|photo-?credit|in-?article-?(ad|related)|inline-?(related|promo)|most-?(read|popular|viewed)|related-?(content|links|articles|stories)|social-?(links|media|share)|next-?(article|post)|prev(ious)?-?(article|post)|post-?navigation|jump-?link/i

/** Whether the element's class or id marks it as boilerplate. */
export function hasBoilerplateName(element: DomElement): boolean {
  const raw = classAndId(element)
  if (raw.trim() === '') return false
  if (BOILERPLATE_PHRASES.test(raw)) return true
  // camelCase names count as words too: `newsCaption`, `InlineImage-imageEmbed`.
  return raw
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((word) => BOILERPLATE_WORDS.has(word))
}

/**
 * Removes the page's chrome before the container is chosen: navigation, asides, footers, hidden
 * elements, and with `isByName` also elements whose class or id marks boilerplate. An element
 * that holds much of the page's prose stays whatever it is called.
 */
export function pruneChrome(document: DomDocument, isByName: boolean): void {
  const root = document.body
  if (root === null) return
  const pageText = paragraphTextLength(root)
  for (const element of Array.from(root.querySelectorAll(CHROME_SELECTOR))) {
    // A page may hide or wrap its whole story in such an element (a modal sets aria-hidden on the
    // page behind it): keep any that holds much of the page's paragraph text.
    if (element.isConnected && paragraphTextLength(element) < pageText * 0.3) element.remove()
  }
  if (!isByName) return
  for (const element of Array.from(root.querySelectorAll('div, section, ul, ol, span, p, li'))) {
    if (!element.isConnected) continue
    // Comments may outweigh the story (an open thread): a comments section goes whatever its size.
    if (isCommentSection(element) || (hasBoilerplateName(element) && paragraphTextLength(element) < pageText * 0.1)) element.remove()
  }
}

/**
 * Comment sections by name (`comments`, `comment-list`, `disqus_thread`, `respond`), as whole
 * words: a `correspondent` box is not a comment section.
 */
const COMMENTS_NAME = /\b(?:comments?|disqus\w*|respond|replies)\b/i
const ARTICLE_NAME = /article|body|content|main|post|entry|story/i

function isCommentSection(element: DomElement): boolean {
  const names = classAndId(element)
  return COMMENTS_NAME.test(names) && !ARTICLE_NAME.test(names)
}

/** The length of the text in an element's `<p>`s: a quick measure of how much prose it holds. */
function paragraphTextLength(element: DomElement): number {
  let length = 0
  for (const paragraph of Array.from(element.querySelectorAll('p'))) length += (paragraph.textContent ?? '').trim().length
  return length
}

/** The length of an element's normalised text. */
export function textLength(element: DomElement): number {
  return normalizeSpace(element.textContent ?? '').length
}

/** The share of an element's text that is inside links (0 when it has no text). */
export function linkDensity(element: DomElement): number {
  const total = textLength(element)
  if (total === 0) return 0
  let linked = 0
  for (const link of Array.from(element.querySelectorAll('a'))) linked += textLength(link)
  return Math.min(1, linked / total)
}

/**
 * Removes from the chosen container what Readability keeps: furniture by tag, boilerplate by
 * class or id (unless the element holds much of the text), and link lists.
 */
export function pruneContainer(container: DomElement, pageUrl: string | null): void {
  const host = hostOf(pageUrl)
  const total = Math.max(1, textLength(container))
  // Story cards (before headers go with the furniture): a small <article> inside the article, headed by a link to another page.
  for (const card of Array.from(container.querySelectorAll('article'))) {
    if (
      isInside(card, container) &&
      textLength(card) < total * 0.3 &&
      Array.from(card.querySelectorAll('h2, h3, h4, h5')).some((heading) => linkDensity(heading) > 0.8)
    )
      card.remove()
  }
  // The page's headline is metadata, never body text.
  for (const heading of Array.from(container.querySelectorAll('h1'))) if (textLength(heading) < 300) heading.remove()
  for (const heading of Array.from(container.querySelectorAll('h2, h3, h4, h5, h6, p, div, strong'))) {
    // Leaves only (no blocks inside), tested before their text is read: keeps this pass linear.
    if (
      heading.querySelector('p, div, li') ||
      !isInside(heading, container) ||
      !RELATED_HEADING.test(normalizeSpace(heading.textContent ?? ''))
    )
      continue
    // "More great stories" and the list after it: the site's other stories, however linked.
    const next = nextElement(heading)
    if (next !== null && textLength(next) < total * 0.3 && (tagOf(next) === 'ul' || tagOf(next) === 'ol' || linkDensity(next) > 0.3))
      next.remove()
    heading.remove()
  }
  for (const element of Array.from(container.querySelectorAll(FURNITURE_SELECTOR))) {
    if (isInside(element, container) && textLength(element) < total * 0.5) element.remove()
  }
  for (const element of Array.from(container.querySelectorAll('*'))) {
    if (!isInside(element, container) || !isElement(element) || INLINE_TAGS.has(tagOf(element)) || !hasBoilerplateName(element)) continue
    // A boilerplate name is trusted for a small element, and for a larger one made of links (a
    // "trending" rail); a big element of prose with such a name may be the article itself.
    const share = textLength(element) / total
    if (share < 0.3 || (share < 0.7 && linkDensity(element) > 0.5)) element.remove()
  }
  for (const element of Array.from(container.querySelectorAll('ul, ol, div, section, p, li'))) {
    if (!isInside(element, container)) continue
    const length = textLength(element)
    if (length === 0) continue
    const tag = tagOf(element)
    if (tag === 'p' || tag === 'li') {
      if (isTeaser(element, host)) element.remove()
    } else if (
      length < total * 0.3 &&
      (linkDensity(element) > 0.5 || ((tag === 'ul' || tag === 'ol') && isLinkList(element))) &&
      linksMostlyWithin(element, host)
    ) {
      removeWithLabel(element)
    }
  }
}

/** Whether an element is still inside `root` (not removed with an ancestor); the container itself is not in the document, so `isConnected` cannot tell. */
function isInside(element: DomElement, root: DomElement): boolean {
  for (let node: DomElement | null = element; node !== null; node = node.parentElement) if (node === root) return true
  return false
}

/** Whether most items of a list are mostly links: a list of other stories. */
function isLinkList(list: DomElement): boolean {
  const items = Array.from(list.children).filter((child) => tagOf(child) === 'li')
  if (items.length < 2) return false
  return items.filter((item) => linkDensity(item) > 0.5).length >= items.length * 0.6
}

/** Removes an element together with the short heading or label just before it ("More stories"). */
function removeWithLabel(element: DomElement): void {
  const label = previousElement(element)
  if (
    label !== null &&
    !label.querySelector('a, img') &&
    textLength(label) > 0 &&
    textLength(label) <= 60 &&
    (/^h[1-6]$/.test(tagOf(label)) || /[:]\s*$/.test(label.textContent ?? '') || tagOf(label) === 'p' || tagOf(label) === 'div')
  ) {
    label.remove()
  }
  element.remove()
}

/** Labels of sections of other stories: "More Great Stories", "Related articles", "Most read". */
const RELATED_HEADING =
  /^(?:(?:more|related|recommended|popular|trending|latest|other|top|further|similar|suggested)\b[^.!?]{0,40}\b(?:stories|articles|news|reads|posts|coverage|links|reading|videos)|most (?:read|popular|viewed|shared)|(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy)|read (?:more|next|also)|also (?:read|on)\b[^.!?]{0,30}|don'?t miss|editor'?s picks?)\s*:?$/i

function nextElement(element: DomElement): DomElement | null {
  const siblings = element.parentElement === null ? [] : Array.from(element.parentElement.children)
  const index = siblings.indexOf(element)
  return index >= 0 ? (siblings[index + 1] ?? null) : null
}

function previousElement(element: DomElement): DomElement | null {
  const siblings = element.parentElement === null ? [] : Array.from(element.parentElement.children)
  const index = siblings.indexOf(element)
  return index > 0 ? (siblings[index - 1] ?? null) : null
}

/**
 * Whether a paragraph is only a link to another page of the same site: a "read more" teaser. A
 * paragraph that is only a link elsewhere (a source, a shop) is article text.
 */
function isTeaser(element: DomElement, host: string | null): boolean {
  if (linkDensity(element) < 0.8) return false
  const links = Array.from(element.querySelectorAll('a[href]'))
  return (
    links.length > 0 &&
    links.every((link) => {
      const linkHost = hostOf(link.getAttribute('href'), host === null ? null : `https://${host}/`)
      return linkHost === null || host === null || linkHost === host
    })
  )
}

/**
 * Whether most of an element's links stay on the page's site: lists of the site's other stories
 * go; a list of sources or shops elsewhere is part of the article.
 */
function linksMostlyWithin(element: DomElement, host: string | null): boolean {
  if (host === null) return true
  const links = Array.from(element.querySelectorAll('a[href]'))
  if (links.length === 0) return true
  const within = links.filter((link) => {
    const linkHost = hostOf(link.getAttribute('href'), `https://${host}/`)
    return linkHost === null || linkHost === host || linkHost.endsWith(`.${host}`) || host.endsWith(`.${linkHost}`)
  })
  return within.length >= links.length * 0.5
}

function hostOf(url: string | null, base: string | null = null): string | null {
  if (url === null) return null
  try {
    return (base === null ? new URL(url) : new URL(url, base)).hostname.replace(/^www\./, '')
  } catch {
    // Not an address: no host to compare.
    return null
  }
}
