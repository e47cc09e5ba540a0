import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, startApp, stopApp, type AppProcess } from './app-process.ts'
import { onPostgresServer, postgresUrlFor, testEngine } from './test-database.ts'
import { createClient } from '#app/db.server.ts'

/**
 * Several stateless instances on one PostgreSQL database, as behind a load balancer. Both
 * start at the same moment, so both migrate and import the dossiers concurrently: that is
 * the first race two instances have, and it must leave exactly one copy of everything.
 */
describe.runIf(testEngine === 'postgresql')('two app instances on one PostgreSQL database', () => {
  let a: AppProcess | undefined
  let b: AppProcess | undefined
  let databaseUrl: string

  beforeAll(async () => {
    buildApp()
    const name = `two_instances_${Date.now()}`
    await onPostgresServer(`CREATE DATABASE "${name}"`)
    databaseUrl = postgresUrlFor(name)
    ;[a, b] = await Promise.all([startApp(databaseUrl), startApp(databaseUrl)])
  }, 240_000)

  afterAll(async () => {
    await Promise.all([stopApp(a), stopApp(b)])
  })

  test('both answer on PostgreSQL and serve the same pages', async () => {
    for (const app of [a!, b!]) {
      expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({
        status: 'ok',
        database: 'postgresql',
      })
    }
    const main = async (app: AppProcess) => {
      const html = await (await fetch(`${app.url}/dossiers/contactcenter-teamleider`)).text()
      return html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    }
    const [pageA, pageB] = await Promise.all([main(a!), main(b!)])
    expect(pageA).toContain('TL-K4-W3')
    expect(pageB).toBe(pageA)
  })

  test('concurrent start-up imports left exactly one copy of the framework', async () => {
    const db = createClient(databaseUrl)
    try {
      expect(await db.competency.count()).toBe(25)
      const versions = await db.dossier.groupBy({ by: ['slug'], _count: { _all: true } })
      expect(versions.map((v) => [v.slug, v._count._all]).sort()).toEqual([
        ['contactcenter-medewerker', 1],
        ['contactcenter-teamleider', 1],
      ])
      expect(await db.workProcess.count()).toBe(17 + 9)
    } finally {
      await db.$disconnect()
    }
  })

  test('a choice made on one instance holds on the other', async () => {
    const response = await fetch(`${a!.url}/lang`, {
      method: 'POST',
      body: new URLSearchParams({ lang: 'en', redirectTo: '/dossiers' }),
      redirect: 'manual',
    })
    expect(response.status).toBe(302)
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!
    const html = await (await fetch(`${b!.url}/dossiers`, { headers: { cookie } })).text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Qualification dossiers')
  })
})
