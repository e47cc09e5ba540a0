import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createClient } from './db.server.ts'
import { copyDatabase } from './db-copy.server.ts'
import { TABLES } from './db-tables.server.ts'
import { toJsonList } from './utils/json-list.ts'
import { readFramework } from '#app/content/dossier-files.server.ts'
import { importFramework } from '#app/domain/dossier-import.server.ts'
import { ModelName } from '#app/generated/prisma/internal/prismaNamespace.ts'
import { dossierFixture, replaceOnce } from '#tests/dossier-fixtures.ts'
import {
  freshSqliteUrl,
  onPostgresServer,
  postgresUrlFor,
  testEngine,
} from '#tests/test-database.ts'

test('the table list covers every model of the schema', () => {
  const models = Object.values(ModelName).map((m) => m[0]!.toLowerCase() + m.slice(1))
  expect(TABLES.map((t) => t.model).sort()).toEqual(models.sort())
})

describe.runIf(testEngine === 'postgresql')('copying a site from SQLite to PostgreSQL', () => {
  test('keeps every row of every table', { timeout: 180_000 }, async () => {
    const from = freshSqliteUrl()
    // A realistic site: what `npm start` loads (dossiers, demo organisations and people)...
    const setup = spawnSync(path.resolve('node_modules', '.bin', 'tsx'), ['app/cli/setup.ts'], {
      env: { ...process.env, DATABASE_URL: from },
      encoding: 'utf8',
    })
    expect(setup.status, setup.stderr).toBe(0)
    const source = createClient(from)
    // ...plus a row in every other table, and a second version of a dossier, so ids, dates
    // and links all have to survive the move.
    const user = await source.user.findFirstOrThrow({
      where: { email: 'werkgever@noord.demo.test' },
    })
    const organisation = await source.organisation.findFirstOrThrow()
    const soon = new Date(Date.now() + 3_600_000)
    await source.session.create({ data: { id: 'a'.repeat(64), userId: user.id, expiresAt: soon } })
    await source.invitation.create({
      data: {
        organisationId: organisation.id,
        email: 'nieuw@example.test',
        roles: toJsonList(['learner']),
        tokenHash: 'b'.repeat(64),
        expiresAt: soon,
        invitedById: user.id,
      },
    })
    await source.passwordResetToken.create({
      data: { userId: user.id, tokenHash: 'c'.repeat(64), expiresAt: soon },
    })
    await source.rateLimitCounter.create({
      data: { key: 'login:address:1.2.3.4', windowStart: new Date(), count: 3 },
    })
    await source.reflection.create({
      data: {
        userId: user.id,
        lessonKey: 'tl-k2-w3-coachgesprek',
        reflectionKey: 'eigen-aanpak',
        text: 'Eerst luisteren.',
      },
    })
    await source.email.create({
      data: { to: 'x@example.test', subject: 'Hallo', text: 'Tekst', transport: 'outbox' },
    })
    await source.recordRevocation.create({
      data: {
        recordId: (await source.completionRecord.findFirstOrThrow()).id,
        revokedById: user.id,
        reason: 'Uitgegeven aan de verkeerde medewerker',
      },
    })
    await source.recordSuspension.create({
      data: {
        recordId: (await source.completionRecord.findFirstOrThrow({ skip: 1 })).id,
        suspendedById: user.id,
        reason: 'Onderzoek naar de beoordeling',
      },
    })
    // A record on its way into a wallet: the offer, its access token, a nonce (hashes only).
    await source.walletOffer.create({
      data: {
        id: '1'.repeat(64),
        recordId: (await source.completionRecord.findFirstOrThrow()).id,
        userId: user.id,
        codeHash: '2'.repeat(64),
        pinHash: '3'.repeat(64),
        expiresAt: soon,
        accessTokens: { create: { tokenHash: '4'.repeat(64), expiresAt: soon } },
      },
    })
    await source.walletNonce.create({ data: { nonceHash: '5'.repeat(64), expiresAt: soon } })
    // The identity bridges: a linked SSO identity, a login under way, a provisioned profile.
    await source.ssoIdentity.create({
      data: { issuer: 'https://login.example.test/tenant', subject: 'sub-1', userId: user.id },
    })
    await source.ssoLoginAttempt.create({
      data: {
        id: 'd'.repeat(64),
        organisationId: organisation.id,
        codeVerifier: 'verifier',
        nonce: 'nonce',
        redirectTo: '/dashboard',
        expiresAt: soon,
      },
    })
    // LTI: the tool key, a registration link, a login and a deep-linking choice under way.
    const ltiPlatform = await source.ltiPlatform.findFirstOrThrow()
    await source.ltiToolKey.create({
      data: { kid: 'lti-kid', publicJwk: '{}', sealedPrivateKey: 'sealed', kekId: 'kek' },
    })
    await source.ltiRegistrationInvite.create({
      data: {
        id: 'e'.repeat(64),
        organisationId: organisation.id,
        createdById: user.id,
        expiresAt: soon,
      },
    })
    await source.ltiLoginState.create({
      data: {
        id: 'f'.repeat(64),
        platformId: ltiPlatform.id,
        nonce: 'nonce',
        targetLinkUri: 'http://localhost:3000/courses/tl-k2-coachen',
        expiresAt: soon,
      },
    })
    await source.ltiDeepLinkingRequest.create({
      data: {
        platformId: ltiPlatform.id,
        deploymentId: '1',
        userId: user.id,
        returnUrl: 'https://academy.example/mod/lti/contentitem_return.php',
        acceptMultiple: true,
        expiresAt: soon,
      },
    })
    const membership = await source.membership.findFirstOrThrow({ where: { userId: user.id } })
    await source.scimProfile.upsert({
      where: { membershipId: membership.id },
      create: {
        membershipId: membership.id,
        organisationId: membership.organisationId,
        externalId: 'entra-object-1',
        department: 'Team Service',
      },
      update: {},
    })
    await source.scimSettings.upsert({
      where: { organisationId: organisation.id },
      create: { organisationId: organisation.id, brandAttribute: 'division' },
      update: {},
    })
    // A call recording arriving in parts: the upload and one stored part.
    await source.upload.create({
      data: {
        userId: user.id,
        fileName: 'gesprek.mp3',
        size: 9 * 1024 * 1024,
        partSize: 8 * 1024 * 1024,
        objectKey: 'e'.repeat(32),
        storageUploadId: 'f'.repeat(32),
        parts: { create: { partNumber: 1, size: 8 * 1024 * 1024, etag: '"etag-1"' } },
      },
    })
    await source.job.create({
      data: {
        name: 'email.deliver',
        key: 'email.deliver:x',
        payload: '{"emailId":"x"}',
        maxAttempts: 5,
        backoffSeconds: 30,
      },
    })
    await source.jobKey.create({
      data: { key: 'assignments.remind:2026-12-01', name: 'assignments.remind', jobId: 'j1' },
    })
    // A content package with one activity, a learner's attempt and launch, an xAPI state
    // document, and an organisation's LRS with one delivered statement (#21).
    const lesson = await source.lesson.findFirstOrThrow()
    const contentPackage = await source.contentPackage.create({
      data: {
        courseId: 'pakket-gesprekstechniek',
        standard: 'scorm12',
        title: 'Gesprekstechniek',
        manifest: '[]',
        zipHash: '6'.repeat(64),
        fileCount: 1,
        totalBytes: 120,
        files: {
          create: {
            path: 'index.html',
            objectKey: '7'.repeat(32),
            size: 120,
            contentType: 'text/html',
          },
        },
      },
    })
    await source.packageActivity.create({
      data: {
        lessonId: lesson.id,
        packageId: contentPackage.id,
        identifier: 'sco-1',
        launchPath: 'index.html',
      },
    })
    await source.packageAttempt.create({
      data: {
        userId: user.id,
        lessonKey: lesson.lessonKey,
        lessonId: lesson.id,
        registration: '0f8c5f2e-8a3b-4c1d-9e2f-123456789abc',
        launches: { create: { contentTokenHash: '8'.repeat(64), expiresAt: soon } },
      },
    })
    await source.xapiDocument.create({
      data: {
        scopeKey: '9'.repeat(64),
        kind: 'state',
        userId: user.id,
        activityId: 'https://leerplein.example/au/1',
        documentId: 'LMS.LaunchData',
        contentType: 'application/json',
        content: Buffer.from('{"launchMode":"Normal"}'),
        etag: 'a'.repeat(40),
      },
    })
    const event = await source.learningEvent.findFirstOrThrow()
    await source.lrsForwarding.create({
      data: {
        organisationId: organisation.id,
        endpoint: 'https://lrs.example.nl/xapi/',
        username: 'leerplein',
        secretSealed: 'sealed',
        deliveries: { create: { eventId: event.id } },
      },
    })
    await source.erasureRequest.create({
      data: { userId: user.id, organisationId: organisation.id, requestedById: user.id },
    })
    // The demo gives Klantcontact Noord its own periods already; any first organisation has one.
    await source.retentionPolicy.upsert({
      where: { organisationId: organisation.id },
      update: {},
      create: {
        organisationId: organisation.id,
        examEvidenceMonths: 18,
        learningEventMonths: 36,
        evaluationMonths: 24,
        kpiMonths: 24,
      },
    })
    await source.legalHold.create({
      data: {
        organisationId: organisation.id,
        userId: user.id,
        reason: 'Bezwaarprocedure examen',
        placedById: user.id,
      },
    })
    await source.accessLogEntry.create({
      data: { userId: user.id, viewedById: user.id, kind: 'staff.detail' },
    })
    const reworded = dossierFixture({
      'contactcenter-teamleider.yaml': replaceOnce('level: 4', 'level: 3'),
    })
    await importFramework(await readFramework(reworded), source)

    const name = `copy_target_${Date.now()}`
    await onPostgresServer(`CREATE DATABASE "${name}"`)
    const to = postgresUrlFor(name)
    const report = await copyDatabase(from, to)

    expect(report.map((r) => r.table)).toEqual(TABLES.map((t) => t.model))
    for (const row of report) {
      expect(row.source, row.table).toBeGreaterThan(0)
      expect(row.target, row.table).toBe(row.source)
    }
    const target = createClient(to)
    const spotCheck = (client: typeof source) =>
      client.workProcess.findMany({
        where: { code: 'TL-K2-W3' },
        orderBy: { dossier: { version: 'asc' } },
        include: {
          dossier: true,
          indicators: { orderBy: { position: 'asc' } },
          competencies: { orderBy: { position: 'asc' } },
        },
      })
    const copied = await spotCheck(target)
    expect(copied).toHaveLength(2)
    expect(copied).toEqual(await spotCheck(source))
    const people = (client: typeof source) =>
      client.membership.findMany({
        where: { organisation: { slug: 'callforce' } },
        orderBy: { id: 'asc' },
        include: {
          user: true,
          roles: true,
          teams: { include: { team: { include: { client: true } } } },
        },
      })
    expect(await people(target)).toEqual(await people(source))
    const published = (client: typeof source) =>
      client.course.findMany({
        orderBy: { id: 'asc' },
        include: { currentVersion: { include: { lessons: { orderBy: { position: 'asc' } } } } },
      })
    expect(await published(target)).toEqual(await published(source))

    // Copying into a database that already has rows is refused and changes nothing.
    await expect(copyDatabase(from, to)).rejects.toThrow(/not empty/)
    expect(await target.user.count()).toBe(await source.user.count())
    expect(await target.dossier.count()).toBe(await source.dossier.count())
    await Promise.all([source.$disconnect(), target.$disconnect()])
  })
})
