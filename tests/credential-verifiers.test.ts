import { generate } from '@digitalbazaar/ed25519-multikey'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { issue } from '@digitalbazaar/vc'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, startApp, stopApp, type AppProcess } from './app-process.ts'
import {
  loopbackDocumentLoader,
  obSchemaErrors,
  verifyJsonLd,
  verifyVcJwt,
} from './independent-verifier.ts'
import { prisma } from '#app/db.server.ts'
import { eraseAccount } from '#app/privacy/erasure.server.ts'

/**
 * Our records as a third party checks them: the running app on loopback with the demo data,
 * and a verifier made of other people's libraries (tests/independent-verifier.ts). The app's
 * PUBLIC_URL is its own loopback address, so the did:web and the status list URLs in the
 * credentials resolve to it.
 */
const PASSWORD = 'Demo-Wachtwoord-2026'
let app: AppProcess | undefined
let recordId: string

type Json = Record<string, unknown>
const get = async (path: string) => {
  const response = await fetch(`${app!.url}${path}`)
  expect(response.status, path).toBe(200)
  return response
}
const jsonLdForm = async (id: string) =>
  (await (await get(`/records/${id}/credential.json`)).json()) as Json

async function logIn(email: string) {
  const response = await fetch(`${app!.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: 'manual',
  })
  expect(response.status).toBe(302)
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

/** A status change as the record page's form sends it. */
async function changeStatus(cookie: string, intent: string, reason: string) {
  const response = await fetch(`${app!.url}/records/${recordId}?_data`, {
    method: 'POST',
    headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent, reason }),
    redirect: 'manual',
  })
  expect(response.status, `${intent}: ${await response.text()}`).toBeLessThan(400)
}

beforeAll(async () => {
  buildApp()
  app = await startApp(process.env.DATABASE_URL!, 120_000, (url) => ({ PUBLIC_URL: url }))
  const lotte = await prisma.user.findUniqueOrThrow({
    where: { email: 'leerling@noord.demo.test' },
  })
  recordId = (
    await prisma.completionRecord.findFirstOrThrow({
      where: { userId: lotte.id, level: 'work_process', revocation: null },
      orderBy: { issuedAt: 'asc' },
    })
  ).id
}, 300_000)

afterAll(() => stopApp(app))

describe('the JSON-LD form with its Data Integrity proof', () => {
  test('verifies with @digitalbazaar/vc: did:web from the app, eddsa-rdfc-2022, status list', async () => {
    const credential = await jsonLdForm(recordId)
    expect(credential.issuer).toMatchObject({ id: `did:web:127.0.0.1%3A${new URL(app!.url).port}` })
    expect(credential.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    })
    const result = await verifyJsonLd(credential)
    expect(result.error?.errors ?? result.error ?? null).toBeNull()
    expect(result.verified).toBe(true)
    expect(result.statusResult?.verified).toBe(true)
    expect(result.statusResult?.results?.[0]?.status).toBe(false)
    expect(obSchemaErrors(credential)).toEqual([])
  })

  test('a tampered credential, another key, a forged status list are reported invalid', async () => {
    const credential = await jsonLdForm(recordId)
    type Subject = { achievement: { name: string } }
    const tampered = structuredClone(credential)
    ;(tampered.credentialSubject as Subject).achievement.name = 'Iets anders'
    expect((await verifyJsonLd(tampered)).verified).toBe(false)

    // Signed with a key that claims our verification method but is not in our DID document.
    const { proof, ...unsigned } = credential
    const impostor = await generate({
      id: (proof as { verificationMethod: string }).verificationMethod,
      controller: (credential.issuer as { id: string }).id,
    })
    const forged = await issue({
      credential: unsigned,
      suite: new DataIntegrityProof({ signer: impostor.signer(), cryptosuite }),
      documentLoader: loopbackDocumentLoader(),
    })
    expect((await verifyJsonLd(forged)).verified).toBe(false)

    // The status list as a man in the middle serves it: a bit flipped under the real proof.
    const flipBits: Parameters<typeof verifyJsonLd>[1] = (url, document) => {
      if (!url.includes('/status/')) return document
      const list = structuredClone(document) as { credentialSubject: { encodedList: string } }
      list.credentialSubject.encodedList = list.credentialSubject.encodedList.replace(/.$/, (c) =>
        c === 'A' ? 'B' : 'A',
      )
      return list
    }
    const result = await verifyJsonLd(credential, flipBits)
    expect(result.verified).toBe(false)
    expect(result.statusResult?.verified).toBe(false)
  })
})

describe('the VC-JWT', () => {
  test('verifies with jose against the JWKS and carries the same credential', async () => {
    const jwt = (await (await get(`/records/${recordId}/credential.jwt`)).text()).trim()
    const { payload, protectedHeader } = await verifyVcJwt(jwt, app!.url)
    expect(protectedHeader.alg).toBe('RS256')
    const { iss, sub, nbf, iat: _iat, jti, exp: _exp, ...credential } = payload
    expect(iss).toBe((credential.issuer as { id: string }).id)
    expect(sub).toBe((credential.credentialSubject as { id: string }).id)
    expect(jti).toBe(credential.id)
    expect(nbf).toBe(Date.parse(credential.validFrom as string) / 1000)
    expect(obSchemaErrors(credential)).toEqual([])
    // Open Badges: the embedded proof first, then the JWT over the credential with it.
    expect(credential).toEqual(await jsonLdForm(recordId))
  })
})

describe('the CLR 2.0 bundle', () => {
  test('verifies as a whole and part by part, in both forms', async () => {
    const learner = await logIn('leerling@noord.demo.test')
    const download = async (path: string) => {
      const response = await fetch(`${app!.url}${path}`, { headers: { cookie: learner } })
      expect(response.status, path).toBe(200)
      return response
    }
    const clr = (await (await download('/records/clr.json')).json()) as Json
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential'])
    const bundle = await verifyJsonLd(clr)
    expect(bundle.error?.errors ?? bundle.error ?? null).toBeNull()
    expect(bundle.verified).toBe(true)

    const subject = clr.credentialSubject as {
      type: string[]
      verifiableCredential: Json[]
      achievement: Array<{ id: string }>
      association: Array<{ associationType: string; sourceId: string; targetId: string }>
    }
    expect(subject.type).toEqual(['ClrSubject'])
    const lotte = await prisma.user.findUniqueOrThrow({
      where: { email: 'leerling@noord.demo.test' },
    })
    const current = await prisma.completionRecord.count({
      where: { userId: lotte.id, revocation: null, suspension: null },
    })
    expect(subject.verifiableCredential).toHaveLength(current)
    for (const part of subject.verifiableCredential) {
      const result = await verifyJsonLd(part)
      expect(result.verified, String(part.id)).toBe(true)
      expect(obSchemaErrors(part), String(part.id)).toEqual([])
    }
    // Work processes are part of their core task, by achievement id.
    const ids = new Set(subject.achievement.map((a) => a.id))
    for (const a of subject.association) {
      expect(a.associationType).toBe('isPartOf')
      expect(ids.has(a.sourceId) && ids.has(a.targetId)).toBe(true)
    }

    const jwt = (await (await download('/records/clr.jwt')).text()).trim()
    const { payload } = await verifyVcJwt(jwt, app!.url)
    expect(payload.type).toEqual(['VerifiableCredential', 'ClrCredential'])

    // Our own /verify takes the bundle too, and judges each record in it.
    const form = new FormData()
    form.append('credential', JSON.stringify(clr))
    const page = await (await fetch(`${app!.url}/verify`, { method: 'POST', body: form })).text()
    expect(page).toContain('data-status="valid"')
    expect(page.match(/<li data-status="valid">/g)).toHaveLength(current)

    // Only for its learner.
    expect((await fetch(`${app!.url}/records/clr.json`, { redirect: 'manual' })).status).toBe(302)
  })
})

describe('status for third parties', () => {
  test('a revocation flips the published bit: a fresh fetch makes the verifier see it', async () => {
    const employer = await logIn('werkgever@noord.demo.test')
    const credential = await jsonLdForm(recordId)
    const statusUrl = (credential.credentialStatus as { statusListCredential: string })
      .statusListCredential
    const list = await fetch(statusUrl)
    expect(list.headers.get('cache-control')).toBe('public, max-age=300')
    expect(((await list.json()) as { credentialSubject: Json }).credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      ttl: 300_000,
    })

    // Suspension is ours to show: the page and /verify say so; the revocation bit stays clear.
    await changeStatus(employer, 'suspend', 'Onderzoek naar de beoordeling loopt')
    const page = await (await get(`/records/${recordId}`)).text()
    expect(page).toContain('data-status="suspended"')
    expect(page).not.toContain('Onderzoek naar de beoordeling loopt')
    expect((await verifyJsonLd(credential)).statusResult?.results?.[0]?.status).toBe(false)
    await changeStatus(employer, 'unsuspend', 'Onderzoek afgerond, in orde')
    expect(await (await get(`/records/${recordId}`)).text()).toContain('data-status="valid"')

    await changeStatus(employer, 'revoke', 'Uitgegeven aan de verkeerde medewerker')
    const after = await verifyJsonLd(credential)
    // The library reports the proof as fine and the revocation in the status result.
    expect(after.verified).toBe(true)
    expect(after.statusResult?.results?.[0]?.status).toBe(true)
    const audit = await prisma.auditEvent.findMany({
      where: { subjectId: recordId },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    })
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['record.suspended', 'record.unsuspended', 'record.revoked']),
    )
  })

  test('the DID document lists both keys, and every key that ever signed', async () => {
    const did = (await (await get('/.well-known/did.json')).json()) as {
      id: string
      verificationMethod: Array<{ id: string; type: string }>
      assertionMethod: string[]
    }
    expect(did.verificationMethod.map((m) => m.type).sort()).toEqual(['JsonWebKey', 'Multikey'])
    expect(did.assertionMethod).toEqual(did.verificationMethod.map((m) => m.id))
    expect(did.verificationMethod.every((m) => m.id.startsWith(`${did.id}#`))).toBe(true)
  })
})

describe('after the holder had their account erased (AVG art. 17)', () => {
  test("the holder's copies still verify with the independent verifiers, and show their status", async () => {
    const lotte = await prisma.user.findUniqueOrThrow({
      where: { email: 'leerling@noord.demo.test' },
    })
    const records = await prisma.completionRecord.findMany({
      where: { userId: lotte.id },
      select: { id: true, revocation: { select: { recordId: true } } },
    })
    expect(records.length).toBeGreaterThan(1)
    // What the holder kept: both signed forms of every record, fetched before the erasure.
    const copies = []
    for (const r of records)
      copies.push({
        ...r,
        jsonLd: await jsonLdForm(r.id),
        jwt: (await (await get(`/records/${r.id}/credential.jwt`)).text()).trim(),
      })
    expect(copies.some((c) => c.revocation)).toBe(true)

    await eraseAccount(lotte.id)

    for (const copy of copies) {
      const result = await verifyJsonLd(copy.jsonLd)
      expect(result.verified, copy.id).toBe(true)
      expect(result.statusResult?.results?.[0]?.status, copy.id).toBe(Boolean(copy.revocation))
      await verifyVcJwt(copy.jwt, app!.url)
      // The public page keeps the status and no longer names her; the signed forms are gone.
      const page = await (await get(`/records/${copy.id}`)).text()
      expect(page).toContain(`data-status="${copy.revocation ? 'revoked' : 'valid'}"`)
      expect(page).not.toContain(lotte.name)
      expect((await fetch(`${app!.url}/records/${copy.id}/credential.json`)).status).toBe(410)
      expect((await fetch(`${app!.url}/records/${copy.id}/credential.jwt`)).status).toBe(410)
    }
    // Our own /verify takes the holder's copy as before.
    const form = new FormData()
    form.append('credential', JSON.stringify(copies.find((c) => !c.revocation)!.jsonLd))
    const verdict = await (await fetch(`${app!.url}/verify`, { method: 'POST', body: form })).text()
    expect(verdict).toContain('data-status="valid"')
  })
})
