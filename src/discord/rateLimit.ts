/** Options for {@link createRateLimiter}; callers spread theirs over {@link defaultRateLimit}. */
export type RateLimitOptions = {
  /** Commands one user may run per window; 0 turns the limit off. */
  maxCommands: number
  windowMs: number
  /** Users remembered at most; beyond it the least recently seen are forgotten (memory bound). */
  maxUsers: number
}

/** 5 commands per 10 s per user: a person reading answers never meets it, a script does. */
export const defaultRateLimit: RateLimitOptions = { maxCommands: 5, windowMs: 10_000, maxUsers: 10_000 }

/** Whether a command may run now; when not, how long until it may (rounded up to whole ms). */
export type RateLimitDecision = { isAllowed: true } | { isAllowed: false; retryAfterMs: number }

/** A per-user sliding-window limiter. `nowMs` is passed in, so it is testable without timers. */
export type RateLimiter = {
  /** Records a command by `userId` at `nowMs` when allowed; a refused command does not count. */
  check(userId: string, nowMs: number): RateLimitDecision
  /** Users currently remembered (for tests and the reliability report). */
  size(): number
}

/**
 * Creates a per-user rate limiter: at most `maxCommands` per user in any `windowMs`. Memory stays
 * bounded: a user whose commands have all left the window is forgotten on the next check, and
 * never more than `maxUsers` are kept (the least recently seen go first).
 */
export function createRateLimiter(options: Partial<RateLimitOptions> = {}): RateLimiter {
  const { maxCommands, windowMs, maxUsers } = { ...defaultRateLimit, ...options }
  // userId → times of the user's recent allowed commands, oldest first. Map order is the order of
  // last use (a check re-inserts the user), so the first entries are the stalest.
  const recent = new Map<string, number[]>()

  const forgetStale = (nowMs: number) => {
    for (const [userId, times] of recent) {
      const last = times[times.length - 1] ?? Number.NEGATIVE_INFINITY
      if (last > nowMs - windowMs && recent.size <= maxUsers) break
      recent.delete(userId)
    }
  }

  return {
    check(userId, nowMs) {
      if (maxCommands <= 0) return { isAllowed: true }
      const times = (recent.get(userId) ?? []).filter((time) => time > nowMs - windowMs)
      recent.delete(userId)
      forgetStale(nowMs)
      if (times.length >= maxCommands) {
        recent.set(userId, times)
        const oldest = times[0] ?? nowMs
        return { isAllowed: false, retryAfterMs: Math.max(1, Math.ceil(oldest + windowMs - nowMs)) }
      }
      times.push(nowMs)
      recent.set(userId, times)
      if (recent.size > maxUsers) forgetStale(nowMs)
      return { isAllowed: true }
    },
    size: () => recent.size,
  }
}
