import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { sendEmail } from '#app/email/mailer.server.ts'
import { assignmentEmail, assignmentReminderEmail } from '#app/email/templates.ts'
import { audit } from '#app/domain/audit.server.ts'
import { visibleCourses } from '#app/domain/course-visibility.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { personInScope, type StaffScope } from './staff-scope.server.ts'

export type AssignmentTarget =
  | { kind: 'course'; courseId: string }
  | { kind: 'work_process'; dossierSlug: string; workProcessCode: string }

/** Knowledge complete: what a work-process assignment asks (competence needs an assessor). */
export const WORK_PROCESS_TARGET_STEP = 2
const REMIND_AHEAD_DAYS = 3
const REMIND_EVERY_MS = 24 * 3600 * 1000

/** Active staff memberships within the scope (optionally: only these people or this team). */
export function staffInScope(
  scope: StaffScope,
  only: { userIds?: string[]; teamId?: string; membershipId?: string } = {},
) {
  return prisma.membership.findMany({
    where: {
      organisationId: scope.organisationId,
      deactivatedAt: null,
      roles: { some: { role: { in: ['learner', 'team_leader'] } } },
      ...(only.userIds ? { userId: { in: only.userIds } } : {}),
      ...(only.membershipId ? { id: only.membershipId } : {}),
      AND: [
        scope.teamIds ? { teams: { some: { teamId: { in: scope.teamIds } } } } : {},
        only.teamId ? { teams: { some: { teamId: only.teamId } } } : {},
      ],
    },
    orderBy: { user: { name: 'asc' } },
    select: { id: true, userId: true, user: { select: { name: true, email: true } } },
  })
}

export class AssignmentRefused extends Error {
  constructor(readonly reason: 'nobody' | 'outside_scope' | 'unknown_target' | 'past_due') {
    super(reason)
  }
}

/** The courses an organisation may assign: platform-wide ones and its own. */
export function assignableCourses(organisationId: string) {
  return prisma.courseVersion.findMany({
    where: { currentOf: { is: visibleCourses([organisationId]) } },
    orderBy: { titleNl: 'asc' },
    select: { courseId: true, titleNl: true, titleEn: true },
  })
}

/**
 * What a target is called, in Dutch and English; null when it does not exist or, for a
 * course, when it is not the organisation's to assign (another organisation's course).
 */
export async function targetTitle(target: AssignmentTarget, organisationId: string) {
  if (target.kind === 'course') {
    const v = await prisma.courseVersion.findFirst({
      where: { courseId: target.courseId, currentOf: { is: visibleCourses([organisationId]) } },
      select: { titleNl: true, titleEn: true },
    })
    return v ? { nl: v.titleNl, en: v.titleEn } : null
  }
  const wp = await prisma.workProcess.findFirst({
    where: { code: target.workProcessCode, dossier: { slug: target.dossierSlug } },
    orderBy: { dossier: { version: 'desc' } },
    select: { titleNl: true, titleEn: true },
  })
  return wp
    ? {
        nl: `${target.workProcessCode} ${wp.titleNl}`,
        en: `${target.workProcessCode} ${wp.titleEn}`,
      }
    : null
}

/**
 * Assign a course or a work process to people (a team is its members today) with a due date.
 * One transaction: the assignments, for a course an enrolment carrying the due date (so it
 * shows on the learner's dashboard), and an audit line; then an e-mail to each person.
 */
export async function assign(input: {
  scope: StaffScope
  assignedById: string
  userIds: string[]
  teamId?: string
  target: AssignmentTarget
  dueAt: Date
}) {
  const { scope, target, dueAt } = input
  const startOfToday = new Date(new Date().toDateString())
  if (dueAt < startOfToday) throw new AssignmentRefused('past_due')
  const title = await targetTitle(target, scope.organisationId)
  if (!title) throw new AssignmentRefused('unknown_target')
  const people = input.teamId
    ? await staffInScope(scope, { teamId: input.teamId })
    : await staffInScope(scope, { userIds: input.userIds })
  if (!input.teamId && input.userIds.length > 0 && people.length !== new Set(input.userIds).size)
    throw new AssignmentRefused('outside_scope')
  if (people.length === 0) throw new AssignmentRefused('nobody')

  await prisma.$transaction(
    async (tx) => {
      await tx.assignment.createMany({
        data: people.map((p) => ({
          organisationId: scope.organisationId,
          userId: p.userId,
          kind: target.kind,
          courseId: target.kind === 'course' ? target.courseId : null,
          dossierSlug: target.kind === 'work_process' ? target.dossierSlug : null,
          workProcessCode: target.kind === 'work_process' ? target.workProcessCode : null,
          dueAt,
          assignedById: input.assignedById,
        })),
      })
      if (target.kind === 'course') {
        for (const p of people) {
          await tx.enrolment.upsert({
            where: { userId_courseId: { userId: p.userId, courseId: target.courseId } },
            create: {
              userId: p.userId,
              courseId: target.courseId,
              source: 'assigned',
              assignedById: input.assignedById,
              dueAt,
            },
            update: { assignedById: input.assignedById, dueAt },
          })
        }
      }
      await audit(tx, {
        actorId: input.assignedById,
        organisationId: scope.organisationId,
        action: 'assignment.created',
        subjectType: target.kind,
        subjectId: target.kind === 'course' ? target.courseId : target.workProcessCode,
        detail: { people: people.length, teamId: input.teamId ?? null, dueAt: dueAt.toISOString() },
      })
    },
    { timeout: 20_000, maxWait: 20_000 },
  )
  for (const p of people) {
    await sendEmail({
      to: p.user.email,
      ...assignmentEmail('nl', {
        organisation: scope.organisationName,
        title: title.nl,
        due: formatAmsterdam(dueAt, 'nl'),
        link: `${env.PUBLIC_URL}/dashboard`,
      }),
    })
  }
  return { assigned: people.length }
}

/** What deciding an assignment's target and done-ness needs. */
const ASSIGNMENT_FIELDS = {
  id: true,
  userId: true,
  kind: true,
  courseId: true,
  dossierSlug: true,
  workProcessCode: true,
  dueAt: true,
} as const

type AssignmentRow = {
  id: string
  userId: string
  kind: string
  courseId: string | null
  dossierSlug: string | null
  workProcessCode: string | null
  dueAt: Date
}

/** The target an assignment row names. */
const targetOf = (r: Omit<AssignmentRow, 'id' | 'userId' | 'dueAt'>): AssignmentTarget =>
  r.kind === 'course'
    ? { kind: 'course', courseId: r.courseId! }
    : { kind: 'work_process', dossierSlug: r.dossierSlug!, workProcessCode: r.workProcessCode! }

/** Which of these assignments are done, in three queries whatever their number. */
async function doneSet(rows: AssignmentRow[]) {
  const courseIds = [...new Set(rows.flatMap((r) => (r.courseId ? [r.courseId] : [])))]
  const userIds = [...new Set(rows.map((r) => r.userId))]
  const [versions, statuses] = await Promise.all([
    prisma.courseVersion.findMany({
      where: { courseId: { in: courseIds }, currentOf: { isNot: null } },
      select: { courseId: true, lessons: { select: { lessonKey: true } } },
    }),
    prisma.workProcessStatus.findMany({
      where: { userId: { in: userIds }, step: { gte: WORK_PROCESS_TARGET_STEP } },
      select: { userId: true, dossierSlug: true, workProcessCode: true },
    }),
  ])
  const lessonsOf = new Map(versions.map((v) => [v.courseId, v.lessons.map((l) => l.lessonKey)]))
  const completions = await prisma.lessonCompletion.findMany({
    where: { userId: { in: userIds }, courseId: { in: courseIds } },
    select: { userId: true, lessonKey: true },
  })
  const completed = new Set(completions.map((c) => `${c.userId}|${c.lessonKey}`))
  const reached = new Set(statuses.map((s) => `${s.userId}|${s.dossierSlug}|${s.workProcessCode}`))
  return new Set(
    rows
      .filter((r) =>
        r.kind === 'course'
          ? (lessonsOf.get(r.courseId!) ?? []).every((k) => completed.has(`${r.userId}|${k}`))
          : reached.has(`${r.userId}|${r.dossierSlug}|${r.workProcessCode}`),
      )
      .map((r) => r.id),
  )
}

/** Rows of the organisation whose person is in the scope. */
function scopedWhere(scope: StaffScope) {
  return { organisationId: scope.organisationId, ...personInScope(scope) }
}

/** The organisation's assignments in scope, overdue first, with who, what, when and status. */
export async function listAssignments(scope: StaffScope) {
  const rows = await prisma.assignment.findMany({
    where: scopedWhere(scope),
    orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
    take: 500,
    select: {
      ...ASSIGNMENT_FIELDS,
      remindedAt: true,
      user: { select: { name: true } },
    },
  })
  const done = await doneSet(rows)
  const titles = new Map<string, { nl: string; en: string } | null>()
  for (const r of rows) {
    const key = r.courseId ?? `${r.dossierSlug}/${r.workProcessCode}`
    if (!titles.has(key)) titles.set(key, await targetTitle(targetOf(r), scope.organisationId))
  }
  const now = Date.now()
  return rows
    .map((r) => {
      const isDone = done.has(r.id)
      return {
        ...r,
        title: titles.get(r.courseId ?? `${r.dossierSlug}/${r.workProcessCode}`) ?? null,
        status: isDone
          ? ('done' as const)
          : +r.dueAt < now
            ? ('overdue' as const)
            : ('open' as const),
      }
    })
    .sort((a, b) => order[a.status] - order[b.status] || +a.dueAt - +b.dueAt)
}
const order = { overdue: 0, open: 1, done: 2 }

export async function overdueCount(scope: StaffScope) {
  const rows = await prisma.assignment.findMany({
    where: { ...scopedWhere(scope), dueAt: { lt: new Date() } },
    select: {
      ...ASSIGNMENT_FIELDS,
    },
  })
  const done = await doneSet(rows)
  return rows.filter((r) => !done.has(r.id)).length
}

/**
 * E-mail everyone whose assignment is overdue or due within three days and not done, at most
 * once a day per assignment. From the page (an employer's button) or a daily job
 * (`npm run assignments:remind`, every organisation).
 */
export async function sendReminders(scope: StaffScope | null, now = new Date()) {
  const rows = await prisma.assignment.findMany({
    where: {
      ...(scope ? scopedWhere(scope) : {}),
      dueAt: { lt: new Date(+now + REMIND_AHEAD_DAYS * 86400_000) },
      OR: [{ remindedAt: null }, { remindedAt: { lt: new Date(+now - REMIND_EVERY_MS) } }],
    },
    select: {
      ...ASSIGNMENT_FIELDS,
      organisationId: true,
      user: { select: { email: true } },
      organisation: { select: { name: true } },
    },
  })
  const done = await doneSet(rows)
  let sent = 0
  for (const r of rows.filter((x) => !done.has(x.id))) {
    // Claim the reminder first: two runs at once never both send it.
    const claimed = await prisma.assignment.updateMany({
      where: {
        id: r.id,
        OR: [{ remindedAt: null }, { remindedAt: { lt: new Date(+now - REMIND_EVERY_MS) } }],
      },
      data: { remindedAt: now },
    })
    if (claimed.count === 0) continue
    const title = await targetTitle(targetOf(r), r.organisationId)
    await sendEmail({
      to: r.user.email,
      ...assignmentReminderEmail('nl', {
        organisation: r.organisation.name,
        title: title?.nl ?? '',
        due: formatAmsterdam(r.dueAt, 'nl'),
        overdue: +r.dueAt < +now,
        link: `${env.PUBLIC_URL}/dashboard`,
      }),
    })
    sent++
  }
  return sent
}

/**
 * A learner's own open work-process assignments (an employer's, or a quality rule's), soonest
 * first: courses already show on the dashboard through their enrolment and due date.
 */
export async function ownOpenWorkProcessAssignments(userId: string) {
  const rows = await prisma.assignment.findMany({
    where: { userId, kind: 'work_process' },
    orderBy: { dueAt: 'asc' },
    take: 50,
    select: { ...ASSIGNMENT_FIELDS, organisation: { select: { id: true, name: true } } },
  })
  const done = await doneSet(rows)
  const open = rows.filter((r) => !done.has(r.id))
  return Promise.all(
    open.map(async (r) => ({
      id: r.id,
      dueAt: r.dueAt,
      overdue: +r.dueAt < Date.now(),
      dossierSlug: r.dossierSlug!,
      workProcessCode: r.workProcessCode!,
      organisation: r.organisation.name,
      title: await targetTitle(targetOf(r), r.organisation.id),
    })),
  )
}
