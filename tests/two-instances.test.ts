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

  const form = (fields: Record<string, string>) => new URLSearchParams(fields)

  async function logIn(app: AppProcess, email: string, password = 'Demo-Wachtwoord-2026') {
    return fetch(`${app.url}/login`, {
      method: 'POST',
      body: form({ email, password }),
      redirect: 'manual',
    })
  }

  test('logged in on one instance, the session continues on the other', async () => {
    const response = await logIn(a!, 'werkgever@noord.demo.test')
    expect(response.status).toBe(302)
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!
    const page = await fetch(`${b!.url}/orgs/klantcontact-noord/matrix`, {
      headers: { cookie },
      redirect: 'manual',
    })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Klantcontact Noord')
    // Logging out on B ends the session on A too.
    await fetch(`${b!.url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' })
    const after = await fetch(`${a!.url}/orgs/klantcontact-noord/matrix`, {
      headers: { cookie },
      redirect: 'manual',
    })
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toMatch(/^\/login\?/)
  })

  test('the same write on both at once makes one row, not two', async () => {
    const response = await logIn(b!, 'werkgever@callforce.demo.test')
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!
    const createTeam = (app: AppProcess) =>
      fetch(`${app.url}/orgs/callforce/teams`, {
        method: 'POST',
        headers: { cookie },
        body: form({ intent: 'create', name: 'Team Nachtdienst' }),
        redirect: 'manual',
      })
    const results = await Promise.all([a, b, a, b].map((app) => createTeam(app!)))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 400)).toHaveLength(3)
    const db = createClient(databaseUrl)
    try {
      expect(await db.team.count({ where: { name: 'Team Nachtdienst' } })).toBe(1)
    } finally {
      await db.$disconnect()
    }
  })

  test('failed logins count across instances', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      statuses.push((await logIn(i % 2 ? a! : b!, 'kevin.vos@noord.demo.test', `fout-${i}`)).status)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429])
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
