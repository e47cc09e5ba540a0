import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import * as uploadPage from '#app/routes/trainer/package-import.tsx'
import * as mappingPage from '#app/routes/trainer/package-mapping.tsx'
import * as trainerHome from '#app/routes/trainer/index.tsx'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest, multipartRequest } from '#tests/route-call.ts'
import { packageFolder, zipFolder } from '#tests/packages/install-package.ts'

/**
 * The trainer's package pages through their routes: upload (400 with the manifest's
 * file:line problems), the mapping form (field errors, prefill for a new version), and the
 * course list, for the right organisation only.
 */
let org: Awaited<ReturnType<typeof makeOrganisation>>
let trainer: { id: string; cookie: string }

async function person(roles: Parameters<typeof makeMember>[1], organisationId = org.id) {
  const member = await makeMember(organisationId, roles)
  return { id: member.user.id, cookie: await cookieFor(member.user.id) }
}

function upload(zip: Uint8Array, fields: Record<string, string> = {}, cookie = trainer.cookie) {
  const form = new FormData()
  form.set('file', new File([Buffer.from(zip)], 'pakket.zip', { type: 'application/zip' }))
  form.set('owner', org.id)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return multipartRequest('/trainer/packages/import', form, { cookie }).then((request) =>
    call(uploadPage.action, request),
  )
}

const mapping = (packageId: string, cookie = trainer.cookie) =>
  call(mappingPage.loader, getRequest(`/trainer/packages/${packageId}`, cookie), { packageId })

function publish(packageId: string, fields: Record<string, string | string[]>) {
  return call(
    mappingPage.action,
    formRequest(
      `/trainer/packages/${packageId}`,
      { dossierSlug: 'contactcenter-teamleider', ...fields },
      { cookie: trainer.cookie },
    ),
    { packageId },
  )
}

beforeAll(async () => {
  await importDossierFolder()
  org = await makeOrganisation()
  trainer = await person(['trainer'])
})

test('a package with a missing launch file answers 400 with the manifest’s file:line problem', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-'))
  fs.cpSync(packageFolder('scorm12-gesprek'), folder, { recursive: true })
  fs.rmSync(path.join(folder, 'index.html'))
  const refused = await upload(zipFolder(folder))
  expect(refused.status).toBe(400)
  expect(refused.data).toEqual({
    errors: { file: ['imsmanifest.xml:19:5 the launch file "index.html" is not in the zip'] },
  })
  const empty = await upload(new Uint8Array())
  expect(empty).toMatchObject({
    status: 400,
    data: { errors: { file: ['packageAuthoring.zipRequired'] } },
  })
  const learner = await person(['learner'])
  expect(
    (await upload(zipFolder(packageFolder('scorm12-gesprek')), {}, learner.cookie)).status,
  ).toBe(403)
  expect(await prisma.contentPackage.count({ where: { organisationId: org.id } })).toBe(0)
})

test('upload, map, publish; a new version is prefilled and shown in the course list', async () => {
  const uploaded = await upload(zipFolder(packageFolder('scorm12-gesprek')))
  expect(uploaded.location).toMatch(/^\/trainer\/packages\/\w+$/)
  const packageId = uploaded.location!.split('/').at(-1)!

  const page = await mapping(packageId)
  expect(page.status).toBe(200)
  expect(page.data).toMatchObject({
    standard: 'SCORM 1.2',
    dossierSlug: 'contactcenter-teamleider',
    pkg: {
      title: 'Het functioneringsgesprek voeren',
      activities: [
        {
          identifier: 'gesprek-voorbereiden',
          title: 'Een functioneringsgesprek voorbereiden',
          launchPath: 'index.html',
          masteryScore: 70,
        },
      ],
      defaults: {},
    },
  })
  // Another organisation's trainer does not see it at all.
  const outsider = await person(['trainer'], (await makeOrganisation()).id)
  expect((await mapping(packageId, outsider.cookie)).status).toBe(404)

  const wrong = await publish(packageId, { 'wp-0': ['TL-K9-W9'], 'done-0': 'score', 'min-0': '' })
  expect(wrong.status).toBe(400)
  expect(wrong.data).toEqual({
    errors: {
      'activity-0': ['packageAuthoring.workProcessUnknown', 'packageAuthoring.minScoreInvalid'],
    },
  })
  const done = await publish(packageId, {
    'wp-0': ['TL-K2-W3', 'TL-K1-W1'],
    'done-0': 'score',
    'min-0': '70',
  })
  expect(done.status).toBe(302)
  const { courseId } = await prisma.contentPackage.findUniqueOrThrow({ where: { id: packageId } })
  expect(
    await prisma.auditEvent.findMany({
      where: { subjectId: courseId },
      orderBy: { createdAt: 'asc' },
      select: { action: true, actorId: true },
    }),
  ).toEqual([
    { action: 'package.uploaded', actorId: trainer.id },
    { action: 'package.published', actorId: trainer.id },
  ])

  const again = await upload(zipFolder(packageFolder('scorm12-gesprek')), { courseId })
  const nextId = again.location!.split('/').at(-1)!
  expect((await mapping(nextId)).data).toMatchObject({
    pkg: {
      previousVersion: 1,
      defaults: {
        'gesprek-voorbereiden': {
          workProcessCodes: expect.arrayContaining(['TL-K1-W1', 'TL-K2-W3']),
          doneWhen: 'score',
          minScore: 70,
        },
      },
    },
  })
  const home = await call(trainerHome.loader, getRequest('/trainer', trainer.cookie))
  expect((home.data as { packages: unknown[] }).packages).toEqual([
    expect.objectContaining({
      courseId,
      standard: 'SCORM 1.2',
      versions: [1],
      currentVersion: 1,
      pendingPackageId: nextId,
    }),
  ])
})
