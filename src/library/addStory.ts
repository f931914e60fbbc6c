import { readStoryFile } from '../corpus/pageFiles.js'
import { parseArticle } from '../corpus/parseArticle.js'
import type { ExtractedArticle } from '../ingest/extractArticle.js'
import { type AttachmentRef, type FetchFailureReason, type FetchPolicy, fetchAttachment, fetchPage } from '../ingest/fetchPage.js'
import { extractInWorker } from './extractInWorker.js'
import type { AddOutcome, LibraryHolder, NewArticle } from './libraryHolder.js'

// One story into a server's collection, from wherever it comes: a link a member pasted, a file
// they uploaded, or a page or text file given to the CLI. Fetch safely, extract the article (or
// read a text or Markdown file with the corpus's own parser), then add it to the holder, which
// saves the file and makes it answerable at once. Every way this can fail is a value with one
// plain sentence for the member; nothing is written unless the addition succeeds.

/** Where a story comes from. `page`: its text is already at hand (the CLI's FILE). */
export type StorySource =
  | { kind: 'link'; url: string }
  | { kind: 'attachment'; attachment: AttachmentRef }
  | { kind: 'page'; name: string; text: string; format: 'html' | 'text' | 'markdown'; url: string | null }

/** Why a story was not added, beside the holder's own reasons. */
export type StoryRefusal =
  | FetchFailureReason
  | 'no-article-text'
  | 'too-slow'
  | 'no-headline'
  | 'unreadable-file'
  | Extract<AddOutcome, { status: 'refused' }>['reason']

/** What {@link addStory} did: the holder's outcome, or a refusal before anything was saved. */
export type AddStoryOutcome =
  | { status: 'added'; id: string; file: string }
  | { status: 'duplicate'; id: string }
  | { status: 'refused'; reason: StoryRefusal; message: string }

/** How {@link addStory} may reach the network, and who is adding. */
export type AddStoryOptions = {
  fetchPolicy: Partial<FetchPolicy>
  /** Hosts besides Discord's CDN that attachments may come from (the emulator's, in tests). */
  attachmentHosts: readonly string[]
  /** The Discord user id of the member adding it; null from the CLI. */
  addedBy: string | null
  now?: Date
}

export const defaultAddStoryOptions: AddStoryOptions = { fetchPolicy: {}, attachmentHosts: [], addedBy: null }

const NO_TEXT_ADVICE =
  'If the story is behind a paywall or built by scripts, save its text as a .txt or .md file and add that file instead.'

/**
 * Adds the story `source` holds to `server`'s collection (null: the shared articles, for the CLI
 * without `--server`). Never throws for anything the page, the file or the network does.
 */
export async function addStory(
  holder: Pick<LibraryHolder, 'addArticle'>,
  server: string | null,
  source: StorySource,
  options: Partial<AddStoryOptions> = {},
): Promise<AddStoryOutcome> {
  const { fetchPolicy, attachmentHosts, addedBy, now } = { ...defaultAddStoryOptions, ...options }
  const read = await readStory(source, fetchPolicy, attachmentHosts)
  if (!read.ok) return { status: 'refused', reason: read.reason, message: read.message }
  return holder.addArticle(server, read.article, { addedBy, ...(now === undefined ? {} : { now }) })
}

/**
 * The fetch settings of an addition, from the bot's settings: the private hosts an operator
 * allowed, and the emulator's host as an attachment host when the API base points at one (tests).
 */
export function storyOptions(
  settings: { fetchAllowPrivateHosts: readonly string[]; discordApiBase: string | null },
  addedBy: string | null,
): Partial<AddStoryOptions> {
  const attachmentHosts = settings.discordApiBase === null ? [] : [new URL(settings.discordApiBase).host]
  return { fetchPolicy: { allowPrivateHosts: settings.fetchAllowPrivateHosts }, attachmentHosts, addedBy }
}

/** A story file given by path (the CLI's and console's `add FILE`) as a source, or an `error` sentence. */
export async function readStorySource(file: string): Promise<StorySource | { error: string }> {
  const read = await readStoryFile(file)
  return 'error' in read ? read : { kind: 'page', name: read.name, text: read.text, format: read.format, url: null }
}

type ReadStory = { ok: true; article: NewArticle } | { ok: false; reason: StoryRefusal; message: string }

async function readStory(source: StorySource, fetchPolicy: Partial<FetchPolicy>, attachmentHosts: readonly string[]): Promise<ReadStory> {
  if (source.kind === 'page') return storyOfPage(source.name, source.text, source.format, source.url)
  if (source.kind === 'link') {
    const fetched = await fetchPage(source.url, fetchPolicy)
    if (!fetched.ok) return fetched
    return storyOfPage(source.url, fetched.page.text, fetched.page.kind, fetched.page.url)
  }
  const fetched = await fetchAttachment(source.attachment, { ...fetchPolicy, attachmentHosts })
  if (!fetched.ok) return fetched
  return storyOfPage(source.attachment.filename, fetched.page.text, fetched.page.format, null)
}

// A page or file's text → the article to add. HTML goes through extraction; a text or Markdown
// file through the corpus parser, so it reads exactly as the same file copied into corpus/ would.
async function storyOfPage(name: string, text: string, format: 'html' | 'text' | 'markdown', url: string | null): Promise<ReadStory> {
  if (format === 'html') {
    // In a worker with a deadline: a page's markup can make extraction slow, and the bot's thread must keep answering.
    const extracted = await extractInWorker(text, url)
    if (extracted.ok) return articleOfExtraction(extracted.article, url)
    if (extracted.reason === 'no-article-text')
      return { ok: false, reason: 'no-article-text', message: `No article text was found in that page. ${NO_TEXT_ADVICE}` }
    return {
      ok: false,
      reason: 'too-slow',
      message: `${extracted.message} Save the story's text as a .txt or .md file and add that file instead.`,
    }
  }
  const parsed = parseArticle('upload', format === 'markdown' ? 'upload.md' : 'upload.txt', text)
  if (!parsed.ok) return { ok: false, reason: 'unreadable-file', message: `${name} cannot be read as an article: it ${parsed.reason}.` }
  const { headline, byline, date, url: fileUrl, source, paragraphs } = parsed.article
  return { ok: true, article: { headline, byline, date, url: fileUrl ?? url, source, paragraphs: [...paragraphs] } }
}

function articleOfExtraction(article: ExtractedArticle, pageUrl: string | null): ReadStory {
  const headline = article.headline ?? headlineFromText(article.paragraphs)
  if (headline === null)
    return { ok: false, reason: 'no-headline', message: `The page has no headline and no text to name it by. ${NO_TEXT_ADVICE}` }
  return {
    ok: true,
    article: {
      headline,
      byline: article.byline,
      date: article.date,
      url: article.url ?? pageUrl,
      source: article.site,
      paragraphs: article.paragraphs,
    },
  }
}

// A page without a headline anywhere in its markup is named by the start of its first paragraph.
const FALLBACK_HEADLINE_WORDS = 12

function headlineFromText(paragraphs: readonly string[]): string | null {
  const words = (paragraphs[0] ?? '').split(/\s+/).filter((word) => word !== '')
  if (words.length === 0) return null
  return words.length <= FALLBACK_HEADLINE_WORDS ? words.join(' ') : `${words.slice(0, FALLBACK_HEADLINE_WORDS).join(' ')}…`
}
