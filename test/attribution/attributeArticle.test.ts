import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { attributeArticle } from '../../src/attribution/attributeArticle.js'
import type { Quote } from '../../src/attribution/quote.js'
import type { Article } from '../../src/corpus/article.js'
import { loadCorpus } from '../../src/corpus/loadCorpus.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const SEED_ID = '000_964c6f0d203bd963'

type GoldQuote = { p: number; kind: string; speaker: string; cue: string; text: string; optional?: boolean }
type GoldSpeaker = { name: string; aliases: string[] }
type Gold = { speakers: GoldSpeaker[]; quotes: GoldQuote[]; mentioned_not_speaking: string[] }

function article(paragraphs: string[]): Article {
  return {
    id: 'case',
    file: 'case.txt',
    headline: 'A headline',
    byline: null,
    date: null,
    url: null,
    source: null,
    server: null,
    paragraphs,
  }
}

// The scorer's matching rule: spans overlapping by at least half of the longer one are the same.
function isEquivalentSpan(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return overlap >= 0.5 * Math.max(a.end - a.start, b.end - b.start)
}

async function loadSeed(): Promise<Article> {
  const { articles } = await loadCorpus(path.join(repoRoot, 'corpus'))
  const seed = articles.find((a) => a.id === SEED_ID)
  if (seed === undefined) throw new Error(`test: ${SEED_ID} missing from corpus/`)
  return seed
}

describe('attributeArticle on the seed article', async () => {
  const gold = JSON.parse(fs.readFileSync(path.resolve(repoRoot, 'test/fixtures/seed-gold.json'), 'utf8')) as Gold
  const seed = await loadSeed()
  const { quotes, speakers } = attributeArticle(seed)

  const findMatch = (g: GoldQuote): Quote | undefined => {
    const paragraph = seed.paragraphs[g.p - 1] ?? ''
    const at = paragraph.indexOf(g.text)
    return quotes.find(
      (q) =>
        q.paragraph === g.p &&
        q.kind === g.kind &&
        (q.text === g.text || (g.kind === 'indirect' && isEquivalentSpan(q, { start: at, end: at + g.text.length }))),
    )
  }

  it.each(gold.quotes.filter((g) => g.optional !== true).map((g) => ({ name: `¶${g.p} ${g.kind} ${g.text.slice(0, 40)}`, g })))(
    'finds $name with its speaker',
    ({ g }) => {
      const match = findMatch(g)
      expect(match, g.text).toBeDefined()
      expect(match?.speaker?.name).toBe(g.speaker)
    },
  )

  it('reports optional attributions only with a speaker the gold accepts', () => {
    for (const g of gold.quotes.filter((x) => x.optional === true)) {
      const match = quotes.find((q) => q.paragraph === g.p && q.text.includes(g.text.slice(0, 20)))
      if (match === undefined || match.speaker === null) continue
      const speaker = gold.speakers.find((s) => s.name === g.speaker)
      expect([g.speaker, ...(speaker?.aliases ?? [])]).toContain(match.speaker.name)
    }
  })

  it('finds no direct quote beyond the gold ones', () => {
    const goldDirect = gold.quotes.filter((g) => g.kind === 'direct').map((g) => `${g.p}|${g.text}`)
    const direct = quotes.filter((q) => q.kind === 'direct').map((q) => `${q.paragraph}|${q.text}`)
    expect(direct.sort()).toEqual(goldDirect.sort())
  })

  it('never makes a mentioned-only person or the byline a speaker', () => {
    const names = new Set(quotes.map((q) => q.speaker?.name).filter((n) => n !== undefined))
    for (const name of gold.mentioned_not_speaking) expect(names.has(name)).toBe(false)
  })

  it('builds a registry with canonical names, roles and aliases', () => {
    const andrabi = speakers.find((s) => s.name === 'Tahir Hussain Andrabi')
    expect(andrabi?.role).toBe('Foreign Office spokesperson')
    expect(andrabi?.aliases).toEqual(expect.arrayContaining(['Andrabi', 'the spokesperson']))
    const chaudhry = speakers.find((s) => s.name === 'Ahmed Sharif Chaudhry')
    expect(chaudhry?.kind).toBe('person')
    expect(chaudhry?.aliases).toEqual(expect.arrayContaining(['Chaudhry', 'Lt Gen Chaudhry']))
    expect(speakers.find((s) => s.name === 'Ministry of Foreign Affairs')?.kind).toBe('organization')
    for (const s of speakers) expect(s.aliases.some((a) => /^(he|she|they)$/iu.test(a))).toBe(false)
  })
})

type Case = { name: string; paragraphs: string[]; text: string; kind: Quote['kind']; speaker: string | null }

const CASES: Case[] = [
  {
    name: '“…,” X said',
    paragraphs: ['“We will win this race,” Jane Porter said.'],
    text: 'We will win this race,',
    kind: 'direct',
    speaker: 'Jane Porter',
  },
  {
    name: '“…,” said X with a title',
    paragraphs: ['“Nothing has changed,” said Senate Majority Leader Tom Wheeler.'],
    text: 'Nothing has changed,',
    kind: 'direct',
    speaker: 'Tom Wheeler',
  },
  {
    name: 'X said: “…”',
    paragraphs: ['Mayor Ana Ruiz said: “The budget is balanced.”'],
    text: 'The budget is balanced.',
    kind: 'direct',
    speaker: 'Ana Ruiz',
  },
  {
    name: 'straight quotation marks',
    paragraphs: ['"The roads are closed," Karl Menden said.'],
    text: 'The roads are closed,',
    kind: 'direct',
    speaker: 'Karl Menden',
  },
  {
    name: 'a quote split by "he said" is one quote',
    paragraphs: ['Paul Okafor arrived late.', '“We tried,” he said, “but the doors were shut.”'],
    text: 'We tried,” he said, “but the doors were shut.',
    kind: 'direct',
    speaker: 'Paul Okafor',
  },
  {
    name: 'a quote over two paragraphs keeps its speaker',
    paragraphs: ['Governor Lena Marsh said: “The first phase is done.', '“The second phase starts in May.”'],
    text: 'The second phase starts in May.',
    kind: 'direct',
    speaker: 'Lena Marsh',
  },
  {
    name: 'nested single quotes stay inside the quote',
    paragraphs: ['“He told me ‘never again’ and left,” Omar Haddad said.'],
    text: 'He told me ‘never again’ and left,',
    kind: 'direct',
    speaker: 'Omar Haddad',
  },
  {
    name: 'apostrophes are not quote marks',
    paragraphs: ["Ruth Jones' office said the '90s were Afghanistan’s worst decade."],
    text: "the '90s were Afghanistan’s worst decade",
    kind: 'indirect',
    speaker: null,
  },
  {
    name: 'a partial quote inside reported speech',
    paragraphs: ['Minister Ivo Brandt said the plan needs “clear and binding guarantees” before May.'],
    text: 'clear and binding guarantees',
    kind: 'partial',
    speaker: 'Ivo Brandt',
  },
  {
    name: 'a participial cue takes the subject of its clause',
    paragraphs: ['“We are ready,” Sara Lind said, adding that the army was on alert.'],
    text: 'the army was on alert',
    kind: 'indirect',
    speaker: 'Sara Lind',
  },
  {
    name: '"according to"',
    paragraphs: ['The talks collapsed on Friday, according to Foreign Minister Hugo Varga.'],
    text: 'The talks collapsed on Friday',
    kind: 'indirect',
    speaker: 'Hugo Varga',
  },
  {
    name: 'a pronoun resolves to the person in focus',
    paragraphs: ['Senator Maria Costa spoke on Tuesday.', 'She said the vote would be delayed.'],
    text: 'the vote would be delayed',
    kind: 'indirect',
    speaker: 'Maria Costa',
  },
  {
    name: 'a role nominal resolves to the person with that role',
    paragraphs: ['Company spokeswoman Dana Reyes declined to comment on Monday.', '“We are reviewing the order,” the spokeswoman said.'],
    text: 'We are reviewing the order,',
    kind: 'direct',
    speaker: 'Dana Reyes',
  },
  {
    name: 'abstains when a pronoun has no antecedent',
    paragraphs: ['“It was chaos,” he said.'],
    text: 'It was chaos,',
    kind: 'direct',
    speaker: null,
  },
  {
    name: 'a person named inside the quote is not the speaker',
    paragraphs: ['Tom Reed sat down.', '“Nobody trusts Walter Grant any more,” he said.'],
    text: 'Nobody trusts Walter Grant any more,',
    kind: 'direct',
    speaker: 'Tom Reed',
  },
  {
    name: 'a surname the tagger reads as a verb stays in the name',
    paragraphs: ['“We had no warning,” Erica Garner said.'],
    text: 'We had no warning,',
    kind: 'direct',
    speaker: 'Erica Garner',
  },
  {
    name: 'an abbreviation after the name does not end the cue clause',
    paragraphs: ['“The veto will fall,” Senate Leader Tom Wheeler, R-Ky., said Tuesday.'],
    text: 'The veto will fall,',
    kind: 'direct',
    speaker: 'Tom Wheeler',
  },
  {
    name: 'an appositive after an introductory phrase',
    paragraphs: ['In a statement, Brian Fallow, a spokesman for the campaign, said: “We are cooperating fully.”'],
    text: 'We are cooperating fully.',
    kind: 'direct',
    speaker: 'Brian Fallow',
  },
  {
    name: 'a name label before a colon speaks',
    paragraphs: ['Gerald F. Stone, The Daily Ledger: "It looked for a while as if the race was over."'],
    text: 'It looked for a while as if the race was over.',
    kind: 'direct',
    speaker: 'Gerald F. Stone',
  },
  {
    name: 'a coordinated cue takes the subject of its clause',
    paragraphs: ['Silvia Marr was joined on stage by the governor and joked, “You are being ridiculous.”'],
    text: 'You are being ridiculous.',
    kind: 'direct',
    speaker: 'Silvia Marr',
  },
  {
    name: 'a participle cue after a non-speech verb takes the sentence subject',
    paragraphs: ['Hanna Adler, vice chair of the campaign, emailed supporters on Monday, telling them, “I am proud of this team.”'],
    text: 'I am proud of this team.',
    kind: 'direct',
    speaker: 'Hanna Adler',
  },
  {
    name: 'doubled apostrophes are quotation marks',
    paragraphs: ["''We'll see what happens,'' said Senator Jon Mack of Arizona."],
    text: "We'll see what happens,",
    kind: 'direct',
    speaker: 'Jon Mack',
  },
  {
    name: 'reported speech split by the cue gives the longer part',
    paragraphs: ['Mayor Ana Ruiz spoke last.', 'But, she said, the budget is balanced for the first time in a decade.'],
    text: 'the budget is balanced for the first time in a decade',
    kind: 'indirect',
    speaker: 'Ana Ruiz',
  },
  {
    name: 'reported speech before an inverted cue',
    paragraphs: ['The firm lobbied the state on gaming, said lobbyist Carl Brack, a former partner.'],
    text: 'The firm lobbied the state on gaming',
    kind: 'indirect',
    speaker: 'Carl Brack',
  },
  {
    name: '"said that" takes any clause after "that"',
    paragraphs: ['Senator Jon Mack said in a statement that although the vote was close, it was fair.'],
    text: 'although the vote was close, it was fair',
    kind: 'indirect',
    speaker: 'Jon Mack',
  },
  {
    name: 'a hyphenated surname stays whole',
    paragraphs: ['“We will not back down,” Melissa Rand-Obrero said.'],
    text: 'We will not back down,',
    kind: 'direct',
    speaker: 'Melissa Rand-Obrero',
  },
  {
    name: 'a possessor before the name is not the speaker',
    paragraphs: ['“We have a generational problem,” said Ohio’s Rick Walden, a consultant.'],
    text: 'We have a generational problem,',
    kind: 'direct',
    speaker: 'Rick Walden',
  },
  {
    name: 'a name in apposition to a role nominal speaks',
    paragraphs: ['“She is a super-wonk,” said the governor’s communications director, Jenna Palmer.'],
    text: 'She is a super-wonk,',
    kind: 'direct',
    speaker: 'Jenna Palmer',
  },
  {
    name: 'a name after a preposition and a determiner is not the subject',
    paragraphs: ['In a statement to the Observer, her senior adviser, Jake Sullen, said: “Cooperation is essential.”'],
    text: 'Cooperation is essential.',
    kind: 'direct',
    speaker: 'Jake Sullen',
  },
  {
    name: 'a participle in an absolute clause takes its own subject',
    paragraphs: ['Rivals were quick to respond, with Donald Crane tweeting that it was a disaster and asking, “How can anyone trust her?”'],
    text: 'How can anyone trust her?',
    kind: 'direct',
    speaker: 'Donald Crane',
  },
  {
    name: 'a heading in capitals is not a name label',
    paragraphs: ['RED STATES OUTNUMBER BLUE - Jeffrey M. Jonas: “Twenty states are solidly Republican.”'],
    text: 'Twenty states are solidly Republican.',
    kind: 'direct',
    speaker: 'Jeffrey M. Jonas',
  },
  {
    name: 'a first name marks gender for "she"',
    paragraphs: [
      'Carla Fenwick led the company. Walter Hume sniped that Fenwick was learning on the job.',
      '“This is a choice between charging ahead or retreating,” she said.',
    ],
    text: 'This is a choice between charging ahead or retreating,',
    kind: 'direct',
    speaker: 'Carla Fenwick',
  },
  {
    name: 'a name in an introductory prepositional phrase is not the subject',
    paragraphs: [
      'Juan Marquez of Oakland carried a photo.',
      'In downtown San Francisco, a group marched in silence. “I cried the whole parade,” he said.',
    ],
    text: 'I cried the whole parade,',
    kind: 'direct',
    speaker: 'Juan Marquez',
  },
  {
    name: 'a surname the tagger reads as a verb right before "said"',
    paragraphs: ['“Rubio is very weak on this issue,” Ward said.'],
    text: 'Rubio is very weak on this issue,',
    kind: 'direct',
    speaker: 'Ward',
  },
  {
    name: 'a party-and-state parenthesis between the name and the cue',
    paragraphs: ['"We will win this state by a mile," Sen. Mark Rudd (R-Fla.) said Saturday.'],
    text: 'We will win this state by a mile,',
    kind: 'direct',
    speaker: 'Mark Rudd',
  },
  {
    name: '"As X put it:" before a quotation',
    paragraphs: ['As John Corwin, the No. 2 in the leadership, put it: "This person will not be confirmed."'],
    text: 'This person will not be confirmed.',
    kind: 'direct',
    speaker: 'John Corwin',
  },
  {
    name: '"According to X," before a quotation',
    paragraphs: ['According to Rush Lomax, “If it was left up to her, she would lose.”'],
    text: 'If it was left up to her, she would lose.',
    kind: 'direct',
    speaker: 'Rush Lomax',
  },
  {
    name: 'an inverted "Said X:" before a quotation',
    paragraphs: ['Said Ellis Grant: “The code is complicated.”'],
    text: 'The code is complicated.',
    kind: 'direct',
    speaker: 'Ellis Grant',
  },
  {
    name: 'a manner-of-speaking verb cues a quotation',
    paragraphs: ['“Go back to Univision,” Don Tramp barked.'],
    text: 'Go back to Univision,',
    kind: 'direct',
    speaker: 'Don Tramp',
  },
  {
    name: 'an object cue reports its object phrase',
    paragraphs: ['Campaign chairman John Podell called the governor “the most extreme pick in a generation.”'],
    text: 'the governor “the most extreme pick in a generation.”',
    kind: 'indirect',
    speaker: 'John Podell',
  },
  {
    name: '"called for" reports what follows the particle',
    paragraphs: ['Mike Huckman called for denying entry to travelers from those countries.'],
    text: 'denying entry to travelers from those countries',
    kind: 'indirect',
    speaker: 'Mike Huckman',
  },
  {
    name: 'a report inside another report is part of it and does not take the pronoun focus',
    paragraphs: ['Gen Ali Rahman said the rebels had pledged that the border would stay open. However, he said the border remains closed.'],
    text: 'the border remains closed',
    kind: 'indirect',
    speaker: 'Ali Rahman',
  },
  {
    name: 'a place-based modifier before the role is not the name',
    paragraphs: ['"How much worse could it get?" said Florida-based Republican strategist Al Cardona, a former chairman.'],
    text: 'How much worse could it get?',
    kind: 'direct',
    speaker: 'Al Cardona',
  },
  {
    name: '"Role Name of Place" names the person',
    paragraphs: ['"It just was never meant to be," said university political scientist Pat Murrow of Ohio.'],
    text: 'It just was never meant to be,',
    kind: 'direct',
    speaker: 'Pat Murrow',
  },
  {
    name: 'a name label wins over a verb in the heading before it',
    paragraphs: ['Pollsters agree - Carl Bialek: “One of the biggest lessons was a simple one.”'],
    text: 'One of the biggest lessons was a simple one.',
    kind: 'direct',
    speaker: 'Carl Bialek',
  },
  {
    name: 'two joined full names: the first leads',
    paragraphs: ['TOO EARLY - Mark Blumen and Jon Cohn: “Although the polls failed, it isn’t because they were wrong.”'],
    text: 'Although the polls failed, it isn’t because they were wrong.',
    kind: 'direct',
    speaker: 'Mark Blumen',
  },
  {
    name: 'a role after the name without a closing comma',
    paragraphs: ['Anthony Antos, president and CEO of the Restaurant Association stated, “It’s not a political problem.”'],
    text: 'It’s not a political problem.',
    kind: 'direct',
    speaker: 'Anthony Antos',
  },
  {
    name: 'a bare name opening its sentence before a verb takes the focus',
    paragraphs: [
      'Gov. Chris Crispin has battled with the mayor.',
      'Tramp blamed local officials. "The pols made all the wrong moves," he wrote.',
    ],
    text: 'The pols made all the wrong moves,',
    kind: 'direct',
    speaker: 'Tramp',
  },
  {
    name: 'a possessor opening the sentence takes the focus',
    paragraphs: [
      'Analyst Meena Gangul spoke first.',
      'Aung Suu’s fate is still unclear. "I am going to be above the president," she said.',
    ],
    text: 'I am going to be above the president,',
    kind: 'direct',
    speaker: 'Aung Suu',
  },
  {
    name: 'a report ends where another subject and cue begin',
    paragraphs: [
      'While Hilda Clint pledged to work with both parties, Bernd Sand insisted that change will come only with a revolution. "Nothing real will happen," he said.',
    ],
    text: 'Nothing real will happen,',
    kind: 'direct',
    speaker: 'Bernd Sand',
  },
  {
    name: 'a quotation after a colon belongs to the subject of the verb before it',
    paragraphs: ['Asked about the deal, Marco Rubin fired back forcefully: “If they sue us in Miami, they are going to lose.”'],
    text: 'If they sue us in Miami, they are going to lose.',
    kind: 'direct',
    speaker: 'Marco Rubin',
  },
  {
    name: 'an infinitive cue before a quotation takes the clause subject',
    paragraphs: ['Tom Bryner went on to say, “We will not give up on this city.”'],
    text: 'We will not give up on this city.',
    kind: 'direct',
    speaker: 'Tom Bryner',
  },
  {
    name: 'an -ing cue after a noun, following the main verb, takes the clause subject',
    paragraphs: ['Hilda Clint responded to the question on Facebook writing, “That was a poor choice of words.”'],
    text: 'That was a poor choice of words.',
    kind: 'direct',
    speaker: 'Hilda Clint',
  },
  {
    name: 'a sentence adverb is not a name label',
    paragraphs: ['Additionally, Hilda Clint said: "I did not send classified material."'],
    text: 'I did not send classified material.',
    kind: 'direct',
    speaker: 'Hilda Clint',
  },
  {
    name: 'a credit line after a quotation ("reporting by") is not its cue',
    paragraphs: ['Responding to the criticism, Don Tramp said: “He doesn’t know me, never met me.” (Additional reporting by Kylie Macken)'],
    text: 'He doesn’t know me, never met me.',
    kind: 'direct',
    speaker: 'Don Tramp',
  },
  {
    name: 'adjacent quotations with only space between are one passage',
    paragraphs: [
      '“We have to do something,” Don Tramp said. “We have to be a lot tougher.” “We are playing with a different set of rules.”',
    ],
    text: 'We have to do something,” Don Tramp said. “We have to be a lot tougher.” “We are playing with a different set of rules.',
    kind: 'direct',
    speaker: 'Don Tramp',
  },
  {
    name: 'a quotation continues across a longer cue clause',
    paragraphs: [
      '"I don\'t want to get on the wrong side of this man," said one former campaign staffer, who said he left on good terms. "I couldn\'t afford to defend myself against his lawyers in any court."',
    ],
    text: 'I don\'t want to get on the wrong side of this man," said one former campaign staffer, who said he left on good terms. "I couldn\'t afford to defend myself against his lawyers in any court.',
    kind: 'direct',
    speaker: null,
  },
  {
    name: 'a relative clause cue speaks for its antecedent',
    paragraphs: ['The plan was backed by Senator Jon Mack, who said the vote would be held in May.'],
    text: 'the vote would be held in May',
    kind: 'indirect',
    speaker: 'Jon Mack',
  },
  {
    name: 'an organisation inside the appositive is not the subject',
    paragraphs: ['Michael Tenner, an analyst at the libertarian Cato Institute, said the plan would fail.'],
    text: 'the plan would fail',
    kind: 'indirect',
    speaker: 'Michael Tenner',
  },
  {
    name: 'the subject follows a place named inside the introductory phrase',
    paragraphs: ['Speaking at a town hall in Salem, New Hampshire, Don Tramp went after his rival, calling him “a total stiff.”'],
    text: 'him “a total stiff.”',
    kind: 'indirect',
    speaker: 'Don Tramp',
  },
  {
    name: 'a clause after the cue is content, not an aside',
    paragraphs: ['In a statement on Monday, Jane Rowe, a spokeswoman, said the mayor was wrong, adding that the vote would stand.'],
    text: 'the mayor was wrong',
    kind: 'indirect',
    speaker: 'Jane Rowe',
  },
  {
    name: '"according to" an unnamed source in the middle of a sentence',
    paragraphs: [
      'While most were marked confidential, according to a State Department official, two in the latest batch were upgraded to secret.',
    ],
    text: 'two in the latest batch were upgraded to secret',
    kind: 'indirect',
    speaker: null,
  },
  {
    name: 'a cue-less quotation after a sentence about a person is theirs',
    paragraphs: [
      '“It shouldn’t be funny, but it is,” Fallon Ives said.',
      'Her friend Brittany Lockhart, 20, chimed in. "I did not think I would ever vote for a Democrat."',
    ],
    text: 'I did not think I would ever vote for a Democrat.',
    kind: 'direct',
    speaker: 'Brittany Lockhart',
  },
  {
    name: '"Asked by X whether …" reports the question, and X does not take the focus',
    paragraphs: [
      'Melinda Trask spoke to the network.',
      'Asked by Matt Laurent whether she had practiced her speech, she said, "I read it once over."',
    ],
    text: 'I read it once over.',
    kind: 'direct',
    speaker: 'Melinda Trask',
  },
  {
    name: 'the question of an "Asked …" clause is reported speech',
    paragraphs: ['Asked by Matt Laurent whether she had practiced her speech, she said, "I read it once over."'],
    text: 'whether she had practiced her speech',
    kind: 'indirect',
    speaker: 'Matt Laurent',
  },
  {
    name: 'an indefinite nominal introduces someone new: abstain',
    paragraphs: [
      'Campaign adviser David Axon spoke first.',
      '“This is eerily similar to the first debate,” said one longtime adviser to the governor.',
    ],
    text: 'This is eerily similar to the first debate,',
    kind: 'direct',
    speaker: null,
  },
  {
    name: '"Neither" is not part of a name',
    paragraphs: ['Neither Alan Grace nor his staff responded on Monday.', '“We have not decided anything yet,” he said later.'],
    text: 'We have not decided anything yet,',
    kind: 'direct',
    speaker: 'Alan Grace',
  },
  {
    name: 'a cue with its own clause after a finished quotation starts a new statement',
    paragraphs: ['Marty O’Mally interjected: "It\'s just not true." He said Hilda Clint would not go far enough.'],
    text: "It's just not true.",
    kind: 'direct',
    speaker: 'Marty O’Mally',
  },
  {
    name: '"Whatever" opening a sentence is not part of a name',
    paragraphs: ['Whatever Mike Bloom decides, he said the race would be close.'],
    text: 'the race would be close',
    kind: 'indirect',
    speaker: 'Mike Bloom',
  },
]

const NOT_SPEECH: { name: string; paragraphs: string[]; text: string }[] = [
  {
    name: 'an introductory phrase before "X added, “…”"',
    paragraphs: ['On the subject of trade, Jon Mack added, “Nobody will be tougher than me.”'],
    text: 'On the subject of trade',
  },
  {
    name: 'adjuncts after the cue',
    paragraphs: ['“The labor market is strong,” Chair Janet L. Yellen said last month.'],
    text: 'last month',
  },
  {
    name: 'a noun modified by "called"',
    paragraphs: ['The mine sits near a meandering mountain stream called Miracle Run.'],
    text: 'Miracle Run',
  },
  {
    name: 'a title in Title Case after a cue',
    paragraphs: ['She recalled the episode, she wrote in her memoir, "Tough Choices Made Early."'],
    text: 'Tough Choices Made Early.',
  },
  {
    name: 'adjuncts after the cue of a quotation',
    paragraphs: ['“I would love that competition,” Don Tramp said Sunday on NBC’s Meet the Press.'],
    text: 'Sunday on NBC’s Meet the Press',
  },
  {
    name: 'a phone call in a relative clause',
    paragraphs: ['Hilda Clint, who called Bernd Sand shortly after the result, told her supporters to stay calm.'],
    text: 'Bernd Sand shortly after the result',
  },
  {
    name: 'a passive "was asked"',
    paragraphs: ['Mr. Tramp was asked about it during the debate on Thursday night.'],
    text: 'about it during the debate on Thursday night',
  },
]

describe('attributeArticle on one shape at a time', () => {
  it.each(NOT_SPEECH)('finds no statement in $name', ({ paragraphs, text }) => {
    const { quotes } = attributeArticle(article(paragraphs))
    expect(quotes.map((q) => q.text)).not.toContain(text)
  })

  it.each(CASES)('$name', ({ paragraphs, text, kind, speaker }) => {
    const { quotes } = attributeArticle(article(paragraphs))
    const quote = quotes.find((q) => q.text === text)
    expect(quote, JSON.stringify(quotes.map((q) => q.text))).toBeDefined()
    expect(quote?.kind).toBe(kind)
    expect(quote?.speaker?.name ?? null).toBe(speaker)
  })

  it.each([
    { name: 'empty paragraphs', paragraphs: ['', '   '] },
    { name: 'unbalanced quotes', paragraphs: ['“Open and never closed, he said', 'closed” twice” and "one more'] },
    {
      name: 'one long paragraph with hundreds of quotations',
      paragraphs: [
        '“We will win,” said Jane Porter, who added that the vote, according to officials, would be close. He called for “more jobs.” '.repeat(
          300,
        ),
      ],
    },
    { name: 'random unicode', paragraphs: ['\u0000\uFFFF 😀 “” ‘’ "" \u202E said said , : “', 'ا لسلام “عليكم” said he'] },
  ])('does not throw on $name, and offsets slice back', ({ paragraphs }) => {
    const { quotes } = attributeArticle(article(paragraphs))
    for (const q of quotes) expect(paragraphs[q.paragraph - 1]?.slice(q.start, q.end)).toBe(q.text)
  })
})

describe('attribution invariants over corpus/', () => {
  it('every quote’s offsets slice back to its text', async () => {
    const { articles } = await loadCorpus(path.join(repoRoot, 'corpus'))
    for (const a of articles) {
      for (const q of attributeArticle(a).quotes) expect(a.paragraphs[q.paragraph - 1]?.slice(q.start, q.end)).toBe(q.text)
    }
  })
})
