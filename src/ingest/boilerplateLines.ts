import { normalizeSpace } from './dom.js'

// Paragraphs that are page furniture whatever markup holds them: the headline, byline and date
// repeated in the container, photo captions and credits, "Read more:" teasers, calls to
// subscribe or follow, ad labels and gallery controls. Each rule is about the shape of the line,
// never about a particular site.

/** What the page says about itself, to recognise its headline, byline and address repeated in the body. */
export type LineContext = { headline: string | null; byline: string | null; url: string | null; site: string | null }

/** Whole lines that are labels and controls, not text. */
const UI_LINE =
  /^(?:advertisements?|advertising|ad|sponsored( content)?|promoted|continue reading( below)?|story continues( below)?|scroll (down )?to continue|article continues below|(image|photo|slide) \d+ (of|\/) ?\d+|\d+ (of|\/) \d+|caption|close|expand|enlarge|show (more|less)|load more|next|previous|back to top|share( this)?( article| story| post)?|(\d+ )?comments?( \(\d+\))?|print|email|tweet|pin|whatsapp|facebook|twitter|linkedin|don'?t miss|you may (also )?like( this)?|you might (also )?like|recommended( for you| stories)?|related( stories| articles| content| coverage| links| posts)?|more (stories|news|videos)|more from [^.!?]{1,40}|latest (news|stories|videos)|breaking news|top stories|trending( now| stories)?|most (read|popular|viewed|shared)|editor'?s picks?|must read|read (more|next)|see also|also read|watch( now)?|listen( now)?|view comments|join the conversation|leave a (comment|reply)|tags?|topics?|filed under)\s*[:.…]*$/i

/** A short source credit at the end of a wire story: "SOURCE: News agencies", "Via Agency". */
const SOURCE_LINE = /^(?:sources?\s*:\s*\S.*|via\s+\S[^,!?]*[^.,!?])$/i

/** Credits for the reporting, which the byline already holds: "Additional reporting by …", "… contributed to this report." */
const REPORTING_CREDIT =
  /^(?:(?:additional |staff )?reporting by|(?:writing|editing|edited|compiled|produced) by)\b|\bcontributed (?:reporting )?to this (?:report|story|article)\.?$/i

/** A teaser: a short line introduced by "Read more:", "SEE MORE:", "Related:", "Watch:" … */
const TEASER_PREFIX =
  /^(?:(?:read|see|watch|listen|view)( (?:more|also|next|now|this|the latest))?|related( (?:stories|articles|coverage|content))?|more|also( (?:read|see|on [^:]{1,30}))?|don'?t miss|must read|recommended|trending|click here)\s*[:|»›]/i

/** Captions and credits: "Photo: …", "Image copyright …", "(AP Photo/…)", "Credit: Getty". */
const CREDIT_LINE =
  /^(?:(?:photo|image|picture|photograph|video|illustration|graphic)s?(?: credits?)?\s*:|(?:image|photo|media) (?:copyright|caption|credit)\b|credits?\s*:)/i
const TRAILING_CREDIT =
  /(?:\((?:[^()]*\b(?:photo|image|credit|getty|pictures|file)\b[^()]*)\)|\bcredit:\s*[^.!?]{1,80}|[|/]\s*(?:getty images|shutterstock|afp|epa|reuters|bloomberg|associated press|ap)(?: via getty images)?)\s*$/i

/** Calls to action: subscribe, sign up, follow, download the app. */
const CALL_TO_ACTION =
  /^(?:sign up|subscribe|register|get (?:our|the) (?:newsletter|app)|download (?:our|the) app|follow (?:us|[^.!?]{1,40} on (?:twitter|facebook|instagram|youtube|linkedin|tiktok))|like us on facebook|share (?:this|it) with|click here to (?:subscribe|sign up|join|get (?:the|our) (?:app|newsletter))|if you (?:enjoyed|liked|value|appreciate) (?:this|our)|(?:like|enjoy|enjoyed) this (?:story|article|post)\?)/i

/** A short line with a copyright sign is a credit ("photos © Agency, 2018"). */
const COPYRIGHT = /©/

/** Publication-time lines: "Published 4:00 am …", "Updated Nov 19, 6:55 AM". */
const TIME_LINE = /^(?:(?:first |last )?(?:published|updated|posted|modified|created)(?: on| at)?\b|\|\s*updated\b)/i

/** What makes a "Published …" line a time stamp rather than a sentence ("Updated guidance says …"). */
const TIME_WORDS =
  /\d{1,2}[:.]\d{2}|\b\d{4}\b|\bago\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/i

/** A line that is only an email address, a social profile or a handle (a bare link elsewhere may be a cited source). */
const ADDRESS_LINE = /^(?:(?:https?:\/\/)?(?:www\.)?(?:twitter|facebook|instagram)\.com\/\S+|\S+@\S+\.\w+|@\w+)$/i

const isAllCaps = (text: string): boolean => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)

/** Whether one paragraph is furniture rather than article text (see the rules above). */
export function isBoilerplateLine(paragraph: string, context: LineContext): boolean {
  const text = normalizeSpace(paragraph)
  const length = text.length
  if (context.headline !== null && comparable(text) === comparable(context.headline)) return true
  if (context.url !== null && text === context.url) return true
  if (context.site !== null && comparable(text) === comparable(context.site)) return true
  if (length <= 80 && SOURCE_LINE.test(text)) return true
  if (UI_LINE.test(text) || ADDRESS_LINE.test(text)) return true
  if (length <= 200 && TEASER_PREFIX.test(text)) return true
  if (length <= 200 && CREDIT_LINE.test(text)) return true
  if (length <= 400 && TRAILING_CREDIT.test(text)) return true
  if (length <= 200 && CALL_TO_ACTION.test(text)) return true
  if (length <= 200 && REPORTING_CREDIT.test(text)) return true
  if (length <= 150 && COPYRIGHT.test(text)) return true
  if (length <= 120 && TIME_LINE.test(text) && TIME_WORDS.test(text)) return true
  if (length <= 120 && isBylineLine(text, context.byline)) return true
  if (length <= 80 && isDateLine(text)) return true
  // "05/10/2018 - Posted by: … - Category: …": a date leading two or more labelled fields.
  if (length <= 200 && DATE_LED_FIELDS.test(text)) return true
  // "CLICK HERE TO GET THE APP": shouted calls to action.
  if (length <= 150 && isAllCaps(text) && /\bCLICK(ING)?\b|\bDOWNLOAD\b|\bSUBSCRIBE\b/.test(text)) return true
  return false
}

/** Drops the furniture lines of a body (see {@link isBoilerplateLine}). */
export function dropBoilerplateLines(paragraphs: readonly string[], context: LineContext): string[] {
  return paragraphs.filter((paragraph) => !isBoilerplateLine(paragraph, context))
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters", or the page's byline alone. */
function isBylineLine(text: string, byline: string | null): boolean {
  if (byline !== null && comparable(text) === comparable(byline)) return true
  if (/^by$/i.test(text)) return true
  const match = /^(?:written |words |story |reporting )?by[:\s]\s*(.+)$/i.exec(text)
  if (match === null) return false
  // A name is a few capitalised words; "by the end of the year" is not a byline.
  const words = (match[1] ?? '').split(/\s+/)
  return words.length <= 12 && /^\p{Lu}/u.test(words[0] ?? '') && !/[.!?]$/.test(text.replace(/\b(?:Jr|Sr|Dr|St)\.$/, ''))
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
const DATE_ONLY = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?\\s*\\|?$`,
  'i',
)

const DATE_LED_FIELDS = new RegExp(
  `^(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4})\\s*[-|•·–]\\s*[^:.!?]{1,30}:[^:]{1,80}\\s[-|•·–]\\s*[^:.!?]{1,30}:`,
  'i',
)

/** A line that is only a date, possibly with a weekday and a time. */
function isDateLine(text: string): boolean {
  return DATE_ONLY.test(text)
}
