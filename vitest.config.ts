import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    globalSetup: ['./tests/global-setup.ts'],
    setupFiles: ['./tests/setup-test-env.ts'],
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine that is a
    // single file at a time, while most files spend their time waiting on a database, a
    // server or a child process. Two workers use both cores; every file has its own database.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
