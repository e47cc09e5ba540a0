import { prisma } from '#app/db.server.ts'
import { fetchCredential, startCmi5Launch } from '#app/packages/cmi5-launch.server.ts'
import { createLaunch, openAttempt } from '#app/packages/launches.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'

/**
 * A published cmi5 course as package import will leave it (rows written directly until
 * that lands): one lesson of type "package" whose PackageActivity is the AU.
 */
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export const AU_ID = 'https://leerplein.example/cmi5/belscript-teamleider/au-1'

export async function makeCmi5Lesson(
  options: {
    workProcessCodes?: string[]
    moveOn?: string
    masteryScore?: number | null
    doneWhen?: string
    identifier?: string
  } = {},
) {
  const courseId = `cmi5-cursus-${unique()}`
  const lessonKey = `${courseId}-au-1`
  return prisma.$transaction(async (tx) => {
    await tx.course.create({ data: { id: courseId, source: 'package' } })
    const version = await tx.courseVersion.create({
      data: {
        courseId,
        version: 1,
        contentHash: courseId,
        dossierSlug: 'contactcenter-teamleider',
        titleNl: 'Belscript voor teamleiders',
        titleEn: 'Call script for team leaders',
        summaryNl: 'Een cmi5-pakket.',
        summaryEn: 'A cmi5 package.',
        audienceNl: 'Teamleiders',
        audienceEn: 'Team leaders',
        languages: toJsonList(['nl']),
        selfEnrol: true,
      },
      select: { id: true },
    })
    const lesson = await tx.lesson.create({
      data: {
        courseVersionId: version.id,
        lessonKey,
        moduleKey: 'module-1',
        moduleTitleNl: 'Pakket',
        moduleTitleEn: 'Package',
        modulePosition: 1,
        position: 1,
        type: 'package',
        duration: 15,
        titleNl: 'Het klantgesprek',
        competencies: toJsonList(['C']),
        codeNlHash: null,
        sourceFile: `package:${courseId}`,
        workProcesses: {
          create: (options.workProcessCodes ?? ['TL-K2-W1']).map((workProcessCode) => ({
            workProcessCode,
          })),
        },
      },
      select: { id: true, lessonKey: true },
    })
    const contentPackage = await tx.contentPackage.create({
      data: {
        courseId,
        courseVersionId: version.id,
        standard: 'cmi5',
        title: 'Belscript',
        manifest: '{}',
        zipHash: courseId,
        fileCount: 2,
        totalBytes: 100,
      },
      select: { id: true },
    })
    const activity = await tx.packageActivity.create({
      data: {
        lessonId: lesson.id,
        packageId: contentPackage.id,
        identifier: options.identifier ?? AU_ID,
        launchPath: 'index.html',
        launchParameters: '{"modus":"oefenen"}',
        doneWhen: options.doneWhen ?? 'passed',
        masteryScore: options.masteryScore === undefined ? 80 : options.masteryScore,
        moveOn: options.moveOn ?? 'CompletedAndPassed',
      },
    })
    await tx.course.update({ where: { id: courseId }, data: { currentVersionId: version.id } })
    return { courseId, lesson, activity }
  })
}

export type Cmi5Lesson = Awaited<ReturnType<typeof makeCmi5Lesson>>

export const ORIGIN = 'http://127.0.0.1:3203'

/** Launch the AU as the player will: attempt, launch, LMS side, then the AU's fetch. */
export async function launchCmi5(userId: string, { lesson, activity }: Cmi5Lesson) {
  const attempt = await openAttempt(userId, lesson)
  const launch = await createLaunch(attempt.id, { cmi5: true })
  const url = await startCmi5Launch({
    userId,
    attemptId: attempt.id,
    launchId: launch.launchId,
    fetchToken: launch.fetchToken!,
    activity,
    contentBase: `/package-content/${launch.contentToken}/`,
    origin: ORIGIN,
  })
  return { attempt, launch, url }
}

/** The AU's side of the fetch: the Basic credential for its xAPI calls. */
export async function fetchAuth(fetchToken: string) {
  const answer = await fetchCredential(fetchToken)
  if (!('auth-token' in answer)) throw new Error(answer['error-text'])
  return `Basic ${answer['auth-token']}`
}
