import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildApp, startApp, stopApp, type AppProcess } from './app-process.ts'
import { cookieFor, makeMember, makeOrganisation } from './factories.ts'

/**
 * The production server (the Vite build, as `npm start` runs it) judges a hostile lesson on a
 * worker with a deadline: meanwhile it keeps answering everyone else. This also proves the
 * worker file is found from the bundle, which vitest alone would not notice.
 */
let app: AppProcess | undefined

beforeAll(async () => {
  buildApp()
  // This test file's own database: the trainer made below signs in to the started server.
  app = await startApp(process.env.DATABASE_URL!)
}, 240_000)

afterAll(async () => {
  await stopApp(app)
})

test('/healthz answers within a second while a hostile lesson is being judged', async () => {
  const org = await makeOrganisation()
  const member = await makeMember(org.id, ['trainer'])
  const cookie = await cookieFor(member.user.id)
  // Within every limit checked before parsing, and far slower to parse than the deadline:
  // link brackets cost the parser quadratic time (20,000 pairs take about 5 s alone), and
  // unlike deep components they never overflow the stack before the deadline.
  const hostile = '['.repeat(45_000) + 'x' + ']'.repeat(45_000)
  const started = Date.now()
  const judging = fetch(`${app!.url}/trainer/preview`, {
    method: 'POST',
    headers: { cookie, origin: app!.url },
    body: new URLSearchParams({ body: hostile }),
  })
  const answers: number[] = []
  let done = false
  void judging.finally(() => (done = true))
  // Asked again and again for as long as the judging runs (at least a few times).
  while (!done || answers.length < 3) {
    const asked = Date.now()
    const health = await fetch(`${app!.url}/healthz`, { signal: AbortSignal.timeout(1_000) })
    expect(health.status).toBe(200)
    answers.push(Date.now() - asked)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const response = await judging
  expect(response.status, app!.output()).toBe(200)
  const judged = (await response.json()) as { ok: boolean; problems: Array<{ message: string }> }
  expect(judged.ok).toBe(false)
  expect(judged.problems[0]!.message).toMatch(/^judging the lesson took longer than 5 seconds/)
  // The judging really ran for its deadline, and /healthz was asked all along.
  expect(Date.now() - started).toBeGreaterThan(4_000)
  expect(answers.length).toBeGreaterThan(10)
  expect(Math.max(...answers)).toBeLessThan(1_000)
}, 120_000)
