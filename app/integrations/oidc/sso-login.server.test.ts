import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { decodeJwt, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as login from '#app/routes/auth/login.tsx'
import * as ssoCallback from '#app/routes/auth/sso-callback.ts'
import * as ssoPage from '#app/routes/orgs/$slug/sso.tsx'
import { prisma } from '#app/db.server.ts'
import { TEST_PASSWORD, cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, cookieFrom, formRequest, getRequest } from '#tests/route-call.ts'
import { startLocalProvider, type LocalPerson, type LocalProvider } from './local-provider.ts'

// The real counterpart: oidc-provider on loopback, with a hook that lets a test answer with
// a tampered ID token (signed with the provider's own key, or a stranger's).
const CLIENT = {
  id: 'leerplein',
  secret: 'noord-secret-123',
  redirectUris: ['http://localhost/auth/sso/callback'],
}
const people: LocalPerson[] = []
let rewrite: ((idToken: string) => Promise<string>) | null = null
let idp: LocalProvider
let noord: Awaited<ReturnType<typeof makeOrganisation>>
let retentieTeamId: string
let employerCookie: string

function person(email: string, extra: Partial<LocalPerson> = {}): LocalPerson {
  const p = { sub: `sub-${email}`, email, name: `Persoon ${email}`, ...extra }
  people.push(p)
  return p
}

async function configure(slug: string, cookie: string, fields: Record<string, string>) {
  return call(ssoPage.action, formRequest(`/orgs/${slug}/sso`, fields, { cookie }), { slug })
}

const noordSettings = (issuer: string) => ({
  issuer,
  clientId: CLIENT.id,
  clientSecret: CLIENT.secret,
  domains: 'noord.example\nklantcontact-noord.example',
  jitEnabled: 'on',
  jitRole: 'learner',
  groupsClaim: 'groups',
  groupTeams: 'sg-retentie = Team Retentie',
})

beforeAll(async () => {
  idp = await startLocalProvider({
    client: CLIENT,
    people,
    rewriteIdToken: (token) => (rewrite ? rewrite(token) : Promise.resolve(token)),
  })
  noord = await makeOrganisation()
  retentieTeamId = (
    await prisma.team.create({
      data: { organisationId: noord.id, name: 'Team Retentie' },
      select: { id: true },
    })
  ).id
  const employer = await makeMember(noord.id, ['employer_admin'])
  employerCookie = await cookieFor(employer.user.id)
  const saved = await configure(noord.slug, employerCookie, noordSettings(idp.issuer))
  expect(saved.status).toBe(200)
})

afterAll(async () => {
  await idp?.close()
})

/** Start at our login page, sign in at the provider as `personEmail`, return the callback. */
async function throughProvider(email: string, personEmail = email) {
  const start = await call(login.action, formRequest('/login', { intent: 'sso', email }))
  expect(start.status, JSON.stringify(start.data)).toBe(302)
  const stateCookie = cookieFrom(start)
  const jar = new Map<string, string>()
  let url = new URL(start.location!)
  expect(url.origin).toBe(idp.issuer)
  let posted = false
  for (let hop = 0; hop < 8; hop++) {
    const interaction: boolean = url.pathname.startsWith('/interaction/') && !posted
    const res = await fetch(url, {
      method: interaction ? 'POST' : 'GET',
      body: interaction ? new URLSearchParams({ email: personEmail }) : undefined,
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      redirect: 'manual',
    })
    posted ||= interaction
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [k, ...v] = pair!.split('=')
      jar.set(k!, v.join('='))
    }
    const location = res.headers.get('location')
    if (!location) throw new Error(`provider stopped at ${url} with ${res.status}`)
    url = new URL(location, url)
    if (url.pathname === '/auth/sso/callback') return { callbackUrl: url, stateCookie }
    // The first GET of the interaction page shows the form; we post it instead.
    if (url.pathname.startsWith('/interaction/')) posted = false
  }
  throw new Error('too many redirects at the provider')
}

function callback(url: URL, stateCookie: string | null) {
  return call(
    ssoCallback.loader,
    new Request(url, { headers: stateCookie ? { Cookie: stateCookie } : {} }),
  )
}

async function loginThroughProvider(email: string, personEmail = email) {
  const { callbackUrl, stateCookie } = await throughProvider(email, personEmail)
  return callback(callbackUrl, stateCookie)
}

const sessionsOf = (userId: string) => prisma.session.count({ where: { userId } })
const identityCount = () => prisma.ssoIdentity.count()

describe('configuring single sign-on', () => {
  test('the secret is stored encrypted and never shown again, only "set"', async () => {
    const row = await prisma.organisationSso.findUniqueOrThrow({
      where: { organisationId: noord.id },
    })
    expect(row.clientSecret).not.toContain(CLIENT.secret)
    const page = await call(ssoPage.loader, getRequest(`/orgs/${noord.slug}/sso`, employerCookie), {
      slug: noord.slug,
    })
    expect(JSON.stringify(page.data)).not.toContain(CLIENT.secret)
    expect(page.data).toMatchObject({
      settings: { secretSet: true, domains: ['klantcontact-noord.example', 'noord.example'] },
    })
    const audited = await prisma.auditEvent.findFirst({
      where: { organisationId: noord.id, action: 'sso.configured' },
    })
    expect(audited?.detail).not.toContain(CLIENT.secret)
  })

  test('a domain of another organisation is a field error and nothing changes', async () => {
    const other = await makeOrganisation()
    const boss = await makeMember(other.id, ['employer_admin'])
    const outcome = await configure(other.slug, await cookieFor(boss.user.id), {
      ...noordSettings(idp.issuer),
      domains: 'eigen.example\nnoord.example',
    })
    expect(outcome.status).toBe(400)
    expect(JSON.stringify(outcome.data)).toContain('sso.domainTaken')
    expect(await prisma.organisationSso.count({ where: { organisationId: other.id } })).toBe(0)
    expect(await prisma.ssoDomain.count({ where: { organisationId: other.id } })).toBe(0)
  })

  test('bad input answers 400 with field errors; a learner gets 403', async () => {
    const bad = await configure(noord.slug, employerCookie, {
      ...noordSettings('ftp://idp.example'),
      domains: 'not a domain!',
      groupTeams: 'zonder gelijkteken',
    })
    expect(bad.status).toBe(400)
    const text = JSON.stringify(bad.data)
    for (const key of ['sso.badIssuer', 'sso.badDomains', 'sso.badGroupTeams']) {
      expect(text).toContain(key)
    }
    const unknownTeam = await configure(noord.slug, employerCookie, {
      ...noordSettings(idp.issuer),
      groupTeams: 'sg-x = Team Bestaat Niet',
    })
    expect(unknownTeam.status).toBe(400)
    expect(JSON.stringify(unknownTeam.data)).toContain('sso.unknownTeam')
    const learner = await makeMember(noord.id, ['learner'])
    const refused = await configure(
      noord.slug,
      await cookieFor(learner.user.id),
      noordSettings(idp.issuer),
    )
    expect(refused.status).toBe(403)
  })
})

describe('logging in with a work account', () => {
  test('an existing member with a verified e-mail is linked and gets a session', async () => {
    const member = await makeMember(noord.id, ['learner'])
    const email = 'lotte@noord.example'
    await prisma.user.update({ where: { id: member.user.id }, data: { email } })
    person(email)
    const outcome = await loginThroughProvider(email)
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/dashboard')
    expect(outcome.headers.get('Set-Cookie')).toContain('leerplein_session=')
    expect(await sessionsOf(member.user.id)).toBe(1)
    expect(await prisma.ssoIdentity.count({ where: { userId: member.user.id } })).toBe(1)
    expect(
      await prisma.auditEvent.count({ where: { action: 'sso.login', actorId: member.user.id } }),
    ).toBe(1)
  })

  test('an employer admin comes back on their landing page, the matrix', async () => {
    const member = await makeMember(noord.id, ['employer_admin'])
    const email = 'marieke@noord.example'
    await prisma.user.update({ where: { id: member.user.id }, data: { email } })
    person(email)
    const outcome = await loginThroughProvider(email)
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/orgs/${noord.slug}/matrix`)
  })

  test('a first-time person is created just-in-time in the team their group names', async () => {
    const email = 'nieuw.persoon@klantcontact-noord.example'
    person(email, { groups: ['sg-retentie', 'sg-onbekend'] })
    const outcome = await loginThroughProvider(email)
    expect(outcome.location).toBe('/dashboard')
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: {
        id: true,
        memberships: { select: { organisationId: true, roles: true, teams: true } },
      },
    })
    expect(user.memberships).toHaveLength(1)
    expect(user.memberships[0]!.organisationId).toBe(noord.id)
    expect(user.memberships[0]!.roles.map((r) => r.role)).toEqual(['learner'])
    expect(user.memberships[0]!.teams.map((t) => t.teamId)).toEqual([retentieTeamId])
    expect(
      await prisma.auditEvent.count({ where: { action: 'sso.account-created', actorId: user.id } }),
    ).toBe(1)
  })

  test('an unverified e-mail of an existing account is refused and not linked', async () => {
    const member = await makeMember(noord.id, ['learner'])
    const email = 'onbevestigd@noord.example'
    await prisma.user.update({ where: { id: member.user.id }, data: { email } })
    person(email, { emailVerified: false })
    const before = await identityCount()
    const outcome = await loginThroughProvider(email)
    expect(outcome.location).toBe('/login?sso=unverified')
    expect(outcome.headers.get('Set-Cookie')).not.toContain('leerplein_session=')
    expect(await identityCount()).toBe(before)
    expect(await sessionsOf(member.user.id)).toBe(0)
  })

  test("an address of another organisation's domain is refused, nothing written", async () => {
    // Noord's provider vouches for someone whose address is CallForce's.
    person('indringer@callforce.example')
    const users = await prisma.user.count()
    const outcome = await loginThroughProvider(
      'iemand@noord.example',
      'indringer@callforce.example',
    )
    expect(outcome.location).toBe('/login?sso=wrong-domain')
    expect(await prisma.user.count()).toBe(users)
    expect(await prisma.user.count({ where: { email: 'indringer@callforce.example' } })).toBe(0)
  })

  test("an address of another domain is never sent to Noord's provider", async () => {
    const callforce = await call(
      login.action,
      formRequest('/login', { intent: 'sso', email: 'agent@callforce.example' }),
    )
    expect(callforce.status).toBe(400)
    expect(callforce.location).toBeNull()
    expect(JSON.stringify(callforce.data)).toContain('login.sso.unknownDomain')
  })

  test('a replayed state is refused, and so is a state this browser did not start', async () => {
    person('replay@noord.example')
    const { callbackUrl, stateCookie } = await throughProvider('replay@noord.example')
    const foreign = await callback(callbackUrl, null)
    expect(foreign.location).toBe('/login?sso=state')
    const first = await callback(callbackUrl, stateCookie)
    expect(first.location).toBe('/dashboard')
    const replay = await callback(callbackUrl, stateCookie)
    expect(replay.location).toBe('/login?sso=state')
    expect(replay.headers.get('Set-Cookie')).not.toContain('leerplein_session=')
  })
})

describe('ID tokens that must be refused', () => {
  const stranger: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey

  async function refusedWith(change: (idToken: string) => Promise<string>, email: string) {
    person(email)
    const users = await prisma.user.count()
    const sessions = await prisma.session.count()
    rewrite = change
    try {
      const outcome = await loginThroughProvider(email)
      expect(outcome.location).toBe('/login?sso=token')
    } finally {
      rewrite = null
    }
    expect(await prisma.user.count()).toBe(users)
    expect(await prisma.session.count()).toBe(sessions)
  }

  const resign = (key: KeyObject, change: Record<string, unknown>) => async (idToken: string) =>
    new SignJWT({ ...decodeJwt(idToken), ...change })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .sign(key)

  const now = () => Math.floor(Date.now() / 1000)

  test('a forged token (signed by another key) is refused', async () => {
    await refusedWith(resign(stranger, {}), 'vervalst@noord.example')
  })

  test('an expired token is refused', async () => {
    await refusedWith(
      resign(idp.signingKey, { iat: now() - 7200, exp: now() - 3600 }),
      'verlopen@noord.example',
    )
  })

  test('a token for another audience is refused', async () => {
    await refusedWith(resign(idp.signingKey, { aud: 'een-andere-app' }), 'publiek@noord.example')
  })

  test('a replayed nonce (an ID token of an earlier login) is refused', async () => {
    person('nonce@noord.example')
    let earlier = ''
    rewrite = async (token) => (earlier = token)
    const first = await loginThroughProvider('nonce@noord.example')
    rewrite = null
    expect(first.location).toBe('/dashboard')
    await refusedWith(async () => earlier, 'nonce2@noord.example')
  })
})

describe('password login and an unreachable provider', () => {
  test('password login is refused when the organisation switched it off', async () => {
    const member = await makeMember(noord.id, ['learner'])
    const allowed = await call(
      login.action,
      formRequest('/login', { email: member.user.email, password: TEST_PASSWORD }),
    )
    expect(allowed.status).toBe(302)
    const saved = await configure(noord.slug, employerCookie, {
      ...noordSettings(idp.issuer),
      clientSecret: '',
      passwordLoginDisabled: 'on',
    })
    expect(saved.status).toBe(200)
    const sessions = await sessionsOf(member.user.id)
    const refused = await call(
      login.action,
      formRequest('/login', { email: member.user.email, password: TEST_PASSWORD }),
    )
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.data)).toContain('login.passwordOff')
    expect(await sessionsOf(member.user.id)).toBe(sessions)
    // The stored secret was kept (empty field), so work-account login still works.
    person('na-uitzetten@noord.example')
    expect((await loginThroughProvider('na-uitzetten@noord.example')).location).toBe('/dashboard')
  })

  test('a provider that does not answer gives a clear message, not a 500', async () => {
    const org = await makeOrganisation()
    const boss = await makeMember(org.id, ['employer_admin'])
    const saved = await configure(org.slug, await cookieFor(boss.user.id), {
      ...noordSettings('http://127.0.0.1:9'),
      domains: 'weg.example',
      groupTeams: '',
    })
    expect(saved.status).toBe(200)
    const outcome = await call(
      login.action,
      formRequest('/login', { intent: 'sso', email: 'iemand@weg.example' }),
    )
    expect(outcome.status).toBe(503)
    expect(JSON.stringify(outcome.data)).toContain('login.sso.unreachable')
  })
})
