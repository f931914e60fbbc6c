/**
 * Cue verbs: the words that introduce what someone said. Every inflection is listed, so a lookup
 * is one set access and no stemming is needed.
 */
import type { TaggedToken } from './taggedToken.js'

// Verbs of saying that take a clause ("said that …", "warned …") or a direct quotation.
const SPEECH_LEMMAS: readonly (readonly [string, string, string, string])[] = [
  // [base, 3rd person, past, present participle]
  ['say', 'says', 'said', 'saying'],
  ['add', 'adds', 'added', 'adding'],
  ['tell', 'tells', 'told', 'telling'],
  ['note', 'notes', 'noted', 'noting'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['underscore', 'underscores', 'underscored', 'underscoring'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['allege', 'alleges', 'alleged', 'alleging'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['warn', 'warns', 'warned', 'warning'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['write', 'writes', 'wrote', 'writing'],
  ['report', 'reports', 'reported', 'reporting'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['state', 'states', 'stated', 'stating'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['maintain', 'maintains', 'maintained', 'maintaining'],
  ['assert', 'asserts', 'asserted', 'asserting'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['deny', 'denies', 'denied', 'denying'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['contend', 'contends', 'contended', 'contending'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing'],
  ['emphasise', 'emphasises', 'emphasised', 'emphasising'],
  ['concede', 'concedes', 'conceded', 'conceding'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['ask', 'asks', 'asked', 'asking'],
  ['reply', 'replies', 'replied', 'replying'],
  ['respond', 'responds', 'responded', 'responding'],
  ['continue', 'continues', 'continued', 'continuing'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['observe', 'observes', 'observed', 'observing'],
  ['point', 'points', 'pointed', 'pointing'],
  ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  ['remark', 'remarks', 'remarked', 'remarking'],
  ['joke', 'jokes', 'joked', 'joking'],
  ['complain', 'complains', 'complained', 'complaining'],
  ['promise', 'promises', 'promised', 'promising'],
  ['vow', 'vows', 'vowed', 'vowing'],
  ['pledge', 'pledges', 'pledged', 'pledging'],
  ['urge', 'urges', 'urged', 'urging'],
  ['charge', 'charges', 'charged', 'charging'],
  ['testify', 'testifies', 'testified', 'testifying'],
  ['indicate', 'indicates', 'indicated', 'indicating'],
  ['mention', 'mentions', 'mentioned', 'mentioning'],
  ['reveal', 'reveals', 'revealed', 'revealing'],
  ['repeat', 'repeats', 'repeated', 'repeating'],
  ['shout', 'shouts', 'shouted', 'shouting'],
  ['exclaim', 'exclaims', 'exclaimed', 'exclaiming'],
  ['caution', 'cautions', 'cautioned', 'cautioning'],
  ['counter', 'counters', 'countered', 'countering'],
  ['boast', 'boasts', 'boasted', 'boasting'],
  ['add', 'adds', 'added', 'adding'],
  ['concur', 'concurs', 'concurred', 'concurring'],
  ['assure', 'assures', 'assured', 'assuring'],
  ['inform', 'informs', 'informed', 'informing'],
  ['accuse', 'accuses', 'accused', 'accusing'],
  ['call', 'calls', 'called', 'calling'],
  ['describe', 'describes', 'described', 'describing'],
  ['read', 'reads', 'read', 'reading'],
  ['answer', 'answers', 'answered', 'answering'],
  ['retort', 'retorts', 'retorted', 'retorting'],
  ['quip', 'quips', 'quipped', 'quipping'],
  ['scoff', 'scoffs', 'scoffed', 'scoffing'],
  ['wonder', 'wonders', 'wondered', 'wondering'],
  ['agree', 'agrees', 'agreed', 'agreeing'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['recount', 'recounts', 'recounted', 'recounting'],
  ['speculate', 'speculates', 'speculated', 'speculating'],
  ['concede', 'concedes', 'conceded', 'conceding'],
  ['proclaim', 'proclaims', 'proclaimed', 'proclaiming'],
  ['demand', 'demands', 'demanded', 'demanding'],
  ['brag', 'brags', 'bragged', 'bragging'],
  ['lament', 'laments', 'lamented', 'lamenting'],
  ['post', 'posts', 'posted', 'posting'],
  ['conclude', 'concludes', 'concluded', 'concluding'],
  ['interject', 'interjects', 'interjected', 'interjecting'],
  ['implore', 'implores', 'implored', 'imploring'],
  ['bark', 'barks', 'barked', 'barking'],
  ['snap', 'snaps', 'snapped', 'snapping'],
  ['muse', 'muses', 'mused', 'musing'],
  ['plead', 'pleads', 'pleaded', 'pleading'],
  ['press', 'presses', 'pressed', 'pressing'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['remember', 'remembers', 'remembered', 'remembering'],
  ['opine', 'opines', 'opined', 'opining'],
  ['quote', 'quotes', 'quoted', 'quoting'],
  ['chant', 'chants', 'chanted', 'chanting'],
  ['yell', 'yells', 'yelled', 'yelling'],
  ['scream', 'screams', 'screamed', 'screaming'],
  ['sigh', 'sighs', 'sighed', 'sighing'],
  ['whisper', 'whispers', 'whispered', 'whispering'],
]

/** Every inflection of every cue verb, lowercased. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(SPEECH_LEMMAS.flat())

/** Present participles of cue verbs: `, adding that …` takes the subject of its clause. */
export const SPEECH_PARTICIPLES: ReadonlySet<string> = new Set(SPEECH_LEMMAS.map((forms) => forms[3]))

/**
 * Cue verbs that report a clause ("said that X", "warned X would …"). Others, like "urged" or
 * "accused", take an object and are cues for quotations only.
 */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set(
  SPEECH_LEMMAS.filter(
    ([base]) =>
      ![
        'urge',
        'accuse',
        'call',
        'describe',
        'read',
        'answer',
        'retort',
        'quip',
        'scoff',
        'wonder',
        'demand',
        'brag',
        'post',
        'ask',
        'continue',
        'point',
        'respond',
        'reply',
        'shout',
        'exclaim',
        'inform',
        'charge',
        'promise',
        'pledge',
        'vow',
        'repeat',
        'joke',
        'remark',
        'tweet',
        'counter',
        'boast',
        'assure',
        'concur',
        'caution',
        'interject',
        'implore',
        'bark',
        'snap',
        'muse',
        'plead',
        'press',
        'remember',
        'opine',
        'quote',
        'chant',
        'yell',
        'scream',
        'sigh',
        'whisper',
      ].includes(base),
  ).flat(),
)

/**
 * Cue verbs whose report is their object phrase rather than a clause: "called him “a total
 * stiff”", "called for new tariffs", "urged voters to …", "asked Trump how …", "vowed to …".
 * The value lists particles skipped before the content ("for", "on").
 */
export const OBJECT_VERBS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['call', ['for', 'on']],
      ['urge', []],
      ['ask', ['for']],
      ['vow', []],
      ['pledge', []],
      ['promise', []],
      ['demand', []],
      ['describe', []],
      ['accuse', []],
    ] as const
  ).flatMap(([base, particles]) =>
    (SPEECH_LEMMAS.find((forms) => forms[0] === base) ?? []).map((form) => [form, particles] as [string, readonly string[]]),
  ),
)

/** Verbs whose object is the hearer, skipped before the reported clause ("told reporters that …"). */
export const HEARER_VERBS: ReadonlySet<string> = new Set([
  'tell',
  'tells',
  'told',
  'telling',
  'assure',
  'assures',
  'assured',
  'assuring',
  'inform',
  'informs',
  'informed',
  'informing',
  'warn',
  'warns',
  'warned',
  'warning',
  'remind',
  'reminds',
  'reminded',
  'reminding',
])

/** Returns true when `word` (any case) is a cue verb. */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word.toLowerCase())
}

/** Is the token a cue verb used as a verb (or a plural noun the tagger confused: "says")? */
export function isCueVerb(token: TaggedToken | undefined): boolean {
  if (token === undefined || !SPEECH_VERBS.has(token.lower)) return false
  return token.pos === 'VERB' || token.pos === 'AUX' || (token.pos === 'NOUN' && /s$/u.test(token.lower))
}
