import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { DEMO_PACKAGE_FOLDER } from '#app/demo/demo-packages.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { computeAllStatuses, storedStatuses } from '#app/domain/progress-rebuild.server.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { installPackage } from '#tests/packages/install-package.ts'
import { settleAttempt } from './attempt-outcome.server.ts'
import { openAttempt } from './launches.server.ts'

/**
 * A package's SCO counts for the ladder exactly like one of our own lessons (#21 build 7):
 * in the live engine (settleAttempt → recordCompletion) and in `npm run progress:rebuild`,
 * which recomputes from the completions alone.
 */
const DOSSIER = 'contactcenter-medewerker'
const CODE = 'CM-K1-W2'

beforeAll(async () => {
  await importDossierFolder()
}, 120_000)

const stepOf = async (userId: string) =>
  (
    await prisma.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: { userId, dossierSlug: DOSSIER, workProcessCode: CODE },
      },
    })
  )?.step ?? 0

describe('package progress', () => {
  test('a passed SCO raises the work process live, and the rebuild from completions agrees', async () => {
    const organisation = await makeOrganisation()
    const { user } = await makeMember(organisation.id, ['learner'])
    const { courseId } = await installPackage(DEMO_PACKAGE_FOLDER, {
      organisationId: organisation.id,
      dossierSlug: DOSSIER,
      workProcessCodes: [CODE],
      doneWhen: 'passed',
    })
    const lesson = await prisma.lesson.findFirstOrThrow({
      where: { courseVersion: { courseId }, type: 'package' },
      select: { id: true, lessonKey: true },
    })
    const attempt = await openAttempt(user.id, lesson)

    // Completed but failed: the trainer asked for a pass, so nothing moves.
    await settleAttempt(attempt.id, { completion: 'completed', success: 'failed', score: 40 })
    expect(await stepOf(user.id)).toBe(0)

    await settleAttempt(
      attempt.id,
      { completion: 'completed', success: 'passed', score: 90 },
      { ended: true },
    )
    const live = await stepOf(user.id)
    expect(live).toBeGreaterThanOrEqual(1)
    expect(
      await prisma.lessonCompletion.findUnique({
        where: { userId_lessonKey: { userId: user.id, lessonKey: lesson.lessonKey } },
        select: { via: true },
      }),
    ).toEqual({ via: 'package' })

    // The rebuild from scratch: without the stored step and without the `progressed` events
    // (its floor), the completion alone gives the same step.
    const key = `${user.id}|${DOSSIER}|${CODE}`
    expect((await storedStatuses()).get(key)).toBe(live)
    await prisma.workProcessStatus.deleteMany({ where: { userId: user.id } })
    await prisma.learningEvent.deleteMany({ where: { userId: user.id, verb: 'progressed' } })
    expect((await computeAllStatuses()).get(key)).toBe(live)
  })
})
