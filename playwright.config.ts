import fs from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
// Debian's chromium by default (Playwright cannot download its own browsers here);
// CHROMIUM_PATH overrides it, and where neither exists Playwright's own browser is used.
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

// Specs about layout, navigation and language only: the database engine cannot change what
// they prove, so the PostgreSQL run skips them to keep the test command within its time budget.
// The LTI journeys prove browser behaviour (iframes, third-party cookies, posts between sites);
// their server side runs on both engines in Vitest (app/integrations/lti/lti-flow.test.ts).
const ENGINE_INDEPENDENT = [
  '**/responsive.spec.ts',
  '**/navigation.spec.ts',
  // The matrix's layout at phone and laptop width; its queries run on both engines in Vitest.
  '**/matrix-responsive.spec.ts',
  // Each organisation tab per role and the error pages: navigation.
  '**/areas.spec.ts',
  // Keyboard use, layout and form behaviour in the browser; what the server does behind them
  // (wallet offers, publishing a course, the data export's zip) runs on both engines in
  // Vitest (tests/wallet-delivery, app/authoring/authoring-routes, app/privacy).
  '**/wallet.spec.ts',
  '**/authoring-first-try.spec.ts',
  '**/data-export.spec.ts',
  '**/language.spec.ts',
  '**/lti*.spec.ts',
  // The package sandbox and the trainer's import pages are browser behaviour; the journey
  // (packages-journey) and the server side of players, LRS and forwarding run on both engines.
  '**/package-import.spec.ts',
  '**/packages-player.spec.ts',
  '**/lrs-forwarding.spec.ts',
]

export default defineConfig({
  testDir: './e2e',
  testIgnore: process.env.TEST_POSTGRES_URL ? ENGINE_INDEPENDENT : [],
  // No names or e-mail addresses of the demo people in the server's log (docs/privacy.md).
  globalTeardown: './e2e/personal-data-in-logs.teardown.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // The journeys log several people in and out: many take 40-50 s on the 2-core machine
  // beside a journey in the other worker, so a minute failed them now and then (calibration,
  // records). A longer wait proves the same; a real hang still fails.
  timeout: 90_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // The production build, on its own fresh database, exactly as `npm start` serves it.
    command: `node e2e/start-test-server.mjs`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    // PUBLIC_URL is the server's own address, so the did:web and the status list URLs in the
    // credentials resolve to it, as they do in production.
    env: { PORT: String(PORT), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${PORT}` },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
