/** What a direct answer is: a name for who, a date for when, a number for how many, a place for where. */
export type AnswerType = 'person' | 'date' | 'place' | 'number' | 'other'

/**
 * A kind of span a passage can hold: entities wink-nlp recognises (date, count = cardinal,
 * money, percent, duration), a capitalised name, or a name after a place preposition.
 */
export type CandidateKind = 'date' | 'count' | 'money' | 'percent' | 'duration' | 'name' | 'place'

/** The answer a question asks for: its type, and the kinds of span that can be it, best first. */
export type ExpectedAnswer = {
  type: AnswerType
  kinds: readonly CandidateKind[]
}

// The question's head, read after leading filler: "how much" asks for money, a share or a count;
// "how long" for a duration; "what percentage" for a percent. Nouns a "what/which" question
// names (its answer category) follow the usual taxonomy of factoid questions (Li and Roth, 2002):
// people, organisations and places are written as capitalised names; other categories ("what
// color", "what kind of") are answered in common words, which a name or a number cannot be.
const EXPECTATIONS: ReadonlyArray<readonly [RegExp, ExpectedAnswer]> = [
  [/^how many\b/, { type: 'number', kinds: ['count'] }],
  [/^how much\b/, { type: 'number', kinds: ['money', 'percent', 'count'] }],
  [/^how long\b/, { type: 'number', kinds: ['duration'] }],
  [/^how (?:old|far|big|large|tall|high|deep|wide|heavy|fast|often)\b/, { type: 'number', kinds: ['count', 'duration'] }],
  [/^(?:what|which) (?:percentage|percent|proportion|share|fraction)\b/, { type: 'number', kinds: ['percent'] }],
  [/^(?:what|which) (?:number|amount)\b/, { type: 'number', kinds: ['count', 'money'] }],
  // "What was the population of …", "what is the cost of …": a measure asks for a number.
  [
    /^what (?:is|was|are|were) (?:the |its |their )?(?:(?:total|average|estimated|approximate|current) )?(?:population|cost|price|budget|number|amount|size|area|length|height|depth|width|weight|temperature|speed|distance|salary|revenue|income|rate|percentage|age|value|capacity|attendance)\b/,
    { type: 'number', kinds: ['count', 'money', 'percent'] },
  ],
  [
    /^(?:when|(?:(?:in|on|at|during|by|since|until|from) )?(?:what|which) (?:year|years|date|day|month|decade|century|time|period|era))\b/,
    { type: 'date', kinds: ['date'] },
  ],
  [/^(?:who|whom)\b/, { type: 'person', kinds: ['name'] }],
  [
    /^(?:what|which) (?:person|man|woman|king|queen|president|emperor|leader|official|scientist|artist|author|writer|player|coach|explorer|general|politician|ruler|founder|inventor|architect|composer|poet|philosopher)\b/,
    { type: 'person', kinds: ['name'] },
  ],
  [
    /^(?:where|(?:in |from |to )?(?:what|which) (?:country|countries|city|cities|place|region|state|county|district|town|area|location|province|continent|island|river|nation))\b/,
    { type: 'place', kinds: ['place'] },
  ],
  [
    /^(?:(?:what|which) (?:team|company|companies|organi[sz]ation|group|band|university|college|school|party|newspaper|magazine|network|channel|agency|league|club|firm|airline|brand|label|dynasty|tribe|empire|army|court|committee|council|institution|museum|church|bank|hospital|journal|award|prize)|(?:what|which) (?:is|was|were|are) the names? of)\b/,
    { type: 'other', kinds: ['name'] },
  ],
]

// Words a newcomer types before the question word ("so, who …", "tell me when …").
const LEADING_FILLER = /^(?:(?:so|and|ok|okay|hey|please|tell me|do you know|can you tell me|wait)\b[\s,]*)+/

/**
 * The answer `question` asks for, from its first words; null when it asks for none a single span
 * can give (what, why, how, yes-no, "whose …").
 */
export function expectedAnswerOf(question: string): ExpectedAnswer | null {
  const head = question.toLowerCase().trim().replace(LEADING_FILLER, '')
  return EXPECTATIONS.find(([pattern]) => pattern.test(head))?.[1] ?? null
}
