import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2'
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci'
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, startApp, stopApp, type AppProcess } from './app-process.ts'
import { obSchemaErrors, verifyJsonLd } from './independent-verifier.ts'
import { onPostgresServer, postgresUrlFor, TEST_DATA_DIR, testEngine } from './test-database.ts'
import { createClient } from '#app/db.server.ts'

/**
 * A record into a learner's own wallet over OpenID4VCI 1.0 (pre-authorized code + PIN),
 * against the running app: once with an independent client library (@openid4vc/openid4vci)
 * as a wallet would, then every refusal by hand, each checked to have issued nothing.
 */
const LEARNER = 'leerling@noord.demo.test'
const OTHER_LEARNER = 'kevin.vos@noord.demo.test'
const CONFIGURATION = 'OpenBadgeCredential_jwt_vc_json'
const LDP_CONFIGURATION = 'OpenBadgeCredential_ldp_vc'
const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'

let app: AppProcess | undefined
let db: ReturnType<typeof createClient>
let learnerCookie: string
let recordIds: string[]

beforeAll(async () => {
  buildApp()
  let databaseUrl: string
  if (testEngine === 'postgresql') {
    const name = `wallet_delivery_${Date.now()}`
    await onPostgresServer(`CREATE DATABASE "${name}"`)
    databaseUrl = postgresUrlFor(name)
  } else {
    databaseUrl = `file:${path.join(TEST_DATA_DIR, `wallet-delivery-${Date.now()}.db`)}`
  }
  // The app's own address is its credential issuer identifier, as PUBLIC_URL is in production.
  app = await startApp(databaseUrl, 240_000, (url) => ({ PUBLIC_URL: url }))
  db = createClient(databaseUrl)
  learnerCookie = await logIn(LEARNER)
  const learner = await db.user.findUniqueOrThrow({ where: { email: LEARNER } })
  recordIds = (
    await db.completionRecord.findMany({
      where: { userId: learner.id, revocation: null },
      orderBy: { id: 'asc' },
      select: { id: true },
    })
  ).map((r) => r.id)
  expect(recordIds.length).toBeGreaterThanOrEqual(5)
}, 300_000)

afterAll(async () => {
  await stopApp(app)
  await db?.$disconnect()
})

async function logIn(email: string) {
  const response = await fetch(`${app!.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'Demo-Wachtwoord-2026' }),
    redirect: 'manual',
  })
  expect(response.status).toBe(302)
  return response.headers.get('set-cookie')!.split(';')[0]!
}

/** The learner presses "In je wallet zetten": the page shows the offer link and the PIN. */
async function makeOffer(recordId: string, cookie = learnerCookie) {
  const response = await fetch(`${app!.url}/records/${recordId}/wallet`, {
    method: 'POST',
    headers: { cookie },
    body: new URLSearchParams(),
    redirect: 'manual',
  })
  const html = await response.text()
  const offerLink = /href="(openid-credential-offer:\/\/[^"]+)"/.exec(html)?.[1]
  const pin = /data-pin[^>]*>(\d{6})</.exec(html)?.[1]
  return { status: response.status, offerLink, pin, html }
}

async function offerObject(offerLink: string) {
  const uri = new URL(offerLink).searchParams.get('credential_offer_uri')!
  return fetch(uri)
}

async function preAuthorizedCode(offerLink: string): Promise<string> {
  const offer = (await (await offerObject(offerLink)).json()) as {
    grants: Record<string, { 'pre-authorized_code': string }>
  }
  return offer.grants[PRE_AUTH]!['pre-authorized_code']
}

function token(code: string, pin?: string) {
  return fetch(`${app!.url}/oid4vci/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: PRE_AUTH,
      'pre-authorized_code': code,
      ...(pin === undefined ? {} : { tx_code: pin }),
    }),
  })
}

async function accessTokenFor(recordId: string) {
  const { offerLink, pin } = await makeOffer(recordId)
  const response = await token(await preAuthorizedCode(offerLink!), pin)
  expect(response.status).toBe(200)
  return ((await response.json()) as { access_token: string }).access_token
}

async function nonce() {
  const response = await fetch(`${app!.url}/oid4vci/nonce`, { method: 'POST' })
  expect(response.headers.get('cache-control')).toBe('no-store')
  return ((await response.json()) as { c_nonce: string }).c_nonce
}

type Holder = { privateKey: CryptoKey; publicJwk: JWK & { kty: string } }
async function newHolder(): Promise<Holder> {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const publicJwk = await exportJWK(publicKey)
  return { privateKey, publicJwk: { ...publicJwk, kty: publicJwk.kty! } }
}

/** A key proof as a wallet makes one; `claims`/`header` change what a test needs wrong. */
async function proof(
  holder: Holder,
  {
    nonce,
    aud = app!.url,
    headerJwk = holder.publicJwk,
  }: {
    nonce?: string
    aud?: string
    headerJwk?: JWK
  },
) {
  return new SignJWT(nonce === undefined ? {} : { nonce })
    .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: headerJwk })
    .setAudience(aud)
    .setIssuedAt()
    .sign(holder.privateKey)
}

function credentialRequest(accessToken: string | null, body: unknown) {
  return fetch(`${app!.url}/oid4vci/credential`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const deliveries = () => db.auditEvent.count({ where: { action: 'record.delivered-to-wallet' } })

describe('a wallet fetches a record with an independent OpenID4VCI client', () => {
  test('offer by reference → metadata → token with PIN → nonce → credential bound to the holder', async () => {
    setGlobalConfig({ allowInsecureUrls: true })
    const recordId = recordIds[0]!
    const { offerLink, pin } = await makeOffer(recordId)
    expect(offerLink).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/)
    expect(pin).toMatch(/^\d{6}$/)

    const holder = await newHolder()
    const client = new Openid4vciClient({
      callbacks: {
        fetch,
        hash: (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
        generateRandom: (bytes) => randomBytes(bytes),
        clientAuthentication: clientAuthenticationAnonymous(),
        signJwt: async (_signer, { header, payload }) => ({
          jwt: await new SignJWT(payload)
            .setProtectedHeader({ ...header, alg: 'ES256' })
            .sign(holder.privateKey),
          signerJwk: holder.publicJwk,
        }),
      },
    })
    const before = await deliveries()
    const credentialOffer = await client.resolveCredentialOffer(offerLink!)
    expect(credentialOffer.credential_configuration_ids).toEqual([LDP_CONFIGURATION, CONFIGURATION])
    expect(credentialOffer.grants?.[PRE_AUTH]?.tx_code).toMatchObject({
      input_mode: 'numeric',
      length: 6,
    })
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer)
    expect(issuerMetadata.originalDraftVersion).toBe('V1')
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
      txCode: pin,
    })
    const { c_nonce } = await client.requestNonce({ issuerMetadata })
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: CONFIGURATION,
      nonce: c_nonce,
      signer: { method: 'jwk', alg: 'ES256', publicJwk: holder.publicJwk },
    })
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: CONFIGURATION,
      proofs: { jwt: [jwt] },
    })
    const [first] = credentialResponse.credentials as Array<{ credential: string }>
    const issued = first!.credential

    // The credential verifies with the issuer's published keys and names the holder's DID.
    const jwks = createRemoteJWKSet(new URL(`${app!.url}/.well-known/jwks.json`))
    const { payload, protectedHeader } = await jwtVerify(issued, jwks, { algorithms: ['RS256'] })
    expect(protectedHeader.alg).toBe('RS256')
    const holderDid = `did:jwk:${Buffer.from(
      JSON.stringify({ kty: 'EC', crv: 'P-256', x: holder.publicJwk.x, y: holder.publicJwk.y }),
    ).toString('base64url')}`
    const { iss, sub, nbf, iat, jti, exp, ...credential } = payload as Record<string, unknown>
    expect(sub).toBe(holderDid)
    expect((credential as { credentialSubject: { id: string } }).credentialSubject.id).toBe(
      holderDid,
    )
    expect(jti).toBe(`${app!.url}/records/${recordId}`)
    expect([iss, nbf, iat, exp].every((v) => v === undefined || v !== null)).toBe(true)
    expect(obSchemaErrors(credential)).toEqual([])

    // The same record as a JSON-LD credential with a Data Integrity proof (ldp_vc): what the
    // Learner Credential Wallet takes. Checked by Digital Bazaar's verifier, status included.
    const { c_nonce: ldpNonce } = await client.requestNonce({ issuerMetadata })
    const { jwt: ldpProof } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: LDP_CONFIGURATION,
      nonce: ldpNonce,
      signer: { method: 'jwk', alg: 'ES256', publicJwk: holder.publicJwk },
    })
    const { credentialResponse: ldpResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: LDP_CONFIGURATION,
      proofs: { jwt: [ldpProof] },
    })
    const [ldp] = ldpResponse.credentials as Array<{ credential: Record<string, unknown> }>
    const ldpCredential = ldp!.credential
    expect((ldpCredential.credentialSubject as { id: string }).id).toBe(holderDid)
    const verified = await verifyJsonLd(ldpCredential)
    expect(verified.error?.errors ?? verified.error ?? null).toBeNull()
    expect(verified.verified).toBe(true)
    expect(verified.statusResult?.results?.[0]?.status).toBe(false)
    expect(obSchemaErrors(ldpCredential)).toEqual([])
    // The stored record is unchanged; the delivery is in the audit trail.
    const stored = await db.completionRecord.findUniqueOrThrow({ where: { id: recordId } })
    expect(JSON.parse(stored.credential).credentialSubject.id).toMatch(/^urn:uuid:/)
    expect(await deliveries()).toBe(before + 2)
  })
})

describe('metadata', () => {
  test('the issuer and its authorization server describe themselves', async () => {
    const issuer = (await (
      await fetch(`${app!.url}/.well-known/openid-credential-issuer`)
    ).json()) as Record<string, unknown>
    expect(issuer).toMatchObject({
      credential_issuer: app!.url,
      credential_endpoint: `${app!.url}/oid4vci/credential`,
      nonce_endpoint: `${app!.url}/oid4vci/nonce`,
    })
    expect((issuer.display as Array<{ locale: string }>).map((d) => d.locale).sort()).toEqual([
      'en',
      'nl',
    ])
    const as = (await (
      await fetch(`${app!.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>
    expect(as).toMatchObject({
      issuer: app!.url,
      token_endpoint: `${app!.url}/oid4vci/token`,
      'pre-authorized_grant_anonymous_access_supported': true,
    })
  })
})

describe('refusals, each issuing nothing', () => {
  test('a wrong PIN is invalid_grant, and the fifth burns the code', async () => {
    const { offerLink, pin } = await makeOffer(recordIds[1]!)
    const code = await preAuthorizedCode(offerLink!)
    const wrong = pin === '000000' ? '111111' : '000000'
    const tokensBefore = await db.walletAccessToken.count()
    for (let i = 0; i < 5; i++) {
      const response = await token(code, wrong)
      expect(response.status).toBe(400)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
    }
    // Burnt: even the right PIN no longer works, and the offer is gone.
    expect(await (await token(code, pin)).json()).toMatchObject({ error: 'invalid_grant' })
    expect((await offerObject(offerLink!)).status).toBe(404)
    expect(await db.walletAccessToken.count()).toBe(tokensBefore)
  })

  test('a missing PIN is invalid_request; a bad grant type is refused', async () => {
    const { offerLink } = await makeOffer(recordIds[1]!)
    const code = await preAuthorizedCode(offerLink!)
    expect(await (await token(code)).json()).toMatchObject({ error: 'invalid_request' })
    const response = await fetch(`${app!.url}/oid4vci/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: 'x' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' })
    const large = await fetch(`${app!.url}/oid4vci/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: PRE_AUTH,
        'pre-authorized_code': 'x'.repeat(70_000),
      }),
    })
    expect(large.status).toBe(413)
  })

  test('a pre-authorized code is redeemed once', async () => {
    const { offerLink, pin } = await makeOffer(recordIds[2]!)
    const code = await preAuthorizedCode(offerLink!)
    expect((await token(code, pin)).status).toBe(200)
    const tokensBefore = await db.walletAccessToken.count()
    const again = await token(code, pin)
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' })
    expect(await db.walletAccessToken.count()).toBe(tokensBefore)
  })

  test('two wallets redeeming the same code at once: one token, not two', async () => {
    const { offerLink, pin } = await makeOffer(recordIds[2]!)
    const code = await preAuthorizedCode(offerLink!)
    const tokensBefore = await db.walletAccessToken.count()
    const statuses = (await Promise.all([token(code, pin), token(code, pin)])).map((r) => r.status)
    expect(statuses.sort()).toEqual([200, 400])
    expect(await db.walletAccessToken.count()).toBe(tokensBefore + 1)
  })

  test('an expired offer is neither served nor redeemed', async () => {
    const { offerLink, pin } = await makeOffer(recordIds[3]!)
    const code = await preAuthorizedCode(offerLink!)
    await db.walletOffer.updateMany({
      where: { recordId: recordIds[3]!, redeemedAt: null, burntAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await offerObject(offerLink!)).status).toBe(404)
    const response = await token(code, pin)
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
  })

  test('a nonce works once, and a proof without one is refused', async () => {
    const accessToken = await accessTokenFor(recordIds[4]!)
    const holder = await newHolder()
    const before = await deliveries()
    const c_nonce = await nonce()
    const request = async (jwt: string) =>
      credentialRequest(accessToken, {
        credential_configuration_id: CONFIGURATION,
        proofs: { jwt: [jwt] },
      })
    expect((await request(await proof(holder, { nonce: c_nonce }))).status).toBe(200)
    const reused = await request(await proof(holder, { nonce: c_nonce }))
    expect(reused.status).toBe(400)
    expect(await reused.json()).toMatchObject({ error: 'invalid_nonce' })
    const unknown = await request(await proof(holder, { nonce: 'made-up' }))
    expect(await unknown.json()).toMatchObject({ error: 'invalid_nonce' })
    const missing = await request(await proof(holder, {}))
    expect(await missing.json()).toMatchObject({ error: 'invalid_proof' })
    expect(await deliveries()).toBe(before + 1)
  })

  test('a proof for another audience, or signed by another key than it names, is refused', async () => {
    const accessToken = await accessTokenFor(recordIds[0]!)
    const holder = await newHolder()
    const other = await newHolder()
    const before = await deliveries()
    const c_nonce = await nonce()
    const send = async (jwt: string) =>
      credentialRequest(accessToken, {
        credential_configuration_id: CONFIGURATION,
        proofs: { jwt: [jwt] },
      })
    const wrongAud = await send(
      await proof(holder, { nonce: c_nonce, aud: 'https://elders.example' }),
    )
    expect(wrongAud.status).toBe(400)
    expect(await wrongAud.json()).toMatchObject({ error: 'invalid_proof' })
    const wrongKey = await send(await proof(holder, { nonce: c_nonce, headerJwk: other.publicJwk }))
    expect(await wrongKey.json()).toMatchObject({ error: 'invalid_proof' })
    // The refused proofs did not spend the nonce: the right proof still gets the credential.
    expect((await send(await proof(holder, { nonce: c_nonce }))).status).toBe(200)
    expect(await deliveries()).toBe(before + 1)
  })

  test('an unknown configuration, or a body that is not a request, is a 400, never a 500', async () => {
    const accessToken = await accessTokenFor(recordIds[1]!)
    const holder = await newHolder()
    const jwt = await proof(holder, { nonce: await nonce() })
    const unknown = await credentialRequest(accessToken, {
      credential_configuration_id: 'Diploma',
      proofs: { jwt: [jwt] },
    })
    expect(await unknown.json()).toMatchObject({ error: 'unknown_credential_configuration' })
    const noProofs = await credentialRequest(accessToken, {
      credential_configuration_id: CONFIGURATION,
    })
    expect(await noProofs.json()).toMatchObject({ error: 'invalid_proof' })
    const twoProofs = await credentialRequest(accessToken, {
      credential_configuration_id: CONFIGURATION,
      proofs: { jwt: [jwt, jwt] },
    })
    expect(await twoProofs.json()).toMatchObject({ error: 'invalid_proof' })
    const bodies = [
      '{not json',
      '[]',
      JSON.stringify({ credential_configuration_id: 1, proofs: { jwt: [jwt] } }),
      JSON.stringify({ credential_configuration_id: CONFIGURATION, proofs: { jwt: 'x' } }),
    ]
    for (const body of bodies) {
      const response = await credentialRequest(accessToken, body)
      expect(response.status, body).toBe(400)
      expect(await response.json()).toMatchObject({ error: 'invalid_credential_request' })
    }
  })

  test('an unknown or expired access token is invalid_token with a challenge', async () => {
    const holder = await newHolder()
    const before = await deliveries()
    const body = {
      credential_configuration_id: CONFIGURATION,
      proofs: { jwt: [await proof(holder, { nonce: await nonce() })] },
    }
    for (const accessToken of ['unknown-token', null]) {
      const response = await credentialRequest(accessToken, body)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(await response.json()).toMatchObject({ error: 'invalid_token' })
    }
    const accessToken = await accessTokenFor(recordIds[2]!)
    await db.walletAccessToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } })
    const expired = await credentialRequest(accessToken, body)
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect(await deliveries()).toBe(before)
  })

  test('another learner cannot make an offer for your record', async () => {
    const offersBefore = await db.walletOffer.count()
    const cookie = await logIn(OTHER_LEARNER)
    const response = await makeOffer(recordIds[0]!, cookie)
    expect(response.status).toBe(404)
    expect(response.offerLink).toBeUndefined()
    const page = await fetch(`${app!.url}/records/${recordIds[0]}/wallet`, {
      headers: { cookie },
      redirect: 'manual',
    })
    expect(page.status).toBe(404)
    expect(await db.walletOffer.count()).toBe(offersBefore)
  })

  test('a revoked record gets no offer, and an open offer for it issues nothing', async () => {
    const recordId = recordIds[3]!
    const accessToken = await accessTokenFor(recordId)
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } })
    await db.recordRevocation.create({
      data: { recordId, revokedById: admin.id, reason: 'Verkeerde medewerker' },
    })
    const offersBefore = await db.walletOffer.count()
    const response = await makeOffer(recordId)
    expect(response.status).toBe(404)
    expect(await db.walletOffer.count()).toBe(offersBefore)
    const before = await deliveries()
    const holder = await newHolder()
    const denied = await credentialRequest(accessToken, {
      credential_configuration_id: CONFIGURATION,
      proofs: { jwt: [await proof(holder, { nonce: await nonce() })] },
    })
    expect(denied.status).toBe(400)
    expect(await denied.json()).toMatchObject({ error: 'credential_request_denied' })
    expect(await deliveries()).toBe(before)
    // The records page offers the wallet for current records only.
    const records = await (
      await fetch(`${app!.url}/records`, { headers: { cookie: learnerCookie } })
    ).text()
    expect(records).not.toContain(`/records/${recordId}/wallet`)
    expect(records).toContain(`/records/${recordIds[0]}/wallet`)
  })
})

describe('limits', () => {
  // Last in the file: it spends this address's nonce budget for the minute.
  test('one address gets at most 60 nonces a minute', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 61; i++)
      statuses.push((await fetch(`${app!.url}/oid4vci/nonce`, { method: 'POST' })).status)
    const refused = statuses.indexOf(429)
    expect(refused).toBeGreaterThan(0)
    const last = await fetch(`${app!.url}/oid4vci/nonce`, { method: 'POST' })
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await last.json()).toMatchObject({ error: 'slow_down' })
  })
})
