import { configDefaults, defineConfig } from 'vitest/config'

// Files that never reach the database (checks of course files and compiled lessons), or that
// prove process behaviour the engine cannot change (a lesson judged on a worker thread while
// the server keeps answering): the PostgreSQL run skips them, as playwright.config.ts skips
// its layout specs. Everything that stores or reads data runs on both engines.
const ENGINE_INDEPENDENT = [
  'app/content/course-check.server.test.ts',
  'app/content/judge-lesson.server.test.ts',
  'app/content/safe-subset.server.test.ts',
  'app/authoring/course-files-export.server.test.ts',
  'tests/judge-off-thread.test.ts',
  // SQLite's own locking: there is nothing of it on PostgreSQL.
  'app/sqlite-immediate-transactions.server.test.ts',
]

export default defineConfig({
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_POSTGRES_URL ? ENGINE_INDEPENDENT : []),
    ],
    globalSetup: ['./tests/global-setup.ts'],
    setupFiles: ['./tests/setup-test-env.ts'],
    // Vitest's default is one worker fewer than the cores: a single file at a time on the
    // 2-core CI machine, while many files spend part of their time waiting on a started
    // server, a child process or a timer. Every file has its own database, and
    // tests/app-process.ts builds the app under a lock, so two files can run side by side.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
