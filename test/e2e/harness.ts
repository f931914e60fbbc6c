/**
 * Shared set-up for end-to-end tests: fail fast on unhandled rejections (discord.js reports a
 * malformed gateway payload only that way), and a plain discord.js client bound to an emulator.
 */
import { Client, GatewayIntentBits } from 'discord.js'
import type { DiscordEmulator } from './emulator.js'

const failures: unknown[] = []
let isInstalled = false

/**
 * Make the test process fail loudly on the first unhandled rejection instead of letting a test
 * wait for a reply that will never come. Call once per test file (idempotent).
 */
export function failOnUnhandledRejection(): void {
  if (isInstalled) return
  isInstalled = true
  process.on('unhandledRejection', (reason) => {
    failures.push(reason)
    // Rethrowing on the next tick turns it into an uncaught exception, which vitest reports
    // against the running test at once.
    setImmediate(() => {
      throw reason instanceof Error ? reason : new Error(`unhandled rejection: ${String(reason)}`)
    })
  })
}

/** Unhandled rejections seen so far (expected to stay empty). */
export function unhandledRejections(): readonly unknown[] {
  return failures
}

/** REST options that make a silent emulator fail in 2 s instead of stalling for a minute. */
export function restOptions(emulator: DiscordEmulator) {
  return { api: emulator.apiBase, timeout: 2_000, retries: 0 }
}

/** Log in a bare client (Guilds intent) and resolve once it is ready. */
export async function loginBareClient(emulator: DiscordEmulator): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: restOptions(emulator) })
  // Listen before login: against a local emulator, ready can fire before login() resolves.
  const ready = new Promise<Client<true>>((resolve) => client.once('clientReady', resolve))
  await client.login('fake-token')
  return ready
}
