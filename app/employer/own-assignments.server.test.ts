import { beforeAll, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { ownOpenWorkProcessAssignments } from './assignments.server.ts'

beforeAll(async () => {
  await importDossierFolder()
}, 120_000)

test("a learner's open work-process assignments are listed until knowledge is complete", async () => {
  const org = await makeOrganisation()
  const learner = await makeMember(org.id, ['learner'], [org.teamId])
  const admin = await makeMember(org.id, ['employer_admin'])
  const assignment = (code: string, days: number) =>
    prisma.assignment.create({
      data: {
        organisationId: org.id,
        userId: learner.user.id,
        kind: 'work_process',
        dossierSlug: 'contactcenter-medewerker',
        workProcessCode: code,
        dueAt: new Date(Date.now() + days * 86400_000),
        assignedById: admin.user.id,
      },
    })
  await assignment('CM-K3-W2', 14)
  await assignment('CM-K1-W1', -2)
  const open = await ownOpenWorkProcessAssignments(learner.user.id)
  expect(open.map((a) => [a.workProcessCode, a.overdue])).toEqual([
    ['CM-K1-W1', true],
    ['CM-K3-W2', false],
  ])
  expect(open[1]!.title?.nl).toBe('CM-K3-W2 Registreert en draagt over')
  // Knowledge complete on CM-K1-W1: that assignment is done and leaves the list.
  await prisma.workProcessStatus.create({
    data: {
      userId: learner.user.id,
      dossierSlug: 'contactcenter-medewerker',
      workProcessCode: 'CM-K1-W1',
      step: 2,
    },
  })
  expect(
    (await ownOpenWorkProcessAssignments(learner.user.id)).map((a) => a.workProcessCode),
  ).toEqual(['CM-K3-W2'])
  // Nobody else's.
  const other = await makeMember(org.id, ['learner'], [org.teamId])
  expect(await ownOpenWorkProcessAssignments(other.user.id)).toEqual([])
})
