import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRateLimiter, defaultRateLimit } from '../../src/discord/rateLimit.js'
import { params } from '../fuzz/arbitraries.js'

describe('createRateLimiter', () => {
  it('allows 5 commands per 10 s by default, then says when the next one may run', () => {
    const limiter = createRateLimiter()
    for (let i = 0; i < 5; i++) expect(limiter.check('u1', 1_000 + i * 100)).toEqual({ isAllowed: true })
    expect(limiter.check('u1', 2_000)).toEqual({ isAllowed: false, retryAfterMs: 9_000 })
    expect(defaultRateLimit).toMatchObject({ maxCommands: 5, windowMs: 10_000 })
  })

  it('slides: each command frees its slot a window after it ran', () => {
    const limiter = createRateLimiter({ maxCommands: 2, windowMs: 1_000 })
    expect(limiter.check('u', 0).isAllowed).toBe(true)
    expect(limiter.check('u', 500).isAllowed).toBe(true)
    expect(limiter.check('u', 999)).toEqual({ isAllowed: false, retryAfterMs: 1 })
    expect(limiter.check('u', 1_000).isAllowed).toBe(true)
    expect(limiter.check('u', 1_200)).toEqual({ isAllowed: false, retryAfterMs: 300 })
  })

  it('does not count refused commands, so hammering does not extend the wait', () => {
    const limiter = createRateLimiter({ maxCommands: 1, windowMs: 1_000 })
    limiter.check('u', 0)
    for (let t = 1; t < 1_000; t += 10) expect(limiter.check('u', t).isAllowed).toBe(false)
    expect(limiter.check('u', 1_000).isAllowed).toBe(true)
  })

  it('limits each user on their own', () => {
    const limiter = createRateLimiter({ maxCommands: 1, windowMs: 1_000 })
    expect(limiter.check('a', 0).isAllowed).toBe(true)
    expect(limiter.check('b', 0).isAllowed).toBe(true)
    expect(limiter.check('a', 1).isAllowed).toBe(false)
  })

  it('is off with maxCommands 0', () => {
    const limiter = createRateLimiter({ maxCommands: 0 })
    for (let i = 0; i < 100; i++) expect(limiter.check('u', 0).isAllowed).toBe(true)
    expect(limiter.size()).toBe(0)
  })

  it('forgets users whose commands have left the window', () => {
    const limiter = createRateLimiter({ maxCommands: 3, windowMs: 1_000 })
    for (let i = 0; i < 1_000; i++) limiter.check(`user-${i}`, i)
    // Only the users seen in the last second (t > 999 - 1,000) are still remembered.
    expect(limiter.size()).toBeLessThanOrEqual(1_000)
    limiter.check('late', 5_000)
    expect(limiter.size()).toBe(1)
  })

  it('never remembers more than maxUsers, even when all are active', () => {
    const limiter = createRateLimiter({ maxCommands: 3, windowMs: 60_000, maxUsers: 100 })
    for (let i = 0; i < 10_000; i++) limiter.check(`user-${i}`, 0)
    expect(limiter.size()).toBe(100)
  })

  it('never allows more than maxCommands in any window, whatever the timing (property)', () => {
    const events = fc.array(fc.record({ user: fc.constantFrom('a', 'b', 'c'), gap: fc.integer({ min: 0, max: 400 }) }), { maxLength: 200 })
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2_000 }), (list, max, windowMs) => {
        const limiter = createRateLimiter({ maxCommands: max, windowMs, maxUsers: 10 })
        const allowed = new Map<string, number[]>()
        let now = 0
        for (const { user, gap } of list) {
          now += gap
          const decision = limiter.check(user, now)
          const times = allowed.get(user) ?? []
          const inWindow = times.filter((time) => time > now - windowMs).length
          if (decision.isAllowed) {
            if (inWindow >= max) return false
            times.push(now)
            allowed.set(user, times)
          } else if (inWindow < max || decision.retryAfterMs < 1 || decision.retryAfterMs > windowMs) {
            return false
          }
        }
        return true
      }),
      params(1_000),
    )
  })
})
