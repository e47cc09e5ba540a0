/**
 * Setup for e2e/packages-player.spec.ts, run in a child process against the e2e server's
 * database and storage: two package courses of their own, as the package importer will leave
 * them (#21): a platform-wide SCORM 1.2 SCO (a visitor sees it too, and is asked to log in)
 * and a hostile package of Klantcontact Noord. The SCO is
 * mapped to a work process of the employee dossier where the demo learner has not started,
 * so the ladder visibly moves and the team-leader dashboard other specs count is untouched.
 * Prints what the spec needs as JSON.
 */
import { prisma } from '#app/db.server.ts'
import { createPackageCourse, packageFolder } from '#tests/packages/package-fixture.ts'

const DOSSIER = 'contactcenter-medewerker'
const [email] = process.argv.slice(2) as [string]

const organisation = await prisma.organisation.findUniqueOrThrow({
  where: { slug: 'klantcontact-noord' },
  select: { id: true },
})
const learner = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
const started = await prisma.workProcessStatus.findMany({
  where: { userId: learner.id, dossierSlug: DOSSIER, step: { gt: 0 } },
  select: { workProcessCode: true },
})
// Also skip work processes another run of this spec already mapped a package to.
const mapped = await prisma.lessonWorkProcess.findMany({
  where: { lesson: { type: 'package' } },
  select: { workProcessCode: true },
})
const taken = new Set([...started, ...mapped].map((w) => w.workProcessCode))
const workProcess = await prisma.workProcess.findFirstOrThrow({
  where: {
    dossier: { slug: DOSSIER },
    code: { notIn: [...taken], not: 'CM-K2-W3' },
  },
  orderBy: { position: 'desc' },
  select: { code: true },
})

const sco = await createPackageCourse({
  standard: 'scorm12',
  files: packageFolder('player-scorm12'),
  launchPath: 'sco/index.html',
  dossierSlug: DOSSIER,
  workProcessCode: workProcess.code,
  organisationId: null,
  doneWhen: 'passed',
  masteryScore: 80,
  title: 'Spelertest SCORM 1.2',
})
const hostile = await createPackageCourse({
  standard: 'scorm12',
  files: packageFolder('hostile'),
  launchPath: 'index.html',
  dossierSlug: DOSSIER,
  workProcessCode: workProcess.code,
  organisationId: organisation.id,
  title: 'Vijandig pakket',
})
console.log(
  JSON.stringify({
    dossierSlug: DOSSIER,
    workProcessCode: workProcess.code,
    sco: `/courses/${sco.courseId}/${sco.lessonKey}`,
    hostile: `/courses/${hostile.courseId}/${hostile.lessonKey}`,
  }),
)
await prisma.$disconnect()
