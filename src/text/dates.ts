/**
 * How much of a date the words give: a day ("October 19"), a month ("October 2025"), a year
 * ("2020"), or only a position relative to when the article was written ("on Thursday").
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'relative'

/** A date as written in a text; offsets index into that text. */
export type DateMention = {
  /** The words as written ("Oct. 19, 2025", "on Thursday", "earlier this week"). */
  text: string
  start: number
  end: number
  precision: DatePrecision
  /** What the words fix by themselves; the rest is filled in by {@link resolveDates}. */
  year: number | null
  month: number | null
  day: number | null
}

/** A date mention with its ISO 8601 form when the text or the article date allow one. */
export type ResolvedDate = DateMention & {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when nothing anchors it (never a guess). */
  when: string | null
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
])
const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
])

const MONTH =
  '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)'
const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?'
const YEAR = '(?<year>(?:1[89]|20)\\d\\d)'
const WEEKDAY = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)'
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\\d+'
// A bare month ("in May") is only a date after a preposition or modifier: "May" and "March" are
// also ordinary words.
const MONTH_LEAD = `(?:${[
  'in',
  'since',
  'until',
  'till',
  'by',
  'during',
  'from',
  'through',
  'before',
  'after',
  'early',
  'late',
  'last',
  'next',
  'this',
  'of',
]
  .map((word) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`)
  .join('|')}|mid-)`

// The patterns, most specific first; an earlier match wins over a later one that overlaps it.
const PATTERNS: ReadonlyArray<{ pattern: RegExp; precision: DatePrecision }> = [
  { pattern: new RegExp(`\\b${MONTH}\\s${DAY},?\\s${YEAR}\\b`, 'g'), precision: 'day' },
  { pattern: new RegExp(`\\b${DAY}\\s(?:of\\s)?${MONTH},?\\s${YEAR}\\b`, 'g'), precision: 'day' },
  { pattern: new RegExp(`\\b${MONTH}\\s${DAY}\\b(?!,?\\s?\\d)`, 'g'), precision: 'day' },
  { pattern: new RegExp(`\\b${DAY}\\s(?:of\\s)?${MONTH}(?=[\\s,.;:!?)]|$)`, 'g'), precision: 'day' },
  { pattern: new RegExp(`\\b${MONTH},?\\s${YEAR}\\b`, 'g'), precision: 'month' },
  { pattern: new RegExp(`\\b(?<lead>${MONTH_LEAD})(?:\\s|(?<=-))${MONTH}(?=[\\s,.;:!?)]|$)`, 'g'), precision: 'month' },
  // Relative dates: kept as written, resolved only against the article date.
  {
    pattern: new RegExp(
      `\\b(?:(?:on|last|this|next|since|until|by)\\s)?(?<weekday>${WEEKDAY})(?:\\s(?:morning|afternoon|evening|night))?\\b`,
      'gi',
    ),
    precision: 'relative',
  },
  { pattern: /\b(?:(?:earlier|later)\s)?(?:this|last|next|past)\s(?<unit>week|weekend|month|year)\b/gi, precision: 'relative' },
  { pattern: /\b(?:yesterday|today|tomorrow|tonight)\b/gi, precision: 'relative' },
  { pattern: new RegExp(`\\b(?<count>${NUMBER_WORDS})\\s(?<unit>days?|weeks?|months?|years?)\\sago\\b`, 'gi'), precision: 'relative' },
  // A bare year, but not a decade ("the 1970s"), a range ("2001-2002") or part of a number.
  { pattern: new RegExp(`(?<!\\d[-–])\\b${YEAR}\\b(?![.,]\\d|\\s?%|[-–]\\d|(?<=0)['’]?s\\b)`, 'g'), precision: 'year' },
]
const YEAR_LEAD = /\b(?:in|since|until|till|by|during|from|through|before|after|of|early|late|mid|to|between)\s*$/i
const CURRENCY_BEFORE = /[$£€¥]\s?$/

/**
 * Every date written in `text`, in order, without overlaps: full dates, month-day, month-year,
 * bare years (1800–2099, not amounts such as "$2000" or "2000 people") and relative dates ("on
 * Thursday", "last month", "two days ago"). Year, month and day are filled only from the words.
 */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = []
  for (const { pattern, precision } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (found.some((other) => other.start < end && start < other.end)) continue
      const groups = match.groups ?? {}
      if (precision === 'year' && !isYearUse(text, start, end)) continue
      const month = groups.month === undefined ? null : (MONTHS.get(groups.month.toLowerCase().replace('.', '')) ?? null)
      const day = groups.day === undefined ? null : Number(groups.day)
      if (day !== null && (day < 1 || day > 31)) continue
      found.push({
        text: match[0],
        start,
        end,
        precision,
        year: groups.year === undefined ? null : Number(groups.year),
        month,
        day,
      })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * Gives each mention its ISO form where the text allows: its own year, else the year written with
 * the same month elsewhere in `context` (the paragraph first, then the article), else the article
 * date (`YYYY-MM-DD…`, or null). Relative mentions resolve only against the article date;
 * weekdays to the latest such day on or before it, as news reports what has happened.
 */
export function resolveDates(
  mentions: readonly DateMention[],
  context: { paragraph: readonly DateMention[]; article: readonly DateMention[]; articleDate: string | null },
): ResolvedDate[] {
  const anchor = parseIsoDate(context.articleDate)
  return mentions.map((mention) => ({ ...mention, when: resolveOne(mention, context, anchor) }))
}

function resolveOne(
  mention: DateMention,
  context: { paragraph: readonly DateMention[]; article: readonly DateMention[] },
  anchor: Date | null,
): string | null {
  const { precision, month, day } = mention
  if (precision === 'year') return mention.year === null ? null : String(mention.year)
  if (precision === 'relative') return anchor === null ? null : resolveRelative(mention.text, anchor)
  if (month === null) return null
  const year =
    mention.year ??
    yearWithMonth(context.paragraph, month) ??
    (anchor === null ? null : yearNear(anchor, month, day)) ??
    yearWithMonth(context.article, month)
  if (year === null) return null
  return day === null ? `${year}-${pad(month)}` : isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null
}

// The year written next to the same month ("October 2025" for "October 19"), when only one is.
function yearWithMonth(mentions: readonly DateMention[], month: number): number | null {
  const years = new Set(mentions.filter((other) => other.month === month && other.year !== null).map((other) => other.year))
  return years.size === 1 ? ([...years][0] ?? null) : null
}

// A month (and day) without a year, in an article dated `anchor`: that year, unless it would fall
// more than six months after the article, which means last year's.
function yearNear(anchor: Date, month: number, day: number | null): number {
  const year = anchor.getUTCFullYear()
  const candidate = Date.UTC(year, month - 1, day ?? 1)
  return candidate - anchor.getTime() > 183 * DAY_MS ? year - 1 : year
}

const DAY_MS = 86_400_000
const COUNTS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
])

// Only relative dates that name one day, month or year get an ISO form; "this week", "a few
// days ago" and "earlier this month" do not name one day, so they stay null or coarse.
function resolveRelative(text: string, anchor: Date): string | null {
  const words = text.toLowerCase()
  const shift = (days: number) => isoDay(new Date(anchor.getTime() + days * DAY_MS))
  if (/^(?:today|tonight)$/.test(words)) return shift(0)
  if (words === 'yesterday') return shift(-1)
  if (words === 'tomorrow') return shift(1)
  const weekday = [...WEEKDAYS].find(([name]) => words.includes(name))
  if (weekday !== undefined) {
    if (/^(?:next|this)\s/.test(words)) return null
    const back = (anchor.getUTCDay() - weekday[1] + 7) % 7
    return shift(words.startsWith('last ') && back === 0 ? -7 : -back)
  }
  const ago = /^(\w+)\s(day|week|month|year)s?\sago$/.exec(words)
  if (ago !== null) {
    const count = COUNTS.get(ago[1] ?? '') ?? Number(ago[1])
    if (!Number.isInteger(count)) return null
    if (ago[2] === 'day') return shift(-count)
    if (ago[2] === 'week') return null
    if (ago[2] === 'month') return isoMonth(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1 - count)
    return String(anchor.getUTCFullYear() - count)
  }
  const unit = /^(?:(?:earlier|later)\s)?(this|last|next|past)\s(month|year)$/.exec(words)
  if (unit !== null) {
    const step = unit[1] === 'last' ? -1 : unit[1] === 'next' ? 1 : 0
    if (unit[1] === 'past') return null
    return unit[2] === 'year' ? String(anchor.getUTCFullYear() + step) : isoMonth(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1 + step)
  }
  return null
}

function isYearUse(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start)
  if (CURRENCY_BEFORE.test(before)) return false
  if (YEAR_LEAD.test(before) || /['’]s?\s*$/.test(before)) return true
  // Without a leading preposition, a number followed by a lowercase word is a count ("2000 people").
  return !/^\s+\p{Ll}/u.test(text.slice(end, end + 3))
}

/** Parses `YYYY-MM-DD` (with or without a time); null when absent or not a date. */
export function parseIsoDate(value: string | null): Date | null {
  if (value === null) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (match === null) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isRealDay(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : null
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function isoMonth(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month - 1, 1))
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
