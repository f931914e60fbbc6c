/**
 * Lexicons for the shape of a mention: titles that precede a name, role nouns ("spokesperson"),
 * words that make a name an organisation, and pronouns. General English news vocabulary only.
 */

/** Titles and ranks written before a name ("Lt Gen", "Sen.", "President"), lowercased, no dot. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'rev', 'reverend', 'father', 'sister', 'brother', 'rabbi', 'imam', 'pastor', 'bishop', 'cardinal', 'pope',
  'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor',
  'president', 'vice', 'prime', 'minister', 'secretary', 'chancellor', 'premier', 'mayor', 'judge',
  'justice', 'chief', 'speaker', 'leader', 'ambassador', 'attorney', 'general', 'lt', 'lieutenant',
  'gen', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'cmdr', 'commander', 'adm', 'admiral',
  'sgt', 'sergeant', 'cpl', 'corporal', 'pvt', 'private', 'brig', 'brigadier', 'marshal', 'officer',
  'director', 'director-general', 'deputy', 'assistant', 'acting', 'former', 'state', 'foreign',
  'defense', 'defence', 'interior', 'finance', 'press', 'house', 'white', 'majority', 'minority',
  'democratic', 'republican', 'gop', 'sheikh', 'king', 'queen', 'prince', 'princess', 'emir', 'sultan',
  'ayatollah', 'mullah', 'chairman', 'chairwoman', 'chair', 'ceo', 'candidate', 'nominee', 'hon',
  'detective', 'det', 'inspector', 'insp', 'superintendent', 'supt', 'sheriff', 'trooper', 'agent',
  'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'dean', 'councilman', 'councilwoman',
  'councillor', 'councilor', 'assemblyman', 'assemblywoman', 'delegate', 'mp', 'mep', 'jr', 'sr',
  'u.s.', 'us', 'uk', 'un', 'federal', 'national', 'senior', 'top', 'new', 'presidential',
  'executive', 'managing', 'founder', 'co-founder', 'editor', 'professor', 'ex', 'commissioner',
  'lawmaker', 'legislator', 'strategist', 'adviser', 'advisor', 'aide', 'analyst', 'economist',
])

/**
 * Role nouns: the head of a role nominal ("the spokesperson", "the agency chief", "a senior
 * official"), lowercased. A mention built on one of these refers back to a named person.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'official', 'officials', 'chief', 'head',
  'director', 'director-general', 'minister', 'secretary', 'president', 'chairman', 'chairwoman', 'chair',
  'senator', 'governor', 'mayor', 'general', 'commander', 'ambassador', 'envoy', 'leader', 'candidate',
  'nominee', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'representative', 'judge', 'justice',
  'prosecutor', 'attorney', 'lawyer', 'adviser', 'advisor', 'aide', 'strategist', 'analyst',
  'economist', 'expert', 'professor', 'researcher', 'scientist', 'manager', 'executive', 'ceo',
  'founder', 'owner', 'officer', 'sheriff', 'diplomat', 'negotiator', 'businessman', 'businesswoman',
  'billionaire', 'mogul', 'tycoon', 'premier', 'chancellor', 'king', 'queen', 'prince', 'editor',
  'reporter', 'correspondent', 'columnist', 'author', 'writer', 'activist', 'organizer', 'pollster',
  'consultant', 'campaign', 'candidate', 'democrat', 'republican', 'veteran', 'coach', 'commissioner',
  'superintendent', 'inspector', 'detective', 'agent', 'staffer', 'operative', 'donor', 'physician',
  'doctor', 'surgeon', 'neurosurgeon', 'frontrunner', 'front-runner', 'incumbent', 'challenger',
  'contender', 'hopeful', 'mogul', 'star', 'host', 'anchor', 'moderator', 'delegate', 'superdelegate',
  'councilman', 'councilwoman', 'councillor', 'assemblyman', 'assemblywoman', 'mp', 'chairperson',
])

/** Head words that make a capitalised name an organisation ("Ministry of …", "… Party"). */
export const ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  'ministry', 'department', 'office', 'agency', 'committee', 'commission', 'council', 'party',
  'campaign', 'administration', 'government', 'court', 'bureau', 'institute', 'university', 'college',
  'association', 'foundation', 'center', 'centre', 'group', 'inc', 'inc.', 'corp', 'corp.', 'company',
  'co.', 'ltd', 'llc', 'bank', 'fund', 'board', 'authority', 'service', 'services', 'police', 'army',
  'navy', 'force', 'forces', 'command', 'relations', 'times', 'post', 'journal', 'news', 'network',
  'press', 'tribune', 'herald', 'gazette', 'magazine', 'review', 'reuters', 'channel', 'radio', 'tv',
  'television', 'union', 'federation', 'coalition', 'alliance', 'organization', 'organisation',
  'movement', 'club', 'society', 'league', 'caucus', 'senate', 'congress', 'parliament', 'assembly',
  'house', 'pentagon', 'kremlin', 'cabinet', 'embassy', 'consulate', 'secretariat', 'team', 'pac',
  'project', 'trust', 'watch', 'network', 'studies', 'research', 'poll', 'institution', 'county',
  'city', 'state', 'states', 'nations', 'republic', 'kingdom', 'council', 'agency',
])

/** Personal pronouns that can name a speaker; the value is the grammatical number. */
export const SPEAKER_PRONOUNS: ReadonlyMap<string, 'singular' | 'plural'> = new Map([
  ['he', 'singular'], ['she', 'singular'], ['they', 'plural'], ['we', 'plural'], ['i', 'singular'],
  ['it', 'singular'],
])

/** Words that start a sentence with a capital but are never part of a name. */
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile', 'still', 'also', 'then',
  'in', 'on', 'at', 'for', 'with', 'by', 'from', 'after', 'before', 'when', 'while', 'if', 'as',
  'although', 'though', 'because', 'since', 'this', 'that', 'these', 'those', 'there', 'here', 'it',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'its', 'asked', 'speaking',
  'according', 'later', 'earlier', 'now', 'today', 'yesterday', 'last', 'next', 'first', 'other',
  'some', 'many', 'most', 'all', 'both', 'each', 'every', 'no', 'not', 'one', 'two', 'what', 'who',
  'why', 'how', 'where', 'which', 'instead', 'indeed', 'even', 'only', 'just', 'moreover',
  'furthermore', 'nevertheless', 'nonetheless', 'despite', 'during', 'under', 'over', 'about', 'into',
  'like', 'unlike', 'to', 'of', 'said', 'says', 'yes', 'well', 'oh', 'neither', 'either', 'nor',
  'whatever', 'whoever', 'whenever', 'wherever', 'whichever', 'whether', 'until', 'unless', 'once',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
])
