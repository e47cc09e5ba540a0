import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import { zipFolder } from '#app/packages/zip-folder.server.ts'
import { publishPackage, storePackage } from '#app/packages/package-import.server.ts'

/**
 * Test packages as folders (reviewable in git), zipped on demand, and a package stored and
 * published in one go: what route tests and e2e set-up call to have a package course.
 */
export { zipFolder }

/** The folder of a test package in tests/packages/, e.g. packageFolder('scorm12-gesprek'). */
export const packageFolder = (name: string) => path.resolve('tests', 'packages', name)

export type InstallOptions = {
  organisationId?: string | null
  /** A new version of this package course. */
  courseId?: string
  dossierSlug?: string
  /** Work processes for every activity (default TL-K2-W3), or per identifier. */
  workProcessCodes?: string[] | Record<string, string[]>
  doneWhen?: 'completed' | 'passed' | 'score'
  minScore?: number | null
  userId?: string | null
}

export async function installPackage(
  folderOrZip: string | Uint8Array,
  options: InstallOptions = {},
) {
  const zip = typeof folderOrZip === 'string' ? zipFolder(folderOrZip) : folderOrZip
  const stored = await storePackage({
    zip,
    organisationId: options.organisationId ?? null,
    courseId: options.courseId,
    uploadedById: options.userId ?? null,
  })
  if (!stored.ok) throw new Error(`package refused:\n${stored.problems.join('\n')}`)
  const pkg = await prisma.contentPackage.findUniqueOrThrow({
    where: { id: stored.packageId },
    select: { manifest: true },
  })
  const activities = (JSON.parse(pkg.manifest) as { activities: Array<{ identifier: string }> })
    .activities
  const codes = options.workProcessCodes ?? ['TL-K2-W3']
  const published = await publishPackage({
    packageId: stored.packageId,
    dossierSlug: options.dossierSlug ?? 'contactcenter-teamleider',
    mapping: activities.map((a) => ({
      identifier: a.identifier,
      workProcessCodes: Array.isArray(codes) ? codes : (codes[a.identifier] ?? []),
      doneWhen: options.doneWhen ?? 'completed',
      minScore: options.minScore ?? null,
    })),
    publishedById: options.userId ?? null,
  })
  if (!published.ok) throw new Error(`package not published: ${JSON.stringify(published.errors)}`)
  return { packageId: stored.packageId, courseId: published.courseId, version: published.version }
}
