import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import {
  addMember,
  LastAdminError,
  setMemberActive,
  updateMember,
} from '#app/domain/organisations.server.ts'
import { eraseAccount } from '#app/privacy/erasure.server.ts'
import { makeMember, makeOrganisation, makeUser } from '#tests/factories.ts'
import { aggregatedTotals, matrixColumns, matrixTotals, type MatrixQuery } from './matrix.server.ts'
import {
  computeStaffCounts,
  rebuildStaffCounts,
  recordStepChanges,
  sortedCounts,
  storedStaffCounts,
} from './staff-counts.server.ts'
import type { StaffScope } from './staff-scope.server.ts'

const TL = 'contactcenter-teamleider'
let codes: string[] = []

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
}

/** A ladder step as `raiseStatuses` writes one: the status row and the counts, together. */
async function setStep(userId: string, code: string, step: number) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.workProcessStatus.findUnique({
      where: {
        userId_dossierSlug_workProcessCode: { userId, dossierSlug: TL, workProcessCode: code },
      },
    })
    await tx.workProcessStatus.upsert({
      where: {
        userId_dossierSlug_workProcessCode: { userId, dossierSlug: TL, workProcessCode: code },
      },
      create: { userId, dossierSlug: TL, workProcessCode: code, step },
      update: { step },
    })
    await recordStepChanges(tx, userId, TL, [{ code, from: before?.step ?? 0, to: step }])
  })
}

/** The last employer admin stays: that refused change writes nothing, counts included. */
const keepLastAdmin = (e: unknown) => {
  if (!(e instanceof LastAdminError)) throw e
}

const scopeOf = (o: { id: string; slug: string; name: string }): StaffScope => ({
  organisationId: o.id,
  organisationSlug: o.slug,
  organisationName: o.name,
  organisationKind: 'in_house',
  teamIds: null,
})
const query = (extra: Partial<MatrixQuery> = {}): MatrixQuery => ({
  dossierSlug: TL,
  sort: 'name',
  dir: 'asc',
  page: 1,
  ...extra,
})
const plain = (totals: Awaited<ReturnType<typeof aggregatedTotals>>) => ({
  total: totals.total,
  perWorkProcess: Object.fromEntries([...totals.perWorkProcess].sort()),
  perTeam: totals.perTeam,
})

beforeAll(async () => {
  await importDossierFolder()
  const columns = (await matrixColumns(TL))!
  codes = columns.coreTasks.flatMap((c) => c.workProcesses.map((w) => w.code)).slice(0, 4)
}, 120_000)

describe('the matrix totals kept with every change', () => {
  test(
    'after random steps, team moves, (de)activations and an erasure: incremental = rebuild = aggregate',
    { timeout: 180_000 },
    async () => {
      const next = random(23)
      const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
      const orgA = await makeOrganisation()
      const orgB = await makeOrganisation()
      const teamsA = [
        orgA.teamId,
        ...(await Promise.all(
          ['Team Retentie', 'Team Sales'].map(async (name) => {
            const t = await prisma.team.create({ data: { organisationId: orgA.id, name } })
            return t.id
          }),
        )),
      ]
      const people: Array<{ userId: string; membershipId: string; org: typeof orgA }> = []
      for (let i = 0; i < 10; i++) {
        const roles =
          i === 0
            ? (['employer_admin'] as const)
            : i % 4 === 0
              ? (['team_leader'] as const)
              : (['learner'] as const)
        const m = await makeMember(orgA.id, [...roles], [pick(teamsA)])
        people.push({ userId: m.user.id, membershipId: m.membershipId, org: orgA })
      }
      for (let i = 0; i < 4; i++) {
        const m = await makeMember(orgB.id, ['learner'], [orgB.teamId])
        people.push({ userId: m.user.id, membershipId: m.membershipId, org: orgB })
      }
      // Someone in both organisations: their steps count in each.
      const both = people[1]!
      const inB = await prisma.$transaction((tx) =>
        addMember(tx, {
          organisationId: orgB.id,
          userId: both.userId,
          roles: ['learner'],
          teamIds: [orgB.teamId],
        }),
      )
      people.push({ userId: both.userId, membershipId: inB.id, org: orgB })

      const check = async () => {
        const stored = sortedCounts(await storedStaffCounts())
        expect(stored).toEqual(sortedCounts(await computeStaffCounts(prisma, null)))
        for (const org of [orgA, orgB]) {
          const scope = scopeOf(org)
          const teams = org === orgA ? teamsA : [orgB.teamId]
          for (const q of [query(), ...teams.map((teamId) => query({ teamId }))]) {
            expect(plain(await matrixTotals(scope, q, codes.length))).toEqual(
              plain(await aggregatedTotals(scope, q, codes.length)),
            )
          }
        }
      }

      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 12; i++) {
          const person = pick(people)
          const action = next()
          if (action < 0.55) await setStep(person.userId, pick(codes), Math.floor(next() * 5))
          else if (action < 0.75) {
            const teams = person.org === orgA ? teamsA : [orgB.teamId]
            await updateMember(person.org.id, person.membershipId, {
              roles: [pick(['learner', 'team_leader', 'employer_admin'] as const)],
              teamIds: teams.filter(() => next() < 0.5),
            }).catch(keepLastAdmin)
          } else if (action < 0.9)
            await setMemberActive(person.org.id, person.membershipId, next() < 0.5).catch(
              keepLastAdmin,
            )
          else {
            const newcomer = await makeUser()
            const m = await prisma.$transaction((tx) =>
              addMember(tx, {
                organisationId: orgA.id,
                userId: newcomer.id,
                roles: ['learner'],
                teamIds: [pick(teamsA)],
              }),
            )
            people.push({ userId: newcomer.id, membershipId: m.id, org: orgA })
          }
        }
        await check()
      }

      // Erasure moves memberships and steps to a pseudonym; a deleted team takes its counts.
      const erased = people.find((p) => p !== both && p.org === orgA)!
      await setStep(erased.userId, codes[0]!, 3)
      await eraseAccount(erased.userId)
      await prisma.team.delete({ where: { id: teamsA[2]! } })
      teamsA.pop()
      await check()

      // A rebuild finds nothing to change and writes the same rows.
      const before = sortedCounts(await storedStaffCounts())
      expect((await rebuildStaffCounts({ write: false })).differences).toBe(0)
      await rebuildStaffCounts({ write: true })
      expect(sortedCounts(await storedStaffCounts())).toEqual(before)
    },
  )

  test('a rebuild repairs counts that drifted', async () => {
    const org = await makeOrganisation()
    const m = await makeMember(org.id, ['learner'], [org.teamId])
    await setStep(m.user.id, codes[0]!, 2)
    await prisma.staffStepCount.deleteMany({ where: { organisationId: org.id } })
    expect((await rebuildStaffCounts({ write: false })).differences).toBeGreaterThan(0)
    await rebuildStaffCounts({ write: true })
    expect(sortedCounts(await storedStaffCounts())).toEqual(
      sortedCounts(await computeStaffCounts(prisma, null)),
    )
  })
})
