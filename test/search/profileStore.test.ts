import { describe, expect, it } from 'vitest'
import { profilePassage } from '../../src/search/passageProfile.js'
import { loadProfiles, saveProfiles } from '../../src/search/profileStore.js'

const TEXTS = [
  'Pakistan’s Foreign Office spokesman Tahir Hussain Andrabi said on Friday that the talks would resume.',
  '',
  'In 2025, the ceasefire held. “We will not meddle,” he said. Trade fell by 40 percent in May.',
  'Kabul.',
]

describe('saveProfiles and loadProfiles', () => {
  it.each([{ profilesPerChunk: 1 }, { profilesPerChunk: 2 }, { profilesPerChunk: 100 }])(
    'give back the same profiles with $profilesPerChunk per chunk',
    async (options) => {
      const profiles = TEXTS.map(profilePassage)
      let pauses = 0
      const chunks = saveProfiles(profiles, options)
      expect(await loadProfiles(chunks, async () => void pauses++)).toEqual(profiles)
      expect(pauses).toBe(chunks.length)
    },
  )

  it('throws on bytes that are not saved profiles', async () => {
    await expect(loadProfiles([new Uint8Array([1, 2, 3])], async () => undefined)).rejects.toThrow()
  })
})
