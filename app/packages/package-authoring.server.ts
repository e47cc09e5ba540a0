import { prisma } from '#app/db.server.ts'
import type { AuthorScope } from '#app/authoring/authoring-access.server.ts'
import { mayAuthor } from '#app/authoring/authoring-access.server.ts'
import type { ParsedManifest, PackageStandard } from './manifest/manifest-types.ts'

/**
 * What the trainer pages for packages read: the package courses someone may author (with
 * their standard and versions), and one uploaded package with the mapping form prefilled
 * from the course's previous version, by activity identifier.
 */
const ownedBy = (scope: AuthorScope) => ({
  OR: [
    { organisationId: { in: scope.organisations.map((o) => o.id) } },
    ...(scope.platform ? [{ organisationId: null }] : []),
  ],
})

export async function listPackageCourses(scope: AuthorScope) {
  const packages = await prisma.contentPackage.findMany({
    where: ownedBy(scope),
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      courseId: true,
      organisationId: true,
      standard: true,
      title: true,
      createdAt: true,
      courseVersion: { select: { version: true, currentOf: { select: { id: true } } } },
    },
  })
  const names = new Map(scope.organisations.map((o) => [o.id, o.name]))
  const courses = new Map<
    string,
    {
      courseId: string
      title: string
      standard: PackageStandard
      organisation: string | null
      organisationId: string | null
      versions: number[]
      currentVersion: number | null
      /** Uploaded but not yet published: the mapping page to finish. */
      pendingPackageId: string | null
    }
  >()
  for (const p of packages) {
    const course = courses.get(p.courseId) ?? {
      courseId: p.courseId,
      title: p.title,
      standard: p.standard as PackageStandard,
      organisation: p.organisationId ? (names.get(p.organisationId) ?? null) : null,
      organisationId: p.organisationId,
      versions: [],
      currentVersion: null,
      pendingPackageId: null,
    }
    if (p.courseVersion) {
      course.versions.push(p.courseVersion.version)
      if (p.courseVersion.currentOf) course.currentVersion = p.courseVersion.version
    } else course.pendingPackageId ??= p.id
    courses.set(p.courseId, course)
  }
  return [...courses.values()].map((c) => ({ ...c, versions: c.versions.sort((a, b) => a - b) }))
}

/** Published package courses this person may upload a new version of. */
export async function packageCourseChoices(scope: AuthorScope) {
  return (await listPackageCourses(scope)).filter((c) => c.currentVersion !== null)
}

export type MappingDefaults = Record<
  string,
  { workProcessCodes: string[]; doneWhen: string; minScore: number | null }
>

/**
 * An uploaded package this person may publish, or null (unknown, or another owner's: both
 * answer 404). With it the previous version's dossier and mapping by identifier.
 */
export async function packageForMapping(scope: AuthorScope, packageId: string) {
  const pkg = await prisma.contentPackage.findUnique({
    where: { id: packageId },
    select: {
      id: true,
      courseId: true,
      organisationId: true,
      standard: true,
      title: true,
      manifest: true,
      fileCount: true,
      totalBytes: true,
      courseVersionId: true,
    },
  })
  if (!pkg || !mayAuthor(scope, pkg.organisationId)) return null
  const manifest = JSON.parse(pkg.manifest) as ParsedManifest
  const current = await prisma.course.findUnique({
    where: { id: pkg.courseId },
    select: {
      currentVersion: {
        select: {
          version: true,
          dossierSlug: true,
          lessons: {
            select: {
              workProcesses: { select: { workProcessCode: true } },
              packageActivity: { select: { identifier: true, doneWhen: true, minScore: true } },
            },
          },
        },
      },
    },
  })
  const defaults: MappingDefaults = {}
  for (const lesson of current?.currentVersion?.lessons ?? []) {
    if (!lesson.packageActivity) continue
    defaults[lesson.packageActivity.identifier] = {
      workProcessCodes: lesson.workProcesses.map((w) => w.workProcessCode),
      doneWhen: lesson.packageActivity.doneWhen,
      minScore: lesson.packageActivity.minScore,
    }
  }
  return {
    id: pkg.id,
    courseId: pkg.courseId,
    organisationId: pkg.organisationId,
    standard: pkg.standard as PackageStandard,
    title: pkg.title,
    fileCount: pkg.fileCount,
    totalBytes: pkg.totalBytes,
    published: pkg.courseVersionId !== null,
    previousVersion: current?.currentVersion?.version ?? null,
    previousDossier: current?.currentVersion?.dossierSlug ?? null,
    activities: manifest.activities.map((a) => ({
      identifier: a.identifier,
      title: a.title,
      launchPath: a.launchPath,
      masteryScore: a.masteryScore,
      moveOn: a.moveOn,
    })),
    defaults,
  }
}
