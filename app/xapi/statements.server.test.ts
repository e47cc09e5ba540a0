import { randomUUID } from 'node:crypto'
import validate from '@learninglocker/xapi-validation'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { CMI5_CATEGORY, CMI5_EXTENSIONS, CMI5_VERBS } from '#app/packages/cmi5-statements.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import {
  AU_ID,
  fetchAuth,
  launchCmi5,
  makeCmi5Lesson,
  type Cmi5Lesson,
} from '#tests/cmi5-fixtures.ts'
import { makeUser } from '#tests/factories.ts'
import { xapi } from '#tests/xapi-client.ts'

const independentValidator = ((validate as unknown as { default?: unknown }).default ??
  validate) as (statement: unknown) => Array<{ name: string }>

let cmi5: Cmi5Lesson
beforeAll(async () => {
  cmi5 = await makeCmi5Lesson()
})

/** A learner whose AU has launched, fetched its credential and said `initialized`. */
async function session() {
  const user = await makeUser()
  const { attempt, launch } = await launchCmi5(user.id, cmi5)
  const auth = await fetchAuth(launch.fetchToken!)
  const statement = (verb: string, extra: Record<string, unknown> = {}) => ({
    actor: learnerAgent(user.id),
    verb: { id: verb, display: { 'en-US': verb.split('/').at(-1) } },
    object: { objectType: 'Activity', id: AU_ID },
    context: {
      registration: attempt.registration,
      contextActivities: { category: [{ id: CMI5_CATEGORY }] },
      extensions: { [CMI5_EXTENSIONS.sessionId]: launch.launchId },
    },
    ...extra,
  })
  const initialized = await xapi('POST', 'statements', {
    auth,
    body: statement(CMI5_VERBS.initialized),
  })
  expect(initialized.status).toBe(200)
  /** A "cmi5 allowed" statement: any verb about the AU, in this registration. */
  const allowed = (extra: Record<string, unknown> = {}) => ({
    actor: learnerAgent(user.id),
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `${AU_ID}/pagina-1` },
    context: { registration: attempt.registration },
    ...extra,
  })
  return { user, attempt, launch, auth, statement, allowed }
}

describe('statements: validation by the independent validator', () => {
  const cases: Array<[string, (s: Record<string, unknown>) => Record<string, unknown>]> = [
    ['missing verb', ({ verb: _v, ...s }) => s],
    ['actor without IFI', (s) => ({ ...s, actor: { objectType: 'Agent', name: 'Piet' } })],
    ['score out of range', (s) => ({ ...s, result: { score: { scaled: 1.5 } } })],
    ['bad duration', (s) => ({ ...s, result: { duration: '5 minuten' } })],
    ['non-UUID id', (s) => ({ ...s, id: 'belscript-1' })],
    ['verb id not an IRI', (s) => ({ ...s, verb: { id: 'gebeld' } })],
    ['object without id', (s) => ({ ...s, object: { objectType: 'Activity' } })],
    ['bad timestamp', (s) => ({ ...s, timestamp: 'gisteren' })],
    ['registration not a UUID', (s) => ({ ...s, context: { registration: 'reg-1' } })],
    ['raw score above max', (s) => ({ ...s, result: { score: { raw: 12, min: 0, max: 10 } } })],
  ]

  test.each(cases)(
    '%s: the validator rejects it, and so does our endpoint (400)',
    async (_, broken) => {
      const { allowed, auth, user } = await session()
      const statement = broken(allowed())
      const warnings = independentValidator(statement)
      expect(warnings.length).toBeGreaterThan(0)
      const answer = await xapi('POST', 'statements', { auth, body: statement })
      expect(answer.status).toBe(400)
      for (const warning of warnings) expect(answer.json.error).toContain(warning.name)
      // Nothing of the request is stored.
      expect(await prisma.learningEvent.count({ where: { userId: user.id, verb: 'xapi' } })).toBe(2)
    },
  )

  test('a valid statement passes the validator and is stored with id, stored, authority and version', async () => {
    const { allowed, auth, launch } = await session()
    const statement = allowed({ result: { duration: 'PT2M30S', score: { scaled: 0.5 } } })
    expect(independentValidator(statement)).toEqual([])
    const answer = await xapi('POST', 'statements', { auth, body: statement })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('X-Experience-API-Version')).toBe('1.0.3')
    const [id] = answer.json as string[]
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const read = await xapi('GET', `statements?statementId=${id}`, { auth })
    expect(read.status).toBe(200)
    expect(read.json).toMatchObject({ ...statement, id, version: '1.0.0' })
    expect(read.json.stored).toBeTruthy()
    expect(read.json.authority.member[1].account.name).toBe(launch.launchId)
    expect(independentValidator(read.json)).toEqual([])
  })

  test('a batch with one bad statement stores none of them', async () => {
    const { allowed, auth } = await session()
    const id = randomUUID()
    const good = allowed({ id })
    const answer = await xapi('POST', 'statements', {
      auth,
      body: [good, allowed({ result: { score: { scaled: -3 } } })],
    })
    expect(answer.status).toBe(400)
    expect(answer.json.error).toContain('[1]')
    expect(await prisma.learningEvent.count({ where: { id } })).toBe(0)
  })

  test('too many statements in one request, or a body over 1 MB: refused', async () => {
    const { allowed, auth } = await session()
    const many = await xapi('POST', 'statements', {
      auth,
      body: Array.from({ length: 101 }, () => allowed()),
    })
    expect(many.status).toBe(413)
    const big = await xapi('POST', 'statements', {
      auth,
      body: allowed({ result: { response: 'x'.repeat(1_100_000) } }),
    })
    expect(big.status).toBe(413)
  })
})

describe('statements: ids, PUT and voiding', () => {
  test('PUT: 204, the same again 204, other content under the same id 409', async () => {
    const { allowed, auth } = await session()
    const id = randomUUID()
    const statement = allowed()
    expect(
      (await xapi('PUT', `statements?statementId=${id}`, { auth, body: statement })).status,
    ).toBe(204)
    expect(
      (await xapi('PUT', `statements?statementId=${id}`, { auth, body: statement })).status,
    ).toBe(204)
    const other = allowed({ result: { completion: true } })
    expect((await xapi('PUT', `statements?statementId=${id}`, { auth, body: other })).status).toBe(
      409,
    )
    expect((await xapi('POST', 'statements', { auth, body: { ...other, id } })).status).toBe(409)
    expect((await xapi('PUT', 'statements', { auth, body: statement })).status).toBe(400)
    expect(await prisma.learningEvent.count({ where: { id } })).toBe(1)
  })

  test('a voided statement is only found by voidedStatementId; a voiding statement cannot be voided', async () => {
    const { allowed, auth, user, attempt } = await session()
    const id = randomUUID()
    await xapi('POST', 'statements', { auth, body: allowed({ id }) })
    const voiding = {
      actor: learnerAgent(user.id),
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
      object: { objectType: 'StatementRef', id },
      context: { registration: attempt.registration },
    }
    const voided = await xapi('POST', 'statements', { auth, body: voiding })
    expect(voided.status).toBe(200)
    expect((await xapi('GET', `statements?statementId=${id}`, { auth })).status).toBe(404)
    const byVoided = await xapi('GET', `statements?voidedStatementId=${id}`, { auth })
    expect(byVoided.status).toBe(200)
    expect(byVoided.json.id).toBe(id)
    const list = await xapi('GET', 'statements?limit=100', { auth })
    const ids = (list.json.statements as Array<{ id: string }>).map((s) => s.id)
    expect(ids).not.toContain(id)
    expect(ids).toContain(voided.json[0])
    const again = await xapi('POST', 'statements', {
      auth,
      body: { ...voiding, object: { objectType: 'StatementRef', id: voided.json[0] } },
    })
    expect(again.status).toBe(400)
  })
})

describe('statements: queries', () => {
  test('filters by verb and activity, and pages with `more`', async () => {
    const { allowed, auth } = await session()
    const posted = await xapi('POST', 'statements', {
      auth,
      body: Array.from({ length: 5 }, (_, i) =>
        allowed({ object: { objectType: 'Activity', id: `${AU_ID}/vraag-${i % 2}` } }),
      ),
    })
    expect(posted.status).toBe(200)
    const byActivity = await xapi(
      'GET',
      `statements?activity=${encodeURIComponent(`${AU_ID}/vraag-0`)}`,
      { auth },
    )
    expect(byActivity.json.statements).toHaveLength(3)
    expect(byActivity.headers.get('X-Experience-API-Consistent-Through')).toBeTruthy()
    const byVerb = await xapi(
      'GET',
      `statements?verb=${encodeURIComponent(CMI5_VERBS.initialized)}`,
      { auth },
    )
    expect(byVerb.json.statements).toHaveLength(1)
    const related = await xapi(
      'GET',
      `statements?activity=${encodeURIComponent(AU_ID)}&related_activities=false`,
      { auth },
    )
    // launched (by the LMS) and initialized are about the AU itself.
    expect(related.json.statements).toHaveLength(2)

    const seen: string[] = []
    let path = 'statements?limit=2&ascending=true'
    for (let page = 0; page < 10 && path; page++) {
      const answer = await xapi('GET', path, { auth })
      expect(answer.status).toBe(200)
      seen.push(...(answer.json.statements as Array<{ id: string }>).map((s) => s.id))
      path = answer.json.more ? (answer.json.more as string).replace(/^\/xapi\//, '') : ''
    }
    // launched + initialized + 5, each once, oldest first.
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect(seen.slice(2)).toEqual(posted.json)
    expect((await xapi('GET', 'statements?cursor=bogus', { auth })).status).toBe(400)
    expect((await xapi('GET', 'statements?since=gisteren', { auth })).status).toBe(400)
  })
})

describe('statements: who may write and read what', () => {
  test('another learner as actor, or another registration: 403', async () => {
    const { allowed, auth } = await session()
    const other = await makeUser()
    expect(
      (await xapi('POST', 'statements', { auth, body: allowed({ actor: learnerAgent(other.id) }) }))
        .status,
    ).toBe(403)
    expect(
      (
        await xapi('POST', 'statements', {
          auth,
          body: allowed({ actor: { mbox: 'mailto:ik@example.test' } }),
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await xapi('POST', 'statements', {
          auth,
          body: allowed({ context: { registration: randomUUID() } }),
        })
      ).status,
    ).toBe(403)
    expect(
      (await xapi('POST', 'statements', { auth, body: allowed({ context: {} }) })).status,
    ).toBe(403)
  })

  test("GET shows only this learner's statements of this registration", async () => {
    const first = await session()
    const second = await session()
    await xapi('POST', 'statements', { auth: second.auth, body: second.allowed() })
    const mine = await xapi('GET', 'statements', { auth: first.auth })
    for (const statement of mine.json.statements as Array<{
      actor: unknown
      context: { registration: string }
    }>) {
      expect(statement.actor).toEqual(learnerAgent(first.user.id))
      expect(statement.context.registration).toBe(first.attempt.registration)
    }
    const theirs = await xapi(
      'GET',
      `statements?agent=${encodeURIComponent(JSON.stringify(learnerAgent(second.user.id)))}`,
      { auth: first.auth },
    )
    expect(theirs.json.statements).toEqual([])
    const otherRegistration = await xapi(
      'GET',
      `statements?registration=${second.attempt.registration}`,
      { auth: first.auth },
    )
    expect(otherRegistration.json.statements).toEqual([])
  })

  test('no credential, a wrong one or an expired one: 401 with WWW-Authenticate; no version: 400', async () => {
    const { auth, launch, allowed } = await session()
    const none = await xapi('GET', 'statements', {})
    expect(none.status).toBe(401)
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Basic/)
    const wrong = `Basic ${Buffer.from(`${launch.launchId}:verkeerd`).toString('base64')}`
    expect((await xapi('GET', 'statements', { auth: wrong })).status).toBe(401)
    expect((await xapi('GET', 'statements', { auth, version: null })).status).toBe(400)
    expect((await xapi('GET', 'statements', { auth, version: '0.95' })).status).toBe(400)
    expect((await xapi('GET', 'statements', { auth, version: '2.0.0' })).status).toBe(200)
    await prisma.packageLaunch.update({
      where: { id: launch.launchId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    const expired = await xapi('POST', 'statements', { auth, body: allowed() })
    expect(expired.status).toBe(401)
  })

  test('CORS for the opaque-origin sandbox: preflight and answers allow any origin without credentials', async () => {
    const preflight = await xapi('OPTIONS', 'statements', { version: null })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(preflight.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    const allowed = preflight.headers.get('Access-Control-Allow-Headers')!.toLowerCase()
    for (const header of [
      'authorization',
      'content-type',
      'x-experience-api-version',
      'if-match',
      'if-none-match',
    ])
      expect(allowed).toContain(header)
    const denied = await xapi('GET', 'statements', {})
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const about = await xapi('GET', 'about', { version: null })
    expect(about.json.version).toContain('1.0.3')
  })
})
