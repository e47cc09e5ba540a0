import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from './dossier-folder.server.ts'
import { importCourses } from './course-import.server.ts'
import { seedDemoData } from '#app/demo/demo-data.server.ts'
import { rebuildStatuses } from './progress-rebuild.server.ts'
import { xapiStatements } from './xapi.server.ts'
import * as memberXapi from '#app/routes/orgs/$slug/member-xapi.ts'
import * as dashboardXapi from '#app/routes/me/dashboard-xapi.ts'
import { cookieFor } from '#tests/factories.ts'
import { call, getRequest } from '#tests/route-call.ts'
import { resolvePath } from '#tests/resolve-path.ts'
import { env } from '#app/env.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  await seedDemoData()
}, 180_000)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const IRI = /^https?:\/\/[^\s]+$/
type Statement = {
  id: string
  version: string
  actor: Record<string, unknown> & { account: { homePage: string; name: string } }
  verb: { id: string; display: Record<string, string> }
  object: { objectType: string; id: string }
  context: { contextActivities: Record<string, Array<{ id: string }>> }
  timestamp: string
}
const statementsOf = async (id: string) => (await xapiStatements(id)) as unknown as Statement[]
const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email } })).id

describe('the demo learner', () => {
  test('has progress spread over the ladder, and the rebuild equals what was recorded', async () => {
    const steps = await prisma.workProcessStatus.findMany({
      where: {
        userId: await userId('leerling@noord.demo.test'),
        dossierSlug: 'contactcenter-teamleider',
      },
    })
    const counts = new Map<number, number>()
    for (const s of steps) counts.set(s.step, (counts.get(s.step) ?? 0) + 1)
    // K1-W1 and all of K2 competent, K3-W1 demonstrated (evidence waiting), three learning.
    expect(Object.fromEntries(counts)).toEqual({ 4: 5, 3: 1, 1: 3 })
    const report = await rebuildStatuses({ write: false })
    expect(report.differences).toEqual([])
  })
})

describe('xAPI export', () => {
  test('every statement has the fields xAPI 1.0.3 requires', async () => {
    const statements = await statementsOf(await userId('leerling@noord.demo.test'))
    expect(statements.length).toBeGreaterThan(20)
    const ids = new Set<string>()
    for (const s of statements) {
      expect(s.id).toMatch(UUID)
      ids.add(s.id)
      expect(s.version).toBe('1.0.3')
      // The actor is identified by exactly one inverse functional identifier.
      const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in s.actor)
      expect(ifis).toEqual(['account'])
      expect(s.actor.account.homePage).toMatch(IRI)
      expect(s.actor.account.name).toBeTruthy()
      expect(s.verb.id).toMatch(IRI)
      expect(Object.keys(s.verb.display).every((lang) => /^[a-z]{2}-[A-Z]{2}$/.test(lang))).toBe(
        true,
      )
      expect(s.object.objectType).toBe('Activity')
      expect(s.object.id).toMatch(IRI)
      expect(new Date(s.timestamp).toISOString()).toBe(s.timestamp)
      const result = (s as { result?: { score?: { scaled: number } } }).result
      if (result?.score) expect(result.score.scaled).toBeGreaterThanOrEqual(0)
      if (result?.score) expect(result.score.scaled).toBeLessThanOrEqual(1)
    }
    expect(ids.size).toBe(statements.length)
    expect(statements.some((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/passed')).toBe(true)
  })

  test('the learner downloads their own; an employer of another organisation gets 404', async () => {
    const learner = await cookieFor(await userId('leerling@noord.demo.test'))
    const own = await call(dashboardXapi.loader, getRequest('/dashboard/xapi', learner))
    expect(own.status).toBe(200)
    expect(own.headers.get('Content-Disposition')).toContain('attachment')
    const membership = await prisma.membership.findFirstOrThrow({
      where: { user: { email: 'leerling@noord.demo.test' } },
    })
    const params = { slug: 'klantcontact-noord', membershipId: membership.id }
    const path = `/orgs/klantcontact-noord/members/${membership.id}/xapi`
    const noord = await cookieFor(await userId('werkgever@noord.demo.test'))
    expect((await call(memberXapi.loader, getRequest(path, noord), params)).status).toBe(200)
    const callforce = await cookieFor(await userId('werkgever@callforce.demo.test'))
    expect((await call(memberXapi.loader, getRequest(path, callforce), params)).status).toBe(404)
    const sideways = await call(memberXapi.loader, getRequest(path, callforce), {
      slug: 'callforce',
      membershipId: membership.id,
    })
    expect(sideways.status).toBe(404)
    expect((await call(memberXapi.loader, getRequest(path, learner), params)).status).toBe(403)
  })
})

describe('stable identifiers', () => {
  test('every IRI is under PUBLIC_URL: the host an export is fetched through changes nothing', async () => {
    const learner = await cookieFor(await userId('leerling@noord.demo.test'))
    const through = async (host: string) => {
      const request = new Request(`http://${host}/dashboard/xapi`, { headers: { Cookie: learner } })
      const outcome = await call(dashboardXapi.loader, request)
      expect(outcome.status).toBe(200)
      return outcome.data as string
    }
    const viaLocalhost = await through('localhost:3000')
    expect(await through('127.0.0.1:4444')).toBe(viaLocalhost)
    expect(viaLocalhost).not.toContain('127.0.0.1:4444')
    const statements = JSON.parse(viaLocalhost) as Array<{ actor: unknown }>
    const id = await userId('leerling@noord.demo.test')
    // The actor: an account under PUBLIC_URL, no name, no e-mail address.
    for (const s of statements) expect(s.actor).toEqual(learnerAgent(id))
    expect(viaLocalhost).not.toContain('leerling@noord.demo.test')
  })

  test('a work process has one id, and every activity id resolves to a page', async () => {
    const id = await userId('leerling@noord.demo.test')
    const statements = await statementsOf(id)
    const verbs = new Set(statements.map((s) => s.verb.id.split('/').at(-1)))
    // Events of every kind the product writes.
    expect([...verbs].sort()).toEqual(['completed', 'failed', 'passed', 'progressed', 'registered'])
    const activityIds = new Set<string>()
    for (const s of statements) {
      activityIds.add(s.object.id)
      for (const list of Object.values(s.context.contextActivities))
        for (const a of list) activityIds.add(a.id)
    }
    const text = JSON.stringify(statements)
    expect(text).not.toContain('/work-processes/')
    const cookie = await cookieFor(id)
    for (const activityId of activityIds) {
      expect(activityId.startsWith(`${env.PUBLIC_URL}/`), activityId).toBe(true)
      const path = activityId.slice(env.PUBLIC_URL.length)
      const outcome = await resolvePath(path, cookie)
      expect(outcome.status, activityId).toBe(200)
    }
    // Work processes appear both as objects and in context, with the same ids.
    const objects = new Set(statements.map((s) => s.object.id))
    const inContext = [...activityIds].filter((a) => a.includes('/dossiers/') && !objects.has(a))
    expect([...activityIds].filter((a) => a.includes('/dossiers/')).length).toBeGreaterThan(
      inContext.length,
    )
  })

  test('a statement our xAPI endpoint received is exported exactly as stored', async () => {
    const id = await userId('leerling@noord.demo.test')
    const stored = {
      id: '2f7c3b8e-8c1d-4b8e-9a51-0c0d7c1e9a11',
      actor: learnerAgent(id),
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { objectType: 'Activity', id: 'https://content.example.com/au/1' },
      timestamp: '2026-01-01T10:00:00.000Z',
      stored: '2026-01-01T10:00:01.000Z',
      authority: { objectType: 'Agent', account: { homePage: env.PUBLIC_URL, name: 'lrs' } },
      version: '1.0.3',
    }
    await prisma.learningEvent.create({
      data: {
        id: stored.id,
        userId: id,
        verb: 'xapi',
        objectType: 'activity',
        objectId: stored.object.id,
        statement: JSON.stringify(stored),
        verbIri: stored.verb.id,
        timestamp: new Date(stored.timestamp),
        storedAt: new Date(stored.stored),
      },
    })
    const statements = await xapiStatements(id)
    expect(statements.find((s) => s.id === stored.id)).toEqual(stored)
    await prisma.learningEvent.delete({ where: { id: stored.id } })
  })
})
