import { DEMO_PACKAGE_FOLDER } from '#app/demo/demo-packages.server.ts'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { findPublishedLesson, recordCompletion } from '#app/domain/progress.server.ts'
import { objectStorage, useObjectStorage } from '#app/storage/object-storage.server.ts'
import type { ObjectStorage } from '#app/storage/object-storage.ts'
import { makeOrganisation, makeUser } from '#tests/factories.ts'
import { installPackage, packageFolder, zipFolder } from '#tests/packages/install-package.ts'
import { PACKAGE_MAX_ENTRIES } from './package-zip.server.ts'
import { publishPackage, storePackage } from './package-import.server.ts'

/**
 * Importing packages end to end on the local disk storage and a real database: the zip is
 * checked, every file lands in storage with a row, publishing makes a course version whose
 * lessons keep their keys (and the learners' progress) across uploads.
 */
let org: Awaited<ReturnType<typeof makeOrganisation>>
let trainer: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  await importDossierFolder()
  org = await makeOrganisation()
  trainer = await makeUser('Peter Trainer')
})
afterEach(() => useObjectStorage(undefined))

async function readObject(key: string) {
  const stored = await objectStorage().read(key)
  const chunks: Buffer[] = []
  for await (const chunk of stored!.body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const store = (zip: Uint8Array, courseId?: string) =>
  storePackage({ zip, organisationId: org.id, courseId, uploadedById: trainer.id })

describe('storePackage', () => {
  test('stores every file of a SCORM 1.2 package under a random key, with its content type', async () => {
    const stored = await store(zipFolder(packageFolder('scorm12-gesprek')))
    expect(stored.ok).toBe(true)
    if (!stored.ok) return
    const pkg = await prisma.contentPackage.findUniqueOrThrow({
      where: { id: stored.packageId },
      include: { files: { orderBy: { path: 'asc' } } },
    })
    expect(pkg).toMatchObject({
      standard: 'scorm12',
      title: 'Het functioneringsgesprek voeren',
      organisationId: org.id,
      courseVersionId: null,
      fileCount: 4,
    })
    expect(pkg.courseId).toMatch(/^pkg-het-functioneringsgesprek-voeren-[0-9a-f]{6}$/)
    expect(pkg.files.map((f) => [f.path, f.contentType])).toEqual([
      ['imsmanifest.xml', 'application/xml'],
      ['index.html', 'text/html; charset=utf-8'],
      ['les.css', 'text/css; charset=utf-8'],
      ['les.js', 'text/javascript; charset=utf-8'],
    ])
    const index = pkg.files.find((f) => f.path === 'index.html')!
    expect(index.objectKey).toMatch(/^[0-9a-f]{32}$/)
    expect(await readObject(index.objectKey)).toBe(
      fs.readFileSync(path.join(packageFolder('scorm12-gesprek'), 'index.html'), 'utf8'),
    )
    const trail = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'package.uploaded', subjectId: pkg.courseId },
    })
    expect(trail.actorId).toBe(trainer.id)
  })

  test('a zip with a way out, too many entries, or a broken manifest is refused and nothing is stored', async () => {
    const before = await prisma.contentPackage.count()
    const traversal = zipSync({
      'imsmanifest.xml': strToU8('<manifest/>'),
      '../evil.html': strToU8('x'),
    })
    expect(await store(traversal)).toEqual({
      ok: false,
      field: 'file',
      problems: ['"../evil.html" is not a plain path inside the zip (empty, . or .. segment)'],
    })
    const many: Record<string, Uint8Array> = {}
    for (let i = 0; i <= PACKAGE_MAX_ENTRIES; i++) many[`f${i}.txt`] = new Uint8Array()
    expect(await store(zipSync(many))).toEqual({
      ok: false,
      field: 'file',
      problems: ['the zip holds 5001 entries; at most 5000'],
    })
    expect(await store(zipSync({ 'index.html': strToU8('<p>hoi</p>') }))).toEqual({
      ok: false,
      field: 'file',
      problems: ['the zip holds no imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at its root'],
    })
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-'))
    fs.cpSync(packageFolder('scorm12-gesprek'), folder, { recursive: true })
    fs.rmSync(path.join(folder, 'index.html'))
    expect(await store(zipFolder(folder))).toEqual({
      ok: false,
      field: 'file',
      problems: ['imsmanifest.xml:19:5 the launch file "index.html" is not in the zip'],
    })
    expect(await store(strToU8('geen zip'))).toEqual({
      ok: false,
      field: 'file',
      problems: ['this is not a zip file'],
    })
    expect(await prisma.contentPackage.count()).toBe(before)
  })

  test('when storage fails halfway, the objects already stored are removed and no row is written', async () => {
    const real = objectStorage()
    const keys: string[] = []
    const deleted: string[] = []
    const failing: ObjectStorage = Object.create(real) as ObjectStorage
    failing.put = async (body, size) => {
      if (keys.length === 2) throw new Error('disk full')
      const key = await real.put(body, size)
      keys.push(key)
      return key
    }
    failing.delete = async (key) => {
      deleted.push(key)
      await real.delete(key)
    }
    useObjectStorage(failing)
    const before = await prisma.packageFile.count()
    await expect(store(zipFolder(DEMO_PACKAGE_FOLDER))).rejects.toThrow('disk full')
    expect(deleted.sort()).toEqual([...keys].sort())
    expect(await real.read(keys[0]!)).toBeNull()
    expect(await prisma.packageFile.count()).toBe(before)
  })

  test('a cmi5 package inside one top folder', async () => {
    const zip = zipSync({
      'coachen/cmi5.xml': strToU8(`<?xml version="1.0"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://leerplein.example/cmi5/coachen">
    <title><langstring lang="nl-NL">Coachen</langstring></title>
    <description><langstring lang="nl-NL">Coachen op de vloer</langstring></description>
  </course>
  <au id="https://leerplein.example/cmi5/coachen/au1" moveOn="Passed" masteryScore="0.8">
    <title><langstring lang="nl-NL">Feedback geven</langstring></title>
    <description><langstring lang="nl-NL">x</langstring></description>
    <url>au/index.html</url>
  </au>
</courseStructure>`),
      'coachen/au/index.html': strToU8('<p>AU</p>'),
    })
    const { courseId } = await installPackage(zip, { organisationId: org.id, doneWhen: 'passed' })
    const activity = await prisma.packageActivity.findFirstOrThrow({
      where: { package: { courseId } },
      include: { lesson: true, package: { include: { files: true } } },
    })
    expect(activity).toMatchObject({
      identifier: 'https://leerplein.example/cmi5/coachen/au1',
      launchPath: 'au/index.html',
      masteryScore: 80,
      moveOn: 'Passed',
      doneWhen: 'passed',
    })
    expect(activity.lesson.lessonKey).toMatch(
      new RegExp(`^${courseId}--https-leerplein-example-cmi5-coachen-au1-[0-9a-f]{8}$`),
    )
    expect(activity.package.files.map((f) => f.path).sort()).toEqual(['au/index.html', 'cmi5.xml'])
  })
})

describe('publishPackage', () => {
  test('publishes a course version with one package lesson per SCO, mapped to work processes', async () => {
    const { courseId, version } = await installPackage(DEMO_PACKAGE_FOLDER, {
      organisationId: org.id,
      workProcessCodes: ['TL-K2-W3', 'TL-K1-W1'],
      doneWhen: 'score',
      minScore: 75,
      userId: trainer.id,
    })
    expect(version).toBe(1)
    const course = await prisma.course.findUniqueOrThrow({
      where: { id: courseId },
      include: {
        currentVersion: {
          include: { lessons: { include: { workProcesses: true, packageActivity: true } } },
        },
      },
    })
    expect(course.source).toBe('package')
    expect(course.organisationId).toBe(org.id)
    expect(course.currentVersion).toMatchObject({
      version: 1,
      dossierSlug: 'contactcenter-teamleider',
      titleNl: 'Een klacht de-escaleren',
      languages: '["nl"]',
      publishedById: trainer.id,
    })
    const [lesson] = course.currentVersion!.lessons
    expect(lesson).toMatchObject({
      lessonKey: `${courseId}--klacht-deescaleren`,
      type: 'package',
      titleNl: 'Een boze klant terug naar de inhoud brengen',
      codeNlHash: null,
      competencies: '[]',
      sourceFile: 'index.html',
    })
    expect(lesson!.workProcesses.map((w) => w.workProcessCode).sort()).toEqual([
      'TL-K1-W1',
      'TL-K2-W3',
    ])
    expect(lesson!.packageActivity).toMatchObject({
      identifier: 'klacht-deescaleren',
      doneWhen: 'score',
      minScore: 75,
      masteryScore: 80,
    })
    expect(
      await prisma.auditEvent.count({
        where: { action: 'package.published', subjectId: courseId },
      }),
    ).toBe(1)
  })

  test('unknown work processes and a missing score are field errors; nothing is published', async () => {
    const stored = await store(zipFolder(packageFolder('scorm12-gesprek')))
    if (!stored.ok) throw new Error('stored')
    const outcome = await publishPackage({
      packageId: stored.packageId,
      dossierSlug: 'contactcenter-teamleider',
      mapping: [
        {
          identifier: 'gesprek-voorbereiden',
          workProcessCodes: ['TL-K9-W9'],
          doneWhen: 'score',
          minScore: null,
        },
      ],
      publishedById: trainer.id,
    })
    expect(outcome).toEqual({
      ok: false,
      errors: {
        'gesprek-voorbereiden': [
          'packageAuthoring.workProcessUnknown',
          'packageAuthoring.minScoreInvalid',
        ],
      },
    })
    expect(
      await publishPackage({
        packageId: stored.packageId,
        dossierSlug: 'geen-dossier',
        mapping: [],
        publishedById: trainer.id,
      }),
    ).toEqual({
      ok: false,
      errors: {
        dossierSlug: ['packageAuthoring.dossierUnknown'],
        'gesprek-voorbereiden': ['packageAuthoring.workProcessRequired'],
      },
    })
    expect(await prisma.course.count({ where: { id: stored.courseId } })).toBe(0)
  })

  test('a new activity whose plain lesson key another course holds gets the hashed key', async () => {
    const stored = await store(zipFolder(packageFolder('scorm12-gesprek')))
    if (!stored.ok) throw new Error('stored')
    const plain = `${stored.courseId}--gesprek-voorbereiden`
    // Another course's lesson that happens to hold that key (keys are global: progress hangs on them).
    const other = await installPackage(packageFolder('scorm12-gesprek'), { organisationId: org.id })
    await prisma.lesson.updateMany({
      where: { courseVersion: { courseId: other.courseId } },
      data: { lessonKey: plain },
    })
    const published = await publishPackage({
      packageId: stored.packageId,
      dossierSlug: 'contactcenter-teamleider',
      mapping: [
        {
          identifier: 'gesprek-voorbereiden',
          workProcessCodes: ['TL-K2-W3'],
          doneWhen: 'completed',
          minScore: null,
        },
      ],
      publishedById: trainer.id,
    })
    expect(published).toMatchObject({ ok: true, version: 1 })
    const lesson = await prisma.lesson.findFirstOrThrow({
      where: { courseVersion: { courseId: stored.courseId } },
      select: { lessonKey: true },
    })
    expect(lesson.lessonKey).toMatch(new RegExp(`^${plain}-[0-9a-f]{8}$`))
  })

  test('a new upload is the next version: lesson keys stay, and so does the learner’s progress', async () => {
    const first = await installPackage(packageFolder('scorm12-gesprek'), { organisationId: org.id })
    const learner = await makeUser('Lotte Leerling')
    const v1Key = `${first.courseId}--gesprek-voorbereiden`
    const lesson = await findPublishedLesson(v1Key)
    await recordCompletion(learner.id, lesson!, 'package')

    const second = await installPackage(packageFolder('scorm12-gesprek'), {
      organisationId: org.id,
      courseId: first.courseId,
      doneWhen: 'passed',
    })
    expect(second).toMatchObject({ courseId: first.courseId, version: 2 })
    const current = await prisma.course.findUniqueOrThrow({
      where: { id: first.courseId },
      select: {
        currentVersion: { select: { version: true, lessons: { select: { lessonKey: true } } } },
      },
    })
    expect(current.currentVersion).toEqual({ version: 2, lessons: [{ lessonKey: v1Key }] })
    expect(
      await prisma.lessonCompletion.findUnique({
        where: { userId_lessonKey: { userId: learner.id, lessonKey: v1Key } },
        select: { courseId: true },
      }),
    ).toEqual({ courseId: first.courseId })
    expect(
      await prisma.workProcessStatus.findMany({
        where: { userId: learner.id },
        select: { workProcessCode: true, step: true },
      }),
    ).toEqual([{ workProcessCode: 'TL-K2-W3', step: expect.any(Number) }])

    // Someone else's course, or a course that is not a package, cannot get a new version.
    const other = await makeOrganisation()
    expect(
      await storePackage({
        zip: zipFolder(packageFolder('scorm12-gesprek')),
        organisationId: other.id,
        courseId: first.courseId,
        uploadedById: trainer.id,
      }),
    ).toEqual({ ok: false, field: 'course', problems: ['packageAuthoring.courseInvalid'] })
  })
})
