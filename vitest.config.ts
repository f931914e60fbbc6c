import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end suites start child processes and local servers; keep each file in its own
    // fork so a stuck socket in one cannot stall the rest.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
