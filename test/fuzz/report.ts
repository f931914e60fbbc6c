import { appendFileSync } from 'node:fs'

/** One line of the reliability report: a property's inputs, corpus files tried, or a fault survived. */
export type ReliabilityEntry =
  | { kind: 'property'; name: string; inputs: number; skipped: number; failed: boolean }
  | { kind: 'corpus'; files: number; reported: number; loaded: number }
  | { kind: 'fault'; name: string; survived: boolean }

/**
 * Appends `entry` as a JSON line to the file named by `RELIABILITY_REPORT`, which
 * `scripts/reliability.ts` sets; does nothing in a plain `npm test`.
 */
export function recordReliability(entry: ReliabilityEntry): void {
  const file = process.env.RELIABILITY_REPORT
  if (file !== undefined && file !== '') appendFileSync(file, `${JSON.stringify(entry)}\n`)
}
