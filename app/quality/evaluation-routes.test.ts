import { beforeAll, describe, expect, test } from 'vitest'
import * as orgEvaluation from '#app/routes/orgs/$slug/quality/evaluation.tsx'
import * as orgEvaluationFile from '#app/routes/orgs/$slug/quality/evaluation-file.ts'
import * as orgEvaluations from '#app/routes/orgs/$slug/quality/evaluations.tsx'
import * as newEvaluation from '#app/routes/orgs/$slug/quality/evaluation-new.tsx'
import * as qualityHome from '#app/routes/orgs/$slug/quality/index.tsx'
import * as scorecardEdit from '#app/routes/orgs/$slug/quality/scorecard.tsx'
import * as scorecardNew from '#app/routes/orgs/$slug/quality/scorecard-new.tsx'
import * as myEvaluation from '#app/routes/me/evaluation.tsx'
import * as myEvaluationFile from '#app/routes/me/evaluation-file.ts'
import * as myEvaluations from '#app/routes/me/evaluations.tsx'
import { prisma } from '#app/db.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { definitionAsYaml } from '#app/quality/scorecards.server.ts'
import { STARTER_SCORECARD } from '#app/quality/starter-scorecard.ts'
import { toAmsterdamLocal } from '#app/utils/amsterdam-date.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { makeScorecard } from '#tests/quality-fixtures.ts'
import { call, formRequest, getRequest, multipartRequest } from '#tests/route-call.ts'

type Person = { id: string; cookie: string }
let noord: Awaited<ReturnType<typeof makeOrganisation>>
let other: Awaited<ReturnType<typeof makeOrganisation>>
let admin: Person, teamLeader: Person, agent: Person, colleague: Person, outsider: Person
let agentOtherTeam: Person
let scorecard: Awaited<ReturnType<typeof makeScorecard>>

const person = async (
  orgId: string,
  roles: Parameters<typeof makeMember>[1],
  teams: string[] = [],
) => {
  const m = await makeMember(orgId, roles, teams)
  return { id: m.user.id, cookie: await cookieFor(m.user.id) }
}

/** Every item answered "best", with the changes given. */
function scoreFields(changes: Record<string, string> = {}) {
  const fields: Record<string, string> = {}
  for (const section of STARTER_SCORECARD.sections)
    for (const item of section.items)
      fields[`item-${item.key}`] = item.scale === 'yes_no' ? '1' : '5'
  return { ...fields, ...changes }
}

beforeAll(async () => {
  await importDossierFolder()
  noord = await makeOrganisation()
  other = await makeOrganisation()
  const secondTeam = await prisma.team.create({
    data: { organisationId: noord.id, name: 'Team Retentie' },
    select: { id: true },
  })
  admin = await person(noord.id, ['employer_admin'])
  teamLeader = await person(noord.id, ['team_leader'], [noord.teamId])
  agent = await person(noord.id, ['learner'], [noord.teamId])
  colleague = await person(noord.id, ['learner'], [noord.teamId])
  agentOtherTeam = await person(noord.id, ['learner'], [secondTeam.id])
  outsider = await person(other.id, ['employer_admin'])
  scorecard = await makeScorecard(noord.id, admin.id)
}, 120_000)

async function score(
  by: Person,
  agentId: string,
  changes: Record<string, string> = {},
  file?: File,
) {
  // Always multipart with a length, as a browser sends this form (it may carry a file).
  const form = new FormData()
  const fields = {
    agentId,
    scorecardVersionId: scorecard.versionId,
    contactAt: toAmsterdamLocal(new Date(Date.now() - 3_600_000)),
    channel: 'phone',
    duration: '6:30',
    ...scoreFields(changes),
  }
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) form.append('file', file)
  const request = await multipartRequest(`/orgs/${noord.slug}/quality/evaluations/new`, form, {
    cookie: by.cookie,
  })
  return call(newEvaluation.action, request, { slug: noord.slug })
}

describe('scoring a contact', () => {
  test('a team leader scores an agent of their team; the agent is told and sees it', async () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    const outcome = await score(
      teamLeader,
      agent.id,
      { 'item-notes': '1', 'note-notes': 'Notitie ontbrak' },
      new File([mp3], 'gesprek.mp3'),
    )
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302)
    const id = outcome.location!.split('/').pop()!.split('?')[0]!
    const stored = await prisma.evaluation.findUniqueOrThrow({
      where: { id },
      include: { workProcesses: true, items: true },
    })
    expect(stored).toMatchObject({
      agentId: agent.id,
      evaluatorId: teamLeader.id,
      score: 90,
      passed: true,
      durationSeconds: 390,
      fileType: 'audio/mpeg',
    })
    expect(stored.workProcesses.find((w) => w.workProcessCode === 'CM-K3-W2')).toMatchObject({
      passed: false,
    })
    expect(stored.items.find((i) => i.itemKey === 'notes')).toMatchObject({
      value: 1,
      comment: 'Notitie ontbrak',
    })
    const user = await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })
    expect(
      await prisma.email.count({
        where: { to: user.email, text: { contains: `/evaluations/${id}` } },
      }),
    ).toBe(1)

    const mine = await call(myEvaluations.loader, getRequest('/evaluations', agent.cookie))
    expect(JSON.stringify(mine.data)).toContain(id)
    const page = await call(myEvaluation.loader, getRequest(`/evaluations/${id}`, agent.cookie), {
      evaluationId: id,
    })
    expect(page.status).toBe(200)
    const file = await call(
      myEvaluationFile.loader,
      getRequest(`/evaluations/${id}/file`, agent.cookie),
      { evaluationId: id },
    )
    expect(file.status).toBe(200)
    expect(file.headers.get('Content-Type')).toBe('audio/mpeg')
  })

  test('a missing item, a future contact and an agent outside the team answer 400 and store nothing', async () => {
    const before = await prisma.evaluation.count()
    const missing = await score(teamLeader, agent.id, { 'item-identity': '' })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.data)).toContain('evaluation.error.missing')
    const outside = await score(teamLeader, agentOtherTeam.id)
    expect(outside.status).toBe(400)
    expect(JSON.stringify(outside.data)).toContain('evaluation.error.agent')
    const html = await score(teamLeader, agent.id, {}, new File(['<html>'], 'x.mp3'))
    expect(html.status).toBe(400)
    expect(JSON.stringify(html.data)).toContain('evaluation.error.file')
    expect(await prisma.evaluation.count()).toBe(before)
  })

  test("another agent, another team's leader and another organisation get 404", async () => {
    const e = await prisma.evaluation.findFirstOrThrow({ where: { agentId: agent.id } })
    const params = { slug: noord.slug, evaluationId: e.id }
    expect(
      (
        await call(
          myEvaluation.loader,
          getRequest(`/evaluations/${e.id}`, colleague.cookie),
          params,
        )
      ).status,
    ).toBe(404)
    expect(
      (
        await call(
          myEvaluationFile.loader,
          getRequest(`/evaluations/${e.id}/file`, colleague.cookie),
          params,
        )
      ).status,
    ).toBe(404)
    const otherLeader = await person(noord.id, ['team_leader'])
    expect(
      (await call(orgEvaluation.loader, getRequest('/', otherLeader.cookie), params)).status,
    ).toBe(404)
    expect(
      (await call(orgEvaluation.loader, getRequest('/', outsider.cookie), params)).status,
    ).toBe(404)
    expect(
      (await call(orgEvaluationFile.loader, getRequest('/', outsider.cookie), params)).status,
    ).toBe(404)
    expect(
      (await call(orgEvaluations.loader, getRequest('/', outsider.cookie), { slug: noord.slug }))
        .status,
    ).toBe(404)
    expect(
      (await call(qualityHome.loader, getRequest('/', outsider.cookie), { slug: noord.slug }))
        .status,
    ).toBe(404)
    // A plain learner of the organisation has no quality pages at all.
    expect(
      (await call(qualityHome.loader, getRequest('/', agent.cookie), { slug: noord.slug })).status,
    ).toBe(403)
    // The admin reads everything of the organisation.
    expect((await call(orgEvaluation.loader, getRequest('/', admin.cookie), params)).status).toBe(
      200,
    )
  })
})

describe('seen, disputed, decided', () => {
  test('the agent disputes; an admin changes the scores; the trail says so', async () => {
    const created = await score(teamLeader, agent.id, { 'item-identity': '0' })
    const id = created.location!.split('/').pop()!.split('?')[0]!
    expect((await prisma.evaluation.findUniqueOrThrow({ where: { id } })).criticalFailed).toBe(true)
    const params = { evaluationId: id }
    const short = await call(
      myEvaluation.action,
      formRequest(
        `/evaluations/${id}`,
        { intent: 'dispute', reason: 'nee' },
        { cookie: agent.cookie },
      ),
      params,
    )
    expect(short.status).toBe(400)
    const dispute = await call(
      myEvaluation.action,
      formRequest(
        `/evaluations/${id}`,
        {
          intent: 'dispute',
          reason: 'Ik heb de klant wel geïdentificeerd: postcode en geboortedatum.',
        },
        { cookie: agent.cookie },
      ),
      params,
    )
    expect(dispute.status).toBe(302)
    // The colleague cannot act on it; a team leader cannot decide it.
    expect(
      (
        await call(
          myEvaluation.action,
          formRequest('/', { intent: 'acknowledge' }, { cookie: colleague.cookie }),
          params,
        )
      ).status,
    ).toBe(404)
    const orgParams = { slug: noord.slug, evaluationId: id }
    expect(
      (
        await call(
          orgEvaluation.action,
          formRequest(
            '/',
            { outcome: 'upheld', note: 'Blijft staan' },
            { cookie: teamLeader.cookie },
          ),
          orgParams,
        )
      ).status,
    ).toBe(403)

    const decided = await call(
      orgEvaluation.action,
      formRequest(
        '/',
        {
          outcome: 'changed',
          note: 'Opname teruggeluisterd: identificatie was goed.',
          ...scoreFields(),
        },
        { cookie: admin.cookie },
      ),
      orgParams,
    )
    expect(decided.status).toBe(302)
    const after = await prisma.evaluation.findUniqueOrThrow({
      where: { id },
      include: { workProcesses: true },
    })
    expect(after).toMatchObject({
      status: 'changed',
      score: 100,
      passed: true,
      criticalFailed: false,
    })
    expect(after.workProcesses.every((w) => w.passed)).toBe(true)
    const trail = await prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: id, action: 'evaluation.dispute-resolved' },
    })
    expect(JSON.parse(trail.detail)).toMatchObject({
      outcome: 'changed',
      scoreBefore: 0,
      scoreAfter: 100,
    })
    // Decided once: a second decision is refused.
    const again = await call(
      orgEvaluation.action,
      formRequest('/', { outcome: 'upheld', note: 'Toch niet' }, { cookie: admin.cookie }),
      orgParams,
    )
    expect(again.status).toBe(400)
  })

  test('acknowledging marks it seen once', async () => {
    const created = await score(teamLeader, agent.id)
    const id = created.location!.split('/').pop()!.split('?')[0]!
    const ack = () =>
      call(
        myEvaluation.action,
        formRequest('/', { intent: 'acknowledge' }, { cookie: agent.cookie }),
        { evaluationId: id },
      )
    expect((await ack()).status).toBe(302)
    expect((await prisma.evaluation.findUniqueOrThrow({ where: { id } })).status).toBe(
      'acknowledged',
    )
    expect((await ack()).status).toBe(400)
  })
})

describe('scorecards in versions', () => {
  test('bad YAML names its line; a save makes a new version and old evaluations keep theirs', async () => {
    const path = `/orgs/${noord.slug}/quality/scorecards/new`
    const base = {
      name: 'Scorekaart Chat',
      clientId: '',
      channels: 'chat',
      dossierSlug: 'contactcenter-medewerker',
    }
    const yaml = definitionAsYaml(STARTER_SCORECARD)
    const broken = yaml.replace('scale: yes_no', 'scale: misschien')
    const refused = await call(
      scorecardNew.action,
      formRequest(path, { ...base, definition: broken }, { cookie: admin.cookie }),
      { slug: noord.slug },
    )
    expect(refused.status).toBe(400)
    const line = broken.split('\n').findIndex((l) => l.includes('misschien')) + 1
    expect(JSON.stringify(refused.data)).toContain(`${line}:`)
    const unknownWp = yaml.replace('CM-K3-W2', 'CM-K9-W9')
    const wp = await call(
      scorecardNew.action,
      formRequest(path, { ...base, definition: unknownWp }, { cookie: admin.cookie }),
      { slug: noord.slug },
    )
    expect(JSON.stringify(wp.data)).toContain('CM-K9-W9 is not a work process')
    // Only admins manage scorecards.
    expect(
      (
        await call(
          scorecardNew.action,
          formRequest(path, { ...base, definition: yaml }, { cookie: teamLeader.cookie }),
          { slug: noord.slug },
        )
      ).status,
    ).toBe(403)

    const created = await call(
      scorecardNew.action,
      formRequest(path, { ...base, definition: yaml }, { cookie: admin.cookie }),
      { slug: noord.slug },
    )
    expect(created.status).toBe(302)
    const cardId = created.location!.split('/').pop()!.split('?')[0]!
    const v1 = await prisma.scorecardVersion.findFirstOrThrow({ where: { scorecardId: cardId } })
    await prisma.evaluation.count()
    const edited = yaml.replace('passMark: 80', 'passMark: 85')
    const saved = await call(
      scorecardEdit.action,
      formRequest('/', { ...base, definition: edited }, { cookie: admin.cookie }),
      { slug: noord.slug, scorecardId: cardId },
    )
    expect(saved.status).toBe(302)
    const versions = await prisma.scorecardVersion.findMany({
      where: { scorecardId: cardId },
      orderBy: { version: 'asc' },
    })
    expect(versions.map((v) => v.version)).toEqual([1, 2])
    expect(versions[0]!.definition).toBe(v1.definition)
    expect(JSON.parse(versions[1]!.definition).passMark).toBe(85)
    // Another organisation cannot see or edit it.
    expect(
      (
        await call(scorecardEdit.loader, getRequest('/', outsider.cookie), {
          slug: noord.slug,
          scorecardId: cardId,
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await call(scorecardEdit.loader, getRequest('/', outsider.cookie), {
          slug: other.slug,
          scorecardId: cardId,
        })
      ).status,
    ).toBe(404)
  })
})
