import fs from 'node:fs'
import { Ajv2019 } from 'ajv/dist/2019.js'
import addFormats from 'ajv-formats'
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { completeKnowledge, evidenceFor, judge, TL } from '#tests/assessment-fixtures.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { epochSeconds, type Credential } from './credential.server.ts'
import { mayRevoke, revokeRecord, AlreadyRevoked } from './revocation.server.ts'
import { getRecordView, listRecords } from './record-view.server.ts'
import { publishedJwks } from './signing-keys.server.ts'
import { verifyJwt, verifyText } from './verify.server.ts'

const schemaFile = (name: string) =>
  JSON.parse(fs.readFileSync(`standards/ob_v3p0/${name}`, 'utf8')) as Record<string, unknown>
const ajv = new Ajv2019({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(schemaFile('endorsementcredential.schema.json'))
const validateCredential = ajv.compile(schemaFile('achievementcredential.schema.json'))

let records: Array<{
  id: string
  level: string
  code: string
  name: string
  jwt: string
  credential: string
}>
let learnerId: string
let employerAdmin: string
let orgId: string

/**
 * One learner earns the whole team-leader qualification: knowledge of every work process, a
 * proeve per core task signed by two assessors. That issues every kind of record.
 */
beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  const org = await makeOrganisation()
  orgId = org.id
  const a = (await makeMember(org.id, ['assessor'])).user.id
  const b = (await makeMember(org.id, ['assessor'])).user.id
  employerAdmin = (await makeMember(org.id, ['employer_admin'])).user.id
  learnerId = (await makeMember(org.id, ['learner'])).user.id
  const coreTasks = await prisma.coreTask.findMany({
    where: { dossier: { slug: TL } },
    select: { code: true, workProcesses: { select: { code: true } } },
  })
  for (const ct of coreTasks) {
    const codes = ct.workProcesses.map((w) => w.code)
    await completeKnowledge(learnerId, codes)
    const { id } = await evidenceFor(learnerId, org.id, codes, {
      kind: 'proeve',
      coreTaskCode: ct.code,
      title: `Proeve ${ct.code}`,
    })
    for (const code of codes) {
      await judge(id, code, a)
      await judge(id, code, b)
    }
  }
  records = await prisma.completionRecord.findMany({
    where: { userId: learnerId },
    select: { id: true, level: true, code: true, name: true, jwt: true, credential: true },
  })
}, 240_000)

afterEach(() => {
  vi.useRealTimers()
})

describe('issued credentials', () => {
  test('one per work process, core task and the qualification', async () => {
    const wps = await prisma.workProcess.count({ where: { dossier: { slug: TL } } })
    const cts = await prisma.coreTask.count({ where: { dossier: { slug: TL } } })
    const count = (level: string) => records.filter((r) => r.level === level).length
    expect([count('work_process'), count('core_task'), count('qualification')]).toEqual([
      wps,
      cts,
      1,
    ])
  })

  test('every one validates against the Open Badges 3.0 AchievementCredential schema', () => {
    for (const r of records) {
      // The schema wants `proof` as an array; the signing library writes one object.
      const credential = JSON.parse(r.credential)
      const ok = validateCredential({ ...credential, proof: [credential.proof] })
      expect(ok ? [] : validateCredential.errors, `${r.code}`).toEqual([])
    }
  })

  test("every achievement has its badge as the credential's image", () => {
    for (const r of records) {
      const credential = JSON.parse(r.credential) as Credential
      const achievement = credential.credentialSubject.achievement as { image?: unknown }
      expect(achievement.image, r.code).toEqual({
        id: `${env.PUBLIC_URL}/achievements/${TL}/${encodeURIComponent(r.code)}/badge.svg`,
        type: 'Image',
      })
    }
  })

  test('the schema check can fail: a credential without issuer is rejected', () => {
    const { issuer: _issuer, ...broken } = JSON.parse(records[0]!.credential) as Credential
    expect(validateCredential(broken)).toBe(false)
  })

  test('every JWT verifies with the published JWKS, RS256 with kid, claims matching the credential', async () => {
    const jwks = await publishedJwks()
    expect(jwks.keys.every((k) => !('d' in k) && k.kid && k.alg === 'RS256')).toBe(true)
    const keySet = createLocalJWKSet(jwks)
    for (const r of records) {
      const header = decodeProtectedHeader(r.jwt)
      expect(header).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]!.kid })
      const { payload } = await jwtVerify(r.jwt, keySet, { algorithms: ['RS256'] })
      const credential = JSON.parse(r.credential) as Credential
      expect(payload.iss).toBe(credential.issuer.id)
      expect(payload.sub).toBe(credential.credentialSubject.id)
      expect(payload.nbf).toBe(epochSeconds(credential.validFrom))
      expect(payload.jti).toBe(credential.id)
      expect(payload.exp).toBe(
        credential.validUntil ? epochSeconds(credential.validUntil) : undefined,
      )
      const { iss: _1, sub: _2, nbf: _3, jti: _4, exp: _5, iat: _6, ...members } = payload
      expect(members).toEqual(credential)
    }
  })

  test('alignment names the dossier: framework with crebo and version, the code, the type', () => {
    const wp = JSON.parse(records.find((r) => r.code === 'TL-K2-W3')!.credential) as Credential
    const achievement = wp.credentialSubject.achievement as Record<string, unknown>
    expect(achievement.humanCode).toBe('TL-K2-W3')
    expect(achievement.alignment).toContainEqual(
      expect.objectContaining({
        targetCode: 'TL-K2-W3',
        targetType: 'ext:Werkproces',
        targetFramework: expect.stringMatching(/crebo 22165 .*versie 1/),
      }),
    )
    expect(achievement.alignment).toContainEqual(
      expect.objectContaining({ targetCode: 'C', targetType: 'ceasn:Competency' }),
    )
  })

  test('code and name are stored apart, and the alignment names without repeating the code', async () => {
    const wp = await prisma.workProcess.findFirstOrThrow({ where: { code: 'TL-K2-W3' } })
    const record = records.find((r) => r.code === 'TL-K2-W3')!
    expect(record.name).toBe(wp.titleNl)
    const achievement = (JSON.parse(record.credential) as Credential).credentialSubject
      .achievement as { name: string; alignment: Array<{ targetCode: string; targetName: string }> }
    expect(achievement.name).toBe(wp.titleNl)
    expect(achievement.alignment.find((a) => a.targetCode === 'TL-K2-W3')?.targetName).toBe(
      wp.titleNl,
    )
    const qualification = records.find((r) => r.level === 'qualification')!
    expect([qualification.code, qualification.name]).toEqual(['93860', 'Contactcenter teamleider'])
  })

  test('the qualification bundles its core-task and work-process records', () => {
    const qualification = JSON.parse(records.find((r) => r.level === 'qualification')!.credential)
    const bundled = (qualification.evidence as Array<{ id: string }>).map((e) => e.id)
    const parts = records.filter((r) => r.level !== 'qualification')
    expect(bundled.sort()).toEqual(parts.map((p) => JSON.parse(p.credential).id).sort())
  })

  test('a recertification policy sets validUntil (and exp); bundles never outlive their parts', () => {
    const k3w2 = JSON.parse(records.find((r) => r.code === 'TL-K3-W2')!.credential) as Credential
    expect(Date.parse(k3w2.validUntil!) - Date.parse(k3w2.validFrom)).toBeGreaterThan(
      1000 * 86400 * 365 * 2.9,
    )
    const k3 = JSON.parse(records.find((r) => r.code === 'TL-K3')!.credential) as Credential
    expect(k3.validUntil! <= k3w2.validUntil!).toBe(true)
    const k2 = JSON.parse(records.find((r) => r.code === 'TL-K2')!.credential) as Credential
    expect(k2.validUntil).toBeUndefined()
  })

  test("the learner's list and a record's page name the achievement in both languages", async () => {
    const nl = await listRecords(learnerId, 'nl')
    const en = await listRecords(learnerId, 'en')
    const wp = await prisma.workProcess.findFirstOrThrow({ where: { code: 'TL-K2-W3' } })
    expect(nl.find((r) => r.code === 'TL-K2-W3')?.title).toBe(wp.titleNl)
    expect(en.find((r) => r.code === 'TL-K2-W3')?.title).toBe(wp.titleEn)
    const qualification = nl.find((r) => r.level === 'qualification')!
    expect(qualification.title).toBe('Contactcenter teamleider')
    const view = (await getRecordView(qualification.id, 'en'))!
    expect(view.title).toBe('Contact centre team leader')
    expect(view.bundled).toHaveLength(records.length - 1)
    // Bundled records are named from their own rows, in the reader's language.
    expect(view.bundled).toContainEqual({
      id: records.find((r) => r.code === 'TL-K2-W3')!.id,
      code: 'TL-K2-W3',
      name: wp.titleEn,
    })
  })

  test('issuing again changes nothing', async () => {
    const { issueDueRecords } = await import('./issue-records.server.ts')
    const again = await prisma.$transaction((tx) => issueDueRecords(tx, learnerId, TL))
    expect(again).toEqual([])
  })
})

describe('verification', () => {
  test('an issued record is valid, by id, by JWT and by its exact JSON', async () => {
    const r = records.find((x) => x.code === 'TL-K1-W1')!
    expect((await getRecordView(r.id, 'nl'))?.status).toBe('valid')
    expect((await verifyText(r.jwt)).status).toBe('valid')
    expect((await verifyText(r.credential)).status).toBe('valid')
  })

  test('a tampered credential is not authentic', async () => {
    const r = records.find((x) => x.code === 'TL-K1-W2')!
    const [header, payload, signature] = r.jwt.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    claims.credentialSubject.identifier[0].identityHash = 'Iemand Anders'
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    expect(await verifyJwt(forged)).toMatchObject({ status: 'not_authentic', reason: 'signature' })
    // With its Data Integrity proof: the proof no longer matches.
    const json = JSON.parse(r.credential)
    json.credentialSubject.identifier[0].identityHash = 'Iemand Anders'
    expect(await verifyText(JSON.stringify(json))).toMatchObject({
      status: 'not_authentic',
      reason: 'signature',
      method: 'data_integrity',
    })
    // Without a proof: only the register can tell, and it differs.
    const { proof: _proof, ...bare } = json
    expect(await verifyText(JSON.stringify(bare))).toMatchObject({
      status: 'not_authentic',
      reason: 'differs',
      method: 'register',
    })
    expect((await verifyText('geen bewijs')).status).toBe('not_authentic')
  })

  test('an expired record reports expired', async () => {
    const r = records.find((x) => x.code === 'TL-K3-W2')!
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(Date.now() + 1000 * 86400 * 365 * 4))
    expect((await getRecordView(r.id, 'nl'))?.status).toBe('expired')
  })

  test('only an admin of the issuing organisation or a platform admin may revoke; revoked shows with reason', async () => {
    const r = await prisma.completionRecord.findFirstOrThrow({
      where: { userId: learnerId, code: 'TL-K4-W1' },
    })
    expect(await mayRevoke({ id: learnerId, isPlatformAdmin: false }, r)).toBe(false)
    expect(await mayRevoke({ id: employerAdmin, isPlatformAdmin: false }, r)).toBe(true)
    const outsider = (await makeMember((await makeOrganisation()).id, ['employer_admin'])).user.id
    expect(await mayRevoke({ id: outsider, isPlatformAdmin: false }, r)).toBe(false)
    expect(r.organisationId).toBe(orgId)

    await revokeRecord({ recordId: r.id, actorId: employerAdmin, reason: 'Fraude bij de proeve' })
    await expect(
      revokeRecord({ recordId: r.id, actorId: employerAdmin, reason: 'nogmaals' }),
    ).rejects.toBeInstanceOf(AlreadyRevoked)
    const v = await getRecordView(r.id, 'nl')
    expect(v).toMatchObject({ status: 'revoked', revocation: { reason: 'Fraude bij de proeve' } })
    expect((await verifyText(r.jwt)).status).toBe('revoked')
  })
})

describe('records from before Data Integrity proofs', () => {
  test('get a proof-bearing form under the same id; their VC-JWT stays as it was', async () => {
    const { addProofsToOlderRecords } = await import('./sign-record.server.ts')
    const { profileUrl } = await import('./issuer.server.ts')
    const r = records.find((x) => x.code === 'TL-K1-W3')!
    // As such a record was stored: the JWT's credential without proof or status, named by
    // the /issuer profile, and no proof-bearing form.
    const { proof: _proof, credentialStatus: _status, ...old } = JSON.parse(r.credential)
    await prisma.completionRecord.update({
      where: { id: r.id },
      data: {
        credential: JSON.stringify({ ...old, issuer: { ...old.issuer, id: profileUrl() } }),
        dataIntegrity: null,
        statusListId: null,
        statusListIndex: null,
      },
    })
    expect(await addProofsToOlderRecords()).toBe(1)
    expect(await addProofsToOlderRecords()).toBe(0)
    const row = await prisma.completionRecord.findUniqueOrThrow({ where: { id: r.id } })
    expect(row.jwt).toBe(r.jwt)
    const form = JSON.parse(row.dataIntegrity!) as Credential & { proof: object }
    expect(form.id).toBe(old.id)
    expect(form.issuer.id).toMatch(/^did:web:/)
    expect(form.credentialStatus).toMatchObject({ statusListIndex: String(row.statusListIndex) })
    expect(await verifyText(row.dataIntegrity!)).toMatchObject({
      status: 'valid',
      method: 'data_integrity',
      statusListRevoked: false,
    })
  })
})

describe('the did:web document', () => {
  test('keeps every key after a rotation, both kinds, all usable for assertions', async () => {
    const { didDocument } = await import('./did-web.server.ts')
    const { rotateSigningKey } = await import('./signing-keys.server.ts')
    const before = (await didDocument()).verificationMethod.map((m) => m.id)
    await rotateSigningKey()
    const r = await prisma.completionRecord.findFirstOrThrow({
      where: { userId: learnerId, revocation: null, code: 'TL-K1-W1' },
    })
    // A record signed before the rotation still verifies in both forms.
    expect((await verifyText(r.jwt)).status).toBe('valid')
    expect((await verifyText(r.dataIntegrity!)).status).toBe('valid')
    const after = await didDocument()
    expect(after.verificationMethod.map((m) => m.id)).toEqual(expect.arrayContaining(before))
    expect(after.assertionMethod).toEqual(after.verificationMethod.map((m) => m.id))
  })
})
