import type { Pause } from '../search/miniSearchStore.js'

// Long CPU work (assembling a library of 100,000 paragraphs) written once as a generator that
// yields between small steps, then run either straight through (a build, a CLI) or paced: giving
// the thread back every few milliseconds, so a bot loading a new library keeps answering
// interactions meanwhile (Discord wants an acknowledgement within 3 s).

/** Work that yields (no value) between steps and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>

/** Options for {@link createPause}; callers spread theirs over {@link defaultPaceOptions}. */
export type PaceOptions = {
  /** How long the work may hold the thread before it lets other callbacks run. */
  sliceMs: number
}

export const defaultPaceOptions: PaceOptions = { sliceMs: 20 }

/**
 * A {@link Pause} that lets timers, I/O and other callbacks run (a `setImmediate`) once the
 * current slice is used up, and otherwise returns at once, so frequent pauses cost almost nothing.
 */
export function createPause(options: Partial<PaceOptions> = {}): Pause {
  const { sliceMs } = { ...defaultPaceOptions, ...options }
  let sliceStartedAt = performance.now()
  return async () => {
    if (performance.now() - sliceStartedAt < sliceMs) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    sliceStartedAt = performance.now()
  }
}

/** Runs `steps` to the end without giving the thread back. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
  }
}

/** Runs `steps` to the end, awaiting `pause` after every step. */
export async function runStepsPaced<T>(steps: Steps<T>, pause: Pause): Promise<T> {
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
    await pause()
  }
}
