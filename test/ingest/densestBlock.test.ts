import { describe, expect, it } from 'vitest'
import { densestBlock } from '../../src/ingest/densestBlock.js'
import { parseDocument } from '../../src/ingest/dom.js'

const prose = (words: number, seed: string): string => `<p>${Array.from({ length: words }, (_, i) => `${seed}${i}`).join(' ')}.</p>`

describe('densestBlock', () => {
  it('picks the element whose own paragraphs hold the most prose', () => {
    const html = `<body><div id="teasers">${prose(20, 'teaser')}${prose(20, 'teaser')}</div><div id="story">${prose(40, 'story')}${prose(40, 'story')}</div></body>`
    expect(densestBlock(parseDocument(html))?.getAttribute('id')).toBe('story')
  })

  it('does not count link text as prose', () => {
    const linked = `<p><a href="/x">${Array.from({ length: 60 }, (_, i) => `link${i}`).join(' ')}</a></p>`
    const html = `<body><div id="links">${linked}${linked}${linked}</div><div id="story">${prose(30, 'story')}</div></body>`
    expect(densestBlock(parseDocument(html))?.getAttribute('id')).toBe('story')
  })

  it('returns null for a page without paragraphs', () => {
    expect(densestBlock(parseDocument('<body><div>Short label</div></body>'))).toBeNull()
  })
})
