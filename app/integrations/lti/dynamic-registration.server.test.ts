import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import * as registerPage from '#app/routes/lti/register.tsx'
import * as ltiPage from '#app/routes/orgs/$slug/lti.tsx'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/auth/tokens.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { startTestPlatform, type TestPlatform } from '#tests/lti-platform/platform.ts'
import { addRegistration } from '#tests/lti-platform/registration.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { SCOPE } from './claims.ts'
import { TOOL_CONFIGURATION } from './tool-configuration.ts'

// Our tool's own address (PUBLIC_URL) is a loopback server that publishes the tool's real
// JWKS, so the platform can check the jwks_uri we register, as Moodle and Canvas fetch it.
// It must exist before the environment is read, hence hoisted.
const tool = await vi.hoisted(async () =>
  (await import('#tests/lti-platform/tool-jwks-server.ts')).startToolJwksServer(),
)

type Org = Awaited<ReturnType<typeof makeOrganisation>>
let noord: Org
let zuid: Org
let adminId: string
let adminCookie: string
let zuidAdminCookie: string
let learnerCookie: string
const platforms: TestPlatform[] = []

async function platform() {
  const started = await startTestPlatform()
  platforms.push(started)
  return started
}

beforeAll(async () => {
  noord = await makeOrganisation()
  zuid = await makeOrganisation()
  const admin = await makeMember(noord.id, ['employer_admin'])
  adminId = admin.user.id
  adminCookie = await cookieFor(admin.user.id)
  zuidAdminCookie = await cookieFor((await makeMember(zuid.id, ['employer_admin'])).user.id)
  learnerCookie = await cookieFor((await makeMember(noord.id, ['learner'])).user.id)
})

afterAll(async () => {
  await Promise.all(platforms.map((p) => p.close()))
  await new Promise((resolve) => tool.server.close(resolve))
})

function ltiAction(fields: Record<string, string>, cookie = adminCookie, slug = noord.slug) {
  return call(ltiPage.action, formRequest(`/orgs/${slug}/lti`, fields, { cookie }), { slug })
}

/** The org admin makes a one-time link; returns its token. */
async function invite() {
  const made = await ltiAction({ intent: 'invite' })
  expect(made.status).toBe(200)
  const url = new URL((made.data as { invite: { url: string } }).invite.url)
  expect(url.origin).toBe(tool.url)
  expect(url.pathname).toMatch(/^\/lti\/register\/[a-z0-9]+$/)
  return url.pathname.split('/').pop()!
}

/** The platform opens the link with its parameters, and its admin presses the button. */
async function register(
  token: string,
  registration: { openidConfigurationUrl: string; registrationToken: string },
) {
  const query = new URLSearchParams({
    openid_configuration: registration.openidConfigurationUrl,
    registration_token: registration.registrationToken,
  })
  const page = await call(registerPage.loader, getRequest(`/lti/register/${token}?${query}`), {
    token,
  })
  const shown = page.data as { openidConfiguration: string; registrationToken: string }
  return call(
    registerPage.action,
    formRequest(`/lti/register/${token}`, {
      openid_configuration: shown.openidConfiguration ?? '',
      registration_token: shown.registrationToken ?? '',
    }),
    { token },
  )
}

const countPlatforms = () => prisma.ltiPlatform.count()
const inviteRow = (token: string) =>
  prisma.ltiRegistrationInvite.findUniqueOrThrow({ where: { id: hashToken(token) } })

describe('dynamic registration', () => {
  test('Moodle: link → registration → pending platform with its deployment → confirmed', async () => {
    const moodle = await platform()
    const registration = addRegistration(moodle)
    const token = await invite()
    // Only the token's hash is stored.
    expect(await prisma.ltiRegistrationInvite.count({ where: { id: token } })).toBe(0)

    const page = await call(
      registerPage.loader,
      getRequest(`/lti/register/${token}?openid_configuration=x`),
      { token },
    )
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ organisationName: noord.name, problem: null })

    const done = await register(token, registration)
    expect(done.status, JSON.stringify(done.data)).toBe(200)
    expect(done.data).toEqual({ ok: true, organisationName: noord.name })

    // What the platform received: our configuration, checked by the platform itself.
    expect(registration.received).toHaveLength(1)
    const sent = registration.received[0]!.body
    expect(sent).toMatchObject({
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${tool.url}/lti/login`,
      jwks_uri: `${tool.url}/lti/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      client_name: 'Leerplein',
    })
    expect(sent.redirect_uris).toContain(`${tool.url}/lti/launch`)
    expect(String(sent.scope).split(' ')).toEqual(
      expect.arrayContaining([SCOPE.score, SCOPE.lineItem, SCOPE.contextMembership]),
    )
    expect(sent[TOOL_CONFIGURATION]).toMatchObject({
      domain: new URL(tool.url).host,
      target_link_uri: `${tool.url}/`,
      messages: [
        {
          type: 'LtiDeepLinkingRequest',
          target_link_uri: `${tool.url}/lti/deep-linking`,
          label: 'Leerplein',
        },
      ],
    })

    const stored = await prisma.ltiPlatform.findFirstOrThrow({
      where: { issuer: moodle.issuer },
      include: { deployments: true },
    })
    expect(stored).toMatchObject({
      organisationId: noord.id,
      clientId: registration.received[0]!.clientId,
      authLoginUrl: moodle.url('/mod/lti/auth.php'),
      authTokenUrl: moodle.url('/mod/lti/token.php'),
      jwksUrl: moodle.jwksUrl,
      productFamily: 'moodle',
      registeredVia: 'dynamic',
      status: 'pending',
      confirmedAt: null,
    })
    expect(stored.deployments.map((d) => d.deploymentId)).toEqual(['1'])
    expect((await inviteRow(token)).usedAt).not.toBeNull()
    expect(
      await prisma.auditEvent.count({
        where: {
          action: 'lti-platform.registered',
          subjectId: stored.id,
          organisationId: noord.id,
        },
      }),
    ).toBe(1)

    // The org admin sees it waiting and confirms it.
    const list = await call(ltiPage.loader, getRequest(`/orgs/${noord.slug}/lti`, adminCookie), {
      slug: noord.slug,
    })
    const listed = (list.data as { platforms: Array<{ id: string; status: string }> }).platforms
    expect(listed.find((p) => p.id === stored.id)?.status).toBe('pending')
    expect((await ltiAction({ intent: 'confirm', platformId: stored.id })).status).toBe(200)
    const confirmed = await prisma.ltiPlatform.findUniqueOrThrow({ where: { id: stored.id } })
    expect(confirmed).toMatchObject({ status: 'active', confirmedById: adminId })
    expect(confirmed.confirmedAt).toBeInstanceOf(Date)
    // Confirming twice changes nothing.
    expect((await ltiAction({ intent: 'confirm', platformId: stored.id })).status).toBe(404)

    // The link worked once.
    const again = await register(token, registration)
    expect(again.status).toBe(410)
    expect(again.data).toMatchObject({ problem: 'invite-used' })
    expect(registration.received).toHaveLength(1)
  })

  test('Canvas: registered without a deployment; the admin adds the one Canvas shows', async () => {
    const canvas = await platform()
    const registration = addRegistration(canvas, { family: 'canvas' })
    const done = await register(await invite(), registration)
    expect(done.status, JSON.stringify(done.data)).toBe(200)
    const stored = await prisma.ltiPlatform.findFirstOrThrow({
      where: { issuer: canvas.issuer },
      include: { deployments: true },
    })
    expect(stored).toMatchObject({
      productFamily: 'canvas',
      status: 'pending',
      authLoginUrl: canvas.url('/api/lti/authorize_redirect'),
      authTokenUrl: canvas.url('/login/oauth2/token'),
    })
    expect(stored.deployments).toEqual([])

    const added = await ltiAction({
      intent: 'add-deployment',
      platformId: stored.id,
      deploymentId: '12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb',
    })
    expect(added.status).toBe(200)
    const twice = await ltiAction({
      intent: 'add-deployment',
      platformId: stored.id,
      deploymentId: '12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb',
    })
    expect(twice.status).toBe(400)
    expect(twice.data).toMatchObject({
      result: { error: { deploymentId: ['ltiAdmin.duplicateDeployment'] } },
    })
    expect(await prisma.ltiDeployment.count({ where: { platformId: stored.id } })).toBe(1)
  })

  test('an expired link is refused before the platform is called', async () => {
    const moodle = await platform()
    const registration = addRegistration(moodle)
    const token = await invite()
    await prisma.ltiRegistrationInvite.update({
      where: { id: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    const before = await countPlatforms()
    const page = await call(registerPage.loader, getRequest(`/lti/register/${token}`), { token })
    expect(page.status).toBe(410)
    const refused = await register(token, registration)
    expect(refused.status).toBe(410)
    expect(refused.data).toMatchObject({ problem: 'invite-expired' })
    expect(moodle.requests).toHaveLength(0)
    expect(await countPlatforms()).toBe(before)
  })

  test('an unknown link is a 404', async () => {
    const page = await call(registerPage.loader, getRequest('/lti/register/nope'), {
      token: 'nope',
    })
    expect(page.status).toBe(404)
  })

  test('failures write nothing and leave the link usable', async () => {
    const before = await countPlatforms()
    const token = await invite()

    // No configuration address at all.
    const bare = await call(registerPage.action, formRequest(`/lti/register/${token}`, {}), {
      token,
    })
    expect(bare.status).toBe(400)
    expect(bare.data).toMatchObject({ problem: 'bad-request' })

    // A configuration whose issuer is another site than the one serving it.
    const impostor = await platform()
    const mismatch = addRegistration(impostor, {
      configuration: { issuer: 'https://moodle.other-school.example' },
    })
    const wrongIssuer = await register(token, mismatch)
    expect(wrongIssuer.status).toBe(502)
    expect(wrongIssuer.data).toMatchObject({ problem: 'bad-configuration' })
    expect(mismatch.received).toHaveLength(0)

    // A configuration without a registration endpoint.
    const incomplete = await platform()
    const partial = addRegistration(incomplete, {
      configuration: { registration_endpoint: undefined },
    })
    expect((await register(token, partial)).data).toMatchObject({ problem: 'bad-configuration' })

    // A platform that is down.
    const gone = await platform()
    const goneRegistration = addRegistration(gone)
    await gone.close()
    platforms.splice(platforms.indexOf(gone), 1)
    const down = await register(token, goneRegistration)
    expect(down.status).toBe(502)
    expect(down.data).toMatchObject({ problem: 'unreachable' })

    // A platform that fails on the registration, and one that refuses our token.
    let failing = true
    const flaky = await platform()
    const flakyRegistration = addRegistration(flaky, {
      registrationAnswer: () => (failing ? { status: 500, body: 'Internal error' } : undefined),
    })
    const failed = await register(token, flakyRegistration)
    expect(failed.status).toBe(502)
    expect(failed.data).toMatchObject({ problem: 'refused' })
    const wrongToken = await register(token, { ...flakyRegistration, registrationToken: 'stolen' })
    expect(wrongToken.data).toMatchObject({ problem: 'refused' })

    // An answer without a client id.
    const odd = await platform()
    const oddRegistration = addRegistration(odd, {
      registrationAnswer: () => ({ body: { ok: 1 } }),
    })
    expect((await register(token, oddRegistration)).data).toMatchObject({ problem: 'bad-answer' })

    expect(await countPlatforms()).toBe(before)
    expect((await inviteRow(token)).usedAt).toBeNull()

    // Once the platform is back, the same link still works.
    failing = false
    expect((await register(token, flakyRegistration)).status).toBe(200)
    expect(await countPlatforms()).toBe(before + 1)
  })

  test('an issuer and client id registered already (by any organisation) is refused', async () => {
    const moodle = await platform()
    const registration = addRegistration(moodle, {
      registrationAnswer: () => ({
        body: { client_id: 'taken-client', [TOOL_CONFIGURATION]: { deployment_id: '1' } },
      }),
    })
    const manual = await ltiAction(
      {
        intent: 'register',
        name: 'Moodle Zuid',
        issuer: moodle.issuer,
        clientId: 'taken-client',
        authLoginUrl: moodle.url('/mod/lti/auth.php'),
        authTokenUrl: moodle.url('/mod/lti/token.php'),
        jwksUrl: moodle.jwksUrl,
        deploymentIds: '1',
      },
      zuidAdminCookie,
      zuid.slug,
    )
    expect(manual.status).toBe(200)
    const before = await countPlatforms()
    const token = await invite()
    const refused = await register(token, registration)
    expect(refused.status).toBe(409)
    expect(refused.data).toMatchObject({ problem: 'duplicate' })
    expect(await countPlatforms()).toBe(before)
    expect((await inviteRow(token)).usedAt).toBeNull()
  })
})

describe('manual registration', () => {
  const valid = (p: TestPlatform, clientId: string) => ({
    intent: 'register',
    name: 'ROC Moodle',
    issuer: p.issuer,
    clientId,
    authLoginUrl: p.url('/mod/lti/auth.php'),
    authTokenUrl: p.url('/mod/lti/token.php'),
    jwksUrl: p.jwksUrl,
    deploymentIds: '3\n\n 4 \n3',
  })

  test('empty and wrong fields answer 400 with an error per field', async () => {
    const before = await countPlatforms()
    const empty = await ltiAction({ intent: 'register' })
    expect(empty.status).toBe(400)
    const errors = (empty.data as { result: { error: Record<string, string[]> } }).result.error
    expect(Object.keys(errors).sort()).toEqual(
      [
        'authLoginUrl',
        'authTokenUrl',
        'clientId',
        'deploymentIds',
        'issuer',
        'jwksUrl',
        'name',
      ].sort(),
    )
    const moodle = await platform()
    const wrong = await ltiAction({
      ...valid(moodle, 'c1'),
      issuer: 'http://moodle.school.example',
      jwksUrl: 'not a url',
      deploymentIds: '\n  \n',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.data).toMatchObject({
      result: {
        error: {
          issuer: ['ltiAdmin.badUrl'],
          jwksUrl: ['ltiAdmin.badUrl'],
          deploymentIds: ['ltiAdmin.needDeployment'],
        },
      },
    })
    expect(await countPlatforms()).toBe(before)
  })

  test('a valid registration is active at once; the same issuer and client id again is a field error', async () => {
    const moodle = await platform()
    const saved = await ltiAction(valid(moodle, 'manual-1'))
    expect(saved.status).toBe(200)
    const stored = await prisma.ltiPlatform.findFirstOrThrow({
      where: { issuer: moodle.issuer, clientId: 'manual-1' },
      include: { deployments: { orderBy: { deploymentId: 'asc' } } },
    })
    expect(stored).toMatchObject({
      organisationId: noord.id,
      registeredVia: 'manual',
      status: 'active',
      confirmedById: adminId,
    })
    expect(stored.deployments.map((d) => d.deploymentId)).toEqual(['3', '4'])

    const again = await ltiAction(valid(moodle, 'manual-1'))
    expect(again.status).toBe(400)
    expect(again.data).toMatchObject({
      result: { error: { clientId: ['ltiAdmin.duplicatePlatform'] } },
    })

    // Disable, enable, remove a deployment, delete: each with its audit line.
    expect((await ltiAction({ intent: 'disable', platformId: stored.id })).status).toBe(200)
    expect((await prisma.ltiPlatform.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe(
      'disabled',
    )
    expect((await ltiAction({ intent: 'enable', platformId: stored.id })).status).toBe(200)
    const removed = await ltiAction({
      intent: 'remove-deployment',
      deploymentId: stored.deployments[0]!.id,
    })
    expect(removed.status).toBe(200)
    expect(await prisma.ltiDeployment.count({ where: { platformId: stored.id } })).toBe(1)
    expect((await ltiAction({ intent: 'delete', platformId: stored.id })).status).toBe(200)
    expect(await prisma.ltiPlatform.count({ where: { id: stored.id } })).toBe(0)
    const actions = await prisma.auditEvent.findMany({
      where: { subjectId: stored.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    })
    expect(actions.map((a) => a.action)).toEqual([
      'lti-platform.registered',
      'lti-platform.disabled',
      'lti-platform.enabled',
      'lti-deployment.removed',
      'lti-platform.deleted',
    ])
  })
})

describe('one organisation cannot reach another organisation’s platforms', () => {
  test('the page is 404 for outsiders, 403 for members without the right', async () => {
    const outsider = await call(
      ltiPage.loader,
      getRequest(`/orgs/${noord.slug}/lti`, zuidAdminCookie),
      { slug: noord.slug },
    )
    expect(outsider.status).toBe(404)
    const learner = await call(
      ltiPage.loader,
      getRequest(`/orgs/${noord.slug}/lti`, learnerCookie),
      { slug: noord.slug },
    )
    expect(learner.status).toBe(403)
    expect((await ltiAction({ intent: 'invite' }, learnerCookie)).status).toBe(403)
  })

  test("another organisation's admin cannot change this organisation's platforms", async () => {
    const moodle = await platform()
    await ltiAction({
      intent: 'register',
      name: 'Moodle Noord',
      issuer: moodle.issuer,
      clientId: 'noord-only',
      authLoginUrl: moodle.url('/mod/lti/auth.php'),
      authTokenUrl: moodle.url('/mod/lti/token.php'),
      jwksUrl: moodle.jwksUrl,
      deploymentIds: '7',
    })
    const stored = await prisma.ltiPlatform.findFirstOrThrow({
      where: { clientId: 'noord-only' },
      include: { deployments: true },
    })
    const attempts: Array<Record<string, string>> = [
      { intent: 'disable', platformId: stored.id },
      { intent: 'delete', platformId: stored.id },
      { intent: 'remove-deployment', deploymentId: stored.deployments[0]!.id },
      { intent: 'add-deployment', platformId: stored.id, deploymentId: '8' },
    ]
    for (const fields of attempts) {
      const tried = await ltiAction(fields, zuidAdminCookie, zuid.slug)
      expect(tried.status, fields.intent).toBe(404)
    }
    const zuidList = await call(
      ltiPage.loader,
      getRequest(`/orgs/${zuid.slug}/lti`, zuidAdminCookie),
      { slug: zuid.slug },
    )
    const listed = (zuidList.data as { platforms: Array<{ id: string }> }).platforms
    expect(listed.map((p) => p.id)).not.toContain(stored.id)
    const after = await prisma.ltiPlatform.findUniqueOrThrow({
      where: { id: stored.id },
      include: { deployments: true },
    })
    expect(after.status).toBe('active')
    expect(after.deployments.map((d) => d.deploymentId)).toEqual(['7'])
  })
})
