import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { env } from '#app/env.server.ts'
import { startCmi5Launch } from '#app/packages/cmi5-launch.server.ts'
import { createLaunch, openAttempt } from '#app/packages/launches.server.ts'
import { buildApp, freePort, startApp, stopApp, type AppProcess } from '../app-process.ts'
import { makeCmi5Lesson } from '../cmi5-fixtures.ts'
import { makeUser } from '../factories.ts'

/**
 * The cmi5 test AU, driven by the independent client library @xapi/cmi5 in a real browser,
 * against the real app (its /xapi/ routes) on this file's database. Until the player lands,
 * the AU is served here by a small content server with the sandbox the player will use
 * (CSP `sandbox allow-scripts`: an opaque origin, so every xAPI call is `Origin: null`).
 */
const AU_FOLDER = path.resolve('tests/packages/cmi5-script')

let app: AppProcess
let content: http.Server
let contentUrl: string
let browser: Browser

beforeAll(async () => {
  const bundled = spawnSync('node', ['tests/packages/build-cmi5-au.mjs'], { encoding: 'utf8' })
  if (bundled.status !== 0) throw new Error(`AU build failed: ${bundled.stderr}`)
  await importDossierFolder()
  buildApp()
  // The same PUBLIC_URL in both processes: it is the homePage of the learner's xAPI account.
  app = await startApp(process.env.DATABASE_URL!, 420_000, { PUBLIC_URL: env.PUBLIC_URL })
  const port = await freePort()
  contentUrl = `http://127.0.0.1:${port}`
  content = http.createServer((req, res) => {
    const file = new URL(req.url!, contentUrl).pathname.split('/').at(-1)!
    if (!['index.html', 'au.js'].includes(file)) return void res.writeHead(404).end()
    res.writeHead(200, {
      'Content-Type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript',
      'Content-Security-Policy': 'sandbox allow-scripts',
    })
    res.end(fs.readFileSync(path.join(AU_FOLDER, file)))
  })
  await new Promise<void>((resolve) => content.listen(port, '127.0.0.1', resolve))
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => content?.close(resolve))
  await stopApp(app)
}, 60_000)

describe('the cmi5 test AU with @xapi/cmi5', () => {
  test(
    'initialize, afronden (completed + passed 0.9), stoppen (terminated): the learner moves up',
    { timeout: 90_000 },
    async () => {
      const cmi5 = await makeCmi5Lesson({ workProcessCodes: ['TL-K2-W2'] })
      const user = await makeUser()
      const attempt = await openAttempt(user.id, cmi5.lesson)
      const launch = await createLaunch(attempt.id, { cmi5: true })
      const launchUrl = new URL(
        await startCmi5Launch({
          userId: user.id,
          attemptId: attempt.id,
          launchId: launch.launchId,
          fetchToken: launch.fetchToken!,
          activity: cmi5.activity,
          contentBase: `/package-content/${launch.contentToken}/`,
          origin: app.url,
        }),
      )
      // The content itself comes from the stand-in content server.
      const page = await browser.newPage()
      const network: string[] = []
      page.on('requestfailed', (r) =>
        network.push(`failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`),
      )
      page.on('response', (r) => network.push(`${r.status()} ${r.request().method()} ${r.url()}`))
      page.on('console', (m) => network.push(`console ${m.text()}`))
      onTestFailed(() => console.log(network.join('\n'), app.output().slice(-3000)))
      await page.goto(`${contentUrl}${launchUrl.pathname}${launchUrl.search}`)
      await expect.poll(() => page.textContent('#status'), { timeout: 15_000 }).toBe('Gestart.')
      await page.click('#afronden')
      await expect
        .poll(() => page.textContent('#status'), { timeout: 15_000 })
        .toBe('Afgerond en gehaald met score 90%.')
      await page.click('#stoppen')
      await expect
        .poll(() => page.textContent('#status'), { timeout: 15_000 })
        .toBe('Gestopt. Je kunt dit venster sluiten.')
      await page.close()

      const verbs = await prisma.learningEvent.findMany({
        where: { registration: attempt.registration },
        orderBy: [{ storedAt: 'asc' }, { id: 'asc' }],
        select: { verbIri: true },
      })
      expect(verbs.map((v) => v.verbIri!.split('/').at(-1))).toEqual([
        'launched',
        'initialized',
        'completed',
        'passed',
        'satisfied',
        'terminated',
      ])
      const status = await prisma.workProcessStatus.findUnique({
        where: {
          userId_dossierSlug_workProcessCode: {
            userId: user.id,
            dossierSlug: 'contactcenter-teamleider',
            workProcessCode: 'TL-K2-W2',
          },
        },
      })
      expect(status?.step ?? 0).toBeGreaterThan(0)
      const ended = await prisma.packageAttempt.findUniqueOrThrow({ where: { id: attempt.id } })
      expect(ended).toMatchObject({ completion: 'completed', success: 'passed', score: 90 })
    },
  )
})
