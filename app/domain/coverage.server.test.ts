import { beforeAll, expect, test } from 'vitest'
import * as coveragePage from '#app/routes/trainer/coverage.tsx'
import { saveCriteria } from '#app/assessment/criteria.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import {
  cookieFor,
  makeMember,
  makeOrganisation,
  makeOrganisationCourse,
} from '#tests/factories.ts'
import { call, getRequest } from '#tests/route-call.ts'
import { coverageOf } from './coverage.server.ts'

/**
 * The trainers' coverage dashboard counts what a trainer's learners can take: platform
 * courses and their own organisations' courses, never another organisation's; and it shows
 * the assessment criteria the organisation assesses each work process by.
 */
beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
})

const row = (coverage: Awaited<ReturnType<typeof coverageOf>>, code: string) =>
  coverage!.rows.find((r) => r.code === code)!

test("another organisation's course does not count; one's own does", async () => {
  const [mine, theirs] = [await makeOrganisation(), await makeOrganisation()]
  await makeOrganisationCourse(mine.id, [{ type: 'scenario', workProcessCodes: ['TL-K4-W2'] }])
  await makeOrganisationCourse(theirs.id, [{ type: 'scenario', workProcessCodes: ['TL-K4-W2'] }])
  const platform = row(await coverageOf('contactcenter-teamleider'), 'TL-K4-W2')
  const own = row(await coverageOf('contactcenter-teamleider', [mine.id]), 'TL-K4-W2')
  expect(own.counts.scenario).toBe(platform.counts.scenario + 1)
  const everything = row(await coverageOf('contactcenter-teamleider', 'all'), 'TL-K4-W2')
  expect(everything.counts.scenario).toBe(platform.counts.scenario + 2)
})

test('criteria: the indicators until the organisation edits its own, then its version', async () => {
  const org = await makeOrganisation()
  const trainer = await makeMember(org.id, ['trainer'])
  const before = row(await coverageOf('contactcenter-teamleider', [org.id], org.id), 'TL-K2-W3')
  expect(before.criteriaEdited).toBe(false)
  expect(before.criteria).toBeGreaterThan(0)
  await saveCriteria({
    organisationId: org.id,
    dossierSlug: 'contactcenter-teamleider',
    workProcessCode: 'TL-K2-W3',
    basedOn: 0,
    criteria: [
      {
        nl: 'Voert een coachingsgesprek volgens GROW',
        en: 'Coaches using GROW',
        requiredLevel: 'bekwaam',
      },
    ],
    actorId: trainer.user.id,
  })
  const after = row(await coverageOf('contactcenter-teamleider', [org.id], org.id), 'TL-K2-W3')
  expect(after).toMatchObject({ criteria: 1, criteriaEdited: true })

  // The page: gaps link to creating material, criteria link to the organisation's criteria.
  const page = await call(
    coveragePage.loader,
    getRequest(`/trainer/coverage?org=${org.slug}`, await cookieFor(trainer.user.id)),
  )
  expect(page.status).toBe(200)
  const data = page.data as {
    criteriaOrg: { slug: string }
    coverage: Array<{
      rows: Array<{
        code: string
        gap: boolean
        criteria: number
        lessons: Array<{ courseId: string; lessonKey: string }>
      }>
    }>
  }
  expect(data.criteriaOrg.slug).toBe(org.slug)
  const rows = data.coverage.flatMap((c) => c.rows)
  expect(rows.find((r) => r.code === 'TL-K2-W3')!.criteria).toBe(1)
  // Each row names the material that trains it, so a trainer can open it.
  expect(rows.find((r) => r.code === 'TL-K2-W3')!.lessons).toContainEqual(
    expect.objectContaining({ courseId: 'tl-k2-coachen', lessonKey: 'tl-k2-w3-coachgesprek' }),
  )
  // Every work process of both dossiers has a lesson and a quiz, so no row is a gap.
  expect(rows.filter((r) => r.gap).map((r) => r.code)).toEqual([])
})
