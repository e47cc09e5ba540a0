import { beforeAll, describe, expect, test } from 'vitest'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { prisma } from '#app/db.server.ts'
import { createTasks } from '#app/jobs/tasks.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import {
  COACH_DOSSIER,
  confirmCoaching,
  getCoachingForScope,
  getOwnCoaching,
  handInCoaching,
  logCoachingSession,
  remindFollowUps,
} from './coaching.server.ts'
import { qualityScopeOf, type QualityScope } from './quality-access.server.ts'
import { STARTER_DOSSIER } from './starter-scorecard.ts'
import { makeMember, makeOrganisation, makeUser } from '#tests/factories.ts'
import { evaluate, makeScorecard } from '#tests/quality-fixtures.ts'

async function scopeFor(userId: string, slug: string): Promise<QualityScope> {
  const membership = (await getMemberships({ id: userId })).find(
    (m) => m.organisation.slug === slug,
  )!
  return (await qualityScopeOf(userId, membership))!
}

const DAY = 86_400_000
let org: Awaited<ReturnType<typeof makeOrganisation>>
let leader: QualityScope
let otherLeader: QualityScope
let admin: QualityScope
let agent: { id: string; name: string; email: string }
let otherTeamAgent: string
let evaluationId: string

beforeAll(async () => {
  await importDossierFolder()
  org = await makeOrganisation()
  const otherTeam = await prisma.team.create({
    data: { organisationId: org.id, name: 'Team Verkoop' },
    select: { id: true },
  })
  const l = await makeMember(org.id, ['team_leader'], [org.teamId])
  leader = await scopeFor(l.user.id, org.slug)
  const ol = await makeMember(org.id, ['team_leader'], [otherTeam.id])
  otherLeader = await scopeFor(ol.user.id, org.slug)
  admin = await scopeFor((await makeMember(org.id, ['employer_admin'])).user.id, org.slug)
  const user = await makeUser('Fatima de Vries')
  await prisma.membership.create({
    data: {
      organisationId: org.id,
      userId: user.id,
      roles: { create: [{ role: 'learner' }] },
      teams: { create: [{ teamId: org.teamId }] },
    },
  })
  agent = { id: user.id, name: user.name, email: user.email }
  otherTeamAgent = (await makeMember(org.id, ['learner'], [otherTeam.id])).user.id
  const card = await makeScorecard(org.id, l.user.id)
  evaluationId = (
    await evaluate({
      organisationId: org.id,
      scorecard: card,
      evaluatorId: l.user.id,
      agentId: agent.id,
    })
  ).id
}, 120_000)

const session = (extra: Partial<Parameters<typeof logCoachingSession>[1]> = {}) => ({
  agentId: agent.id,
  heldAt: new Date(Date.now() - 2 * DAY),
  evaluationIds: [evaluationId],
  workProcesses: [`${STARTER_DOSSIER}/CM-K1-W1`],
  discussed: 'De identiteitscontrole aan het begin van het gesprek.',
  agreements: 'Vraagt altijd eerst naar geboortedatum en postcode.',
  followUpAt: new Date(Date.now() - DAY),
  ...extra,
})

describe('coaching sessions', () => {
  test('a team leader coaches only the agents of their own teams', async () => {
    await expect(
      logCoachingSession(leader, session({ agentId: otherTeamAgent })),
    ).rejects.toMatchObject({
      field: 'agentId',
    })
    await expect(
      logCoachingSession(leader, session({ evaluationIds: ['not-this-agents'] })),
    ).rejects.toMatchObject({ field: 'evaluationIds' })
    await expect(
      logCoachingSession(leader, session({ workProcesses: [`${STARTER_DOSSIER}/CM-K9-W9`] })),
    ).rejects.toMatchObject({ field: 'workProcesses' })
  })

  test('the coach, the agent, the team leaders and the admins see a session; nobody else', async () => {
    const { id } = await logCoachingSession(leader, session())
    expect(await getCoachingForScope(leader, id)).not.toBeNull()
    expect(await getCoachingForScope(admin, id)).not.toBeNull()
    expect(await getCoachingForScope(otherLeader, id)).toBeNull()
    expect(await getOwnCoaching(agent.id, id)).not.toBeNull()
    expect(await getOwnCoaching(otherTeamAgent, id)).toBeNull()
    await expect(confirmCoaching(otherTeamAgent, id)).rejects.toMatchObject({ status: 404 })
    expect(
      await prisma.auditEvent.count({ where: { action: 'coaching.logged', subjectId: id } }),
    ).toBe(1)
  })

  test('the agent confirms once; the follow-up reminder goes once', async () => {
    const { id } = await logCoachingSession(leader, session())
    await confirmCoaching(agent.id, id)
    await expect(confirmCoaching(agent.id, id)).rejects.toMatchObject({ field: 'intent' })
    expect(
      await prisma.auditEvent.count({ where: { action: 'coaching.confirmed', subjectId: id } }),
    ).toBe(1)
    const reminders = () =>
      prisma.email.count({
        where: { to: agent.email, subject: { startsWith: 'Vervolg van coaching' } },
      })
    const before = await reminders()
    // The daily reminder job sends it; any later run sends nothing more.
    await createTasks()['assignments.remind']({}, { id: 'test', name: 'assignments.remind' })
    expect(await remindFollowUps()).toBe(0)
    expect(
      (await prisma.coachingSession.findUniqueOrThrow({ where: { id } })).followUpRemindedAt,
    ).not.toBeNull()
    expect(await reminders()).toBeGreaterThan(before)
  })

  test('the coach hands in confirmed sessions as one coaching log, with first names only', async () => {
    const open = await logCoachingSession(leader, session())
    const confirmed = await logCoachingSession(
      leader,
      session({ discussed: 'Afsluiting van het gesprek.' }),
    )
    await confirmCoaching(agent.id, confirmed.id)
    // An unconfirmed session, or someone else's, cannot be handed in.
    await expect(
      handInCoaching(leader, { sessionIds: [open.id], workProcessCodes: ['TL-K2-W3'] }),
    ).rejects.toMatchObject({ field: 'sessionIds' })
    await expect(
      handInCoaching(otherLeader, { sessionIds: [confirmed.id], workProcessCodes: ['TL-K2-W3'] }),
    ).rejects.toMatchObject({ field: 'sessionIds' })
    await expect(
      handInCoaching(leader, { sessionIds: [confirmed.id], workProcessCodes: ['CM-K1-W1'] }),
    ).rejects.toMatchObject({ field: 'workProcessCodes' })

    const { evidenceId } = await handInCoaching(leader, {
      sessionIds: [confirmed.id],
      workProcessCodes: ['TL-K2-W3', 'TL-K1-W3'],
    })
    const evidence = await prisma.evidence.findUniqueOrThrow({
      where: { id: evidenceId },
      include: { workProcesses: true },
    })
    expect(evidence).toMatchObject({
      userId: leader.userId,
      kind: 'coaching_log',
      dossierSlug: COACH_DOSSIER,
    })
    expect(evidence.workProcesses.map((w) => w.workProcessCode).sort()).toEqual([
      'TL-K1-W3',
      'TL-K2-W3',
    ])
    expect(evidence.narrative).toContain('met Fatima')
    expect(evidence.narrative).not.toContain('de Vries')
    expect(evidence.narrative).toContain('Afsluiting van het gesprek.')
    expect(
      (await prisma.coachingSession.findUniqueOrThrow({ where: { id: confirmed.id } })).evidenceId,
    ).toBe(evidenceId)
    // Handed in once: a second time is refused and nothing new is stored.
    await expect(
      handInCoaching(leader, { sessionIds: [confirmed.id], workProcessCodes: ['TL-K2-W3'] }),
    ).rejects.toMatchObject({ field: 'sessionIds' })
    expect(await prisma.evidence.count({ where: { userId: leader.userId } })).toBe(1)
  })
})
