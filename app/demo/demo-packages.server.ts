import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import { publishPackage, storePackage } from '#app/packages/package-import.server.ts'
import { zipFolder } from '#app/packages/zip-folder.server.ts'
import { DEMO_PACKAGE, DEMO_TRAINER } from './demo-people.ts'

/** Where the demo's bought package lives, as a folder (it is zipped as a trainer uploads it). */
export const DEMO_PACKAGE_FOLDER = path.resolve('courses', 'packages', DEMO_PACKAGE.folder)

/**
 * Klantcontact Noord's bought e-learning (#21): a SCORM 2004 module on de-escalating a
 * complaint, imported and mapped by the demo trainer the way the trainer pages do it, so
 * its agents can play it and it counts for "Handelt klachten af".
 */
export async function seedDemoPackages() {
  const [organisation, trainer] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({
      where: { slug: DEMO_PACKAGE.organisation },
      select: { id: true },
    }),
    prisma.user.findUniqueOrThrow({ where: { email: DEMO_TRAINER.email }, select: { id: true } }),
  ])
  const stored = await storePackage({
    zip: zipFolder(DEMO_PACKAGE_FOLDER),
    organisationId: organisation.id,
    uploadedById: trainer.id,
  })
  if (!stored.ok) throw new Error(`demo package refused: ${stored.problems.join('; ')}`)
  const published = await publishPackage({
    packageId: stored.packageId,
    courseId: stored.courseId,
    dossierSlug: DEMO_PACKAGE.dossierSlug,
    mapping: [
      {
        identifier: DEMO_PACKAGE.identifier,
        workProcessCodes: [DEMO_PACKAGE.workProcessCode],
        doneWhen: 'passed',
        minScore: null,
      },
    ],
    publishedById: trainer.id,
  })
  if (!published.ok) throw new Error(`demo package not published: ${JSON.stringify(published)}`)
}
