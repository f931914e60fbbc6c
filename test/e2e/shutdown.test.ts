import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { startBot } from '../../src/discord/bot.js'
import { startEmulator } from './emulator.js'
import { FAKE_TOKEN, failOnUnhandledRejection, loadTestLibrary } from './harness.js'

failOnUnhandledRejection()

// The process-level test (SIGTERM to `npm start`) is in processes.test.ts; this one checks the
// contract of bot.stop() itself, in-process, with a short deadline.
describe('bot.stop()', () => {
  it.each([
    // The default deadline, so a loaded machine cannot make the clean case miss it.
    { name: 'confirms the disconnect when the gateway answers', isAnswering: true, deadlineMs: undefined, isDisconnected: true },
    { name: 'gives up at its deadline when Discord no longer answers', isAnswering: false, deadlineMs: 500, isDisconnected: false },
  ])('$name', async ({ isAnswering, deadlineMs, isDisconnected }) => {
    const emulator = await startEmulator()
    try {
      const loaded = await loadTestLibrary()
      const bot = await startBot({
        config: { ...loadConfig({ DISCORD_TOKEN: FAKE_TOKEN, LOG_LEVEL: 'silent' }), discordApiBase: emulator.apiBase },
        library: loaded.library,
        problems: [],
        startedAt: performance.now(),
        reload: loadTestLibrary,
        logger: pino({ level: 'silent' }),
        ...(deadlineMs === undefined ? {} : { disconnectDeadlineMs: deadlineMs }),
      })
      if (!isAnswering) emulator.stopAnswering()
      expect(await bot.stop()).toEqual({ isDisconnected })
      expect(await bot.stop()).toEqual({ isDisconnected })
    } finally {
      await emulator.close()
    }
  })
})
