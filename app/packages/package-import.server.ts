import { getDossierOutline } from '#app/domain/dossiers.server.ts'
import { createHash, randomBytes } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import { formatProblem } from '#app/content/content-error.ts'
import { slugify } from '#app/authoring/drafts.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'
import { DONE_WHEN, type DoneWhen } from './done-rule.ts'
import { findManifest, NO_MANIFEST, parseManifest } from './manifest/detect.ts'
import type { ParsedManifest } from './manifest/manifest-types.ts'
import { contentTypeOf } from './content-type.ts'
import { openPackageZip } from './package-zip.server.ts'

/**
 * Importing a SCORM or cmi5 package (#21, decision 031) in two steps, like a trainer does it:
 * `storePackage` checks the zip and its manifest and puts every file in object storage (a
 * ContentPackage that is not yet a course version); `publishPackage` takes the trainer's
 * mapping of each SCO/AU to work processes and a done rule and publishes the package as the
 * next version of its course, one lesson (type "package") per activity. Lesson keys follow
 * the activity's identifier across versions, so learners keep their progress.
 */

export type StoreOutcome =
  | { ok: true; packageId: string; courseId: string }
  /** `problems` are printable lines, e.g. `imsmanifest.xml:12:5 the launch file … is not in the zip`. */
  | { ok: false; field: 'file' | 'course'; problems: string[] }

export async function storePackage(input: {
  zip: Uint8Array
  organisationId: string | null
  /** A new version of this package course; a new course when absent. */
  courseId?: string
  uploadedById: string | null
}): Promise<StoreOutcome> {
  const refuse = (field: 'file' | 'course', ...problems: string[]) =>
    ({ ok: false, field, problems }) as const
  if (input.courseId) {
    const course = await prisma.course.findUnique({
      where: { id: input.courseId },
      select: { source: true, organisationId: true },
    })
    if (!course || course.source !== 'package' || course.organisationId !== input.organisationId) {
      return refuse('course', 'packageAuthoring.courseInvalid')
    }
  }
  const opened = await openPackageZip(input.zip)
  if (!opened.ok) return refuse('file', opened.message)
  const { zip } = opened
  const storage = objectStorage()
  const stored: Array<{ path: string; objectKey: string; size: number; contentType: string }> = []
  try {
    const names = [...zip.entries.keys()]
    const found = findManifest(names)
    if (!found) return refuse('file', NO_MANIFEST)
    const manifestBytes = await zip.read(found.file)
    if (!manifestBytes)
      return refuse('file', `the zip is damaged: "${found.file}" cannot be unpacked`)
    const parsed = parseManifest(found, manifestBytes, new Set(names))
    if (!parsed.ok) return refuse('file', ...parsed.problems.map(formatProblem))
    const manifest = parsed.manifest

    // Files are stored under the package root: a zip with one top folder loses it.
    const prefix = found.folder ? `${found.folder}/` : ''
    for (const name of names) {
      const bytes = name === found.file ? manifestBytes : await zip.read(name)
      if (!bytes) {
        await dropObjects(stored.map((s) => s.objectKey))
        return refuse('file', `the zip is damaged: "${name}" cannot be unpacked`)
      }
      const path = name.slice(prefix.length)
      const objectKey = await storage.put(bytes)
      stored.push({ path, objectKey, size: bytes.length, contentType: contentTypeOf(path) })
    }
    const courseId = input.courseId ?? newCourseId(manifest.title)
    const created = await prisma.$transaction(
      async (tx) => {
        const row = await tx.contentPackage.create({
          data: {
            courseId,
            organisationId: input.organisationId,
            standard: manifest.standard,
            title: manifest.title,
            manifest: JSON.stringify(manifest),
            zipHash: createHash('sha256').update(input.zip).digest('hex'),
            fileCount: stored.length,
            totalBytes: zip.totalBytes,
            uploadedById: input.uploadedById,
          },
          select: { id: true },
        })
        await tx.packageFile.createMany({
          data: stored.map((s) => ({ packageId: row.id, ...s })),
        })
        await audit(tx, {
          actorId: input.uploadedById,
          organisationId: input.organisationId,
          action: 'package.uploaded',
          subjectType: 'course',
          subjectId: courseId,
          detail: { packageId: row.id, standard: manifest.standard, files: stored.length },
        })
        return row
      },
      { timeout: 60_000 },
    )
    return { ok: true, packageId: created.id, courseId }
  } catch (error) {
    // Nothing half-written: objects without rows are removed again.
    await dropObjects(stored.map((s) => s.objectKey))
    throw error
  } finally {
    zip.close()
  }
}

async function dropObjects(keys: string[]) {
  const storage = objectStorage()
  await Promise.allSettled(keys.map((key) => storage.delete(key)))
}

/** "Klachten aan de telefoon" → "pkg-klachten-aan-de-telefoon-3fa9c1": readable and unique. */
function newCourseId(title: string): string {
  return `pkg-${slugify(title, 40)}-${randomBytes(3).toString('hex')}`
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8)

/** A new activity's lesson key when its identifier is already a slug and no lesson holds it. */
const plainLessonKey = (courseId: string, identifier: string) =>
  `${courseId}--${slugify(identifier, 60)}`

/**
 * A new activity's lesson key: `<courseId>--<slug of identifier>`, with a short hash of the
 * identifier when the slug loses something (so two identifiers never meet) or is taken.
 */
function lessonKeyFor(courseId: string, identifier: string, taken: (key: string) => boolean) {
  const plain = plainLessonKey(courseId, identifier)
  if (slugify(identifier, 60) === identifier && !taken(plain)) return plain
  return `${plain}-${shortHash(identifier)}`
}

// ---------------------------------------------------------------------------------------------

export type ActivityMapping = {
  identifier: string
  workProcessCodes: string[]
  doneWhen: DoneWhen | string
  minScore: number | null
}

export type PublishPackageOutcome =
  | { ok: true; courseId: string; version: number }
  /** Errors are i18n keys, by field: `dossierSlug`, `package`, or the activity's identifier. */
  | { ok: false; errors: Record<string, string[]> }

export async function publishPackage(input: {
  packageId: string
  dossierSlug: string
  courseId?: string
  mapping: ActivityMapping[]
  publishedById: string | null
  selfEnrol?: boolean
}): Promise<PublishPackageOutcome> {
  const fail = (errors: Record<string, string[]>) => ({ ok: false, errors }) as const
  const pkg = await prisma.contentPackage.findUnique({
    where: { id: input.packageId },
    select: {
      id: true,
      courseId: true,
      organisationId: true,
      courseVersionId: true,
      manifest: true,
      zipHash: true,
    },
  })
  if (!pkg || (input.courseId && input.courseId !== pkg.courseId)) {
    return fail({ package: ['packageAuthoring.packageUnknown'] })
  }
  if (pkg.courseVersionId) return fail({ package: ['packageAuthoring.alreadyPublished'] })
  const manifest = JSON.parse(pkg.manifest) as ParsedManifest

  const errors: Record<string, string[]> = {}
  // The work processes of the dossier's newest version: what the mapping form offers.
  const outline = await getDossierOutline(input.dossierSlug)
  const known = new Set(outline?.coreTasks.flatMap((t) => t.workProcesses.map((w) => w.code)) ?? [])
  if (known.size === 0) errors.dossierSlug = ['packageAuthoring.dossierUnknown']
  const byIdentifier = new Map(input.mapping.map((m) => [m.identifier, m]))
  for (const activity of manifest.activities) {
    const m = byIdentifier.get(activity.identifier)
    const problems: string[] = []
    if (!m || m.workProcessCodes.length === 0) problems.push('packageAuthoring.workProcessRequired')
    else if (known.size > 0 && m.workProcessCodes.some((c) => !known.has(c))) {
      problems.push('packageAuthoring.workProcessUnknown')
    }
    if (m && !(DONE_WHEN as readonly string[]).includes(m.doneWhen)) {
      problems.push('packageAuthoring.doneWhenInvalid')
    }
    if (
      m?.doneWhen === 'score' &&
      (m.minScore === null || !Number.isInteger(m.minScore) || m.minScore < 0 || m.minScore > 100)
    ) {
      problems.push('packageAuthoring.minScoreInvalid')
    }
    if (problems.length > 0) errors[activity.identifier] = problems
  }
  if (Object.keys(errors).length > 0) return fail(errors)

  const existing = await prisma.course.findUnique({
    where: { id: pkg.courseId },
    select: { source: true, organisationId: true },
  })
  if (
    existing &&
    (existing.source !== 'package' || existing.organisationId !== pkg.organisationId)
  ) {
    return fail({ package: ['packageAuthoring.courseInvalid'] })
  }
  try {
    const version = await prisma.$transaction(
      (tx) => writeVersion(tx, pkg, manifest, input, byIdentifier),
      { timeout: 60_000 },
    )
    return { ok: true, courseId: pkg.courseId, version }
  } catch (error) {
    // A colleague published the same course at the same moment: their version stands.
    if (!isUniqueViolation(error)) throw error
    return fail({ package: ['packageAuthoring.publishedMeanwhile'] })
  }
}

async function writeVersion(
  tx: Tx,
  pkg: { id: string; courseId: string; organisationId: string | null; zipHash: string },
  manifest: ParsedManifest,
  input: { dossierSlug: string; publishedById: string | null; selfEnrol?: boolean },
  mapping: Map<string, ActivityMapping>,
) {
  const courseId = pkg.courseId
  await tx.course.upsert({
    where: { id: courseId },
    create: { id: courseId, source: 'package', organisationId: pkg.organisationId },
    update: {},
  })
  const latest = await tx.courseVersion.findFirst({
    where: { courseId },
    orderBy: { version: 'desc' },
    select: { version: true },
  })
  const version = (latest?.version ?? 0) + 1
  // Keys of earlier versions by identifier: the same SCO/AU keeps its lesson, and its progress.
  const earlier = await tx.packageActivity.findMany({
    where: { package: { courseId, courseVersionId: { not: null } } },
    orderBy: { package: { createdAt: 'desc' } },
    select: { identifier: true, lesson: { select: { lessonKey: true } } },
  })
  const keyOf = new Map<string, string>()
  for (const a of earlier) if (!keyOf.has(a.identifier)) keyOf.set(a.identifier, a.lesson.lessonKey)
  const candidates = manifest.activities
    .filter((a) => !keyOf.has(a.identifier))
    .map((a) => plainLessonKey(courseId, a.identifier))
  const takenElsewhere = new Set(
    (
      await tx.lesson.findMany({
        where: { lessonKey: { in: candidates } },
        distinct: ['lessonKey'],
        select: { lessonKey: true },
      })
    ).map((l) => l.lessonKey),
  )
  const used = new Set(keyOf.values())
  const courseVersion = await tx.courseVersion.create({
    data: {
      courseId,
      version,
      contentHash: createHash('sha256')
        .update(pkg.zipHash)
        .update(JSON.stringify([...mapping.values()]))
        .digest('hex'),
      dossierSlug: input.dossierSlug,
      titleNl: manifest.title,
      titleEn: manifest.title,
      summaryNl: '',
      summaryEn: '',
      audienceNl: '',
      audienceEn: '',
      languages: toJsonList(['nl']),
      selfEnrol: input.selfEnrol ?? true,
      publishedById: input.publishedById,
    },
    select: { id: true },
  })
  for (const [position, activity] of manifest.activities.entries()) {
    const m = mapping.get(activity.identifier)!
    let lessonKey = keyOf.get(activity.identifier)
    if (!lessonKey) {
      lessonKey = lessonKeyFor(
        courseId,
        activity.identifier,
        (k) => takenElsewhere.has(k) || used.has(k),
      )
      used.add(lessonKey)
    }
    await tx.lesson.create({
      data: {
        courseVersionId: courseVersion.id,
        lessonKey,
        moduleKey: courseId,
        moduleTitleNl: manifest.title,
        moduleTitleEn: manifest.title,
        modulePosition: 0,
        position,
        type: 'package',
        duration: 0,
        titleNl: activity.title,
        competencies: '[]',
        sourceFile: activity.launchPath,
        workProcesses: {
          create: [...new Set(m.workProcessCodes)].map((workProcessCode) => ({ workProcessCode })),
        },
        packageActivity: {
          create: {
            packageId: pkg.id,
            identifier: activity.identifier,
            launchPath: activity.launchPath,
            launchParameters: activity.launchParameters,
            doneWhen: m.doneWhen,
            minScore: m.doneWhen === 'score' ? m.minScore : null,
            masteryScore: activity.masteryScore,
            moveOn: activity.moveOn,
          },
        },
      },
      select: { id: true },
    })
  }
  await tx.contentPackage.update({
    where: { id: pkg.id },
    data: { courseVersionId: courseVersion.id },
  })
  await tx.course.update({ where: { id: courseId }, data: { currentVersionId: courseVersion.id } })
  await audit(tx, {
    actorId: input.publishedById,
    organisationId: pkg.organisationId,
    action: 'package.published',
    subjectType: 'course',
    subjectId: courseId,
    detail: { version, packageId: pkg.id, activities: manifest.activities.length },
  })
  return version
}
