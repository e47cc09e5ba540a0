import { keepStaffCounts } from '#app/employer/staff-counts.server.ts'
import { prisma } from '#app/db.server.ts'
import { workplaceFacts, workplaceKey } from '#app/assessment/workplace-facts.server.ts'
import { isVisibleCourse } from './course-visibility.server.ts'
import { ladderFacts, stepFor, type LinkedLesson } from './progress-rules.ts'

type Db = typeof prisma
const key = workplaceKey

/**
 * Every learner's step on every work process, computed from scratch with bulk queries (no
 * per-learner queries): the rules applied to all completions and workplace evidence, counting
 * per learner only the courses that count for them (see course-visibility), and never below
 * the highest step the event log records (`progressed`), since progress never goes back.
 */
export async function computeAllStatuses(db: Db = prisma): Promise<Map<string, number>> {
  const [links, memberships, completions, progressed, workplace] = await Promise.all([
    db.lessonWorkProcess.findMany({
      where: { lesson: { courseVersion: { currentOf: { isNot: null } } } },
      select: {
        workProcessCode: true,
        lesson: {
          select: {
            lessonKey: true,
            type: true,
            courseVersion: {
              select: { dossierSlug: true, course: { select: { organisationId: true } } },
            },
          },
        },
      },
    }),
    // Only memberships that can make a course count: of organisations with a published course.
    db.membership.findMany({
      where: {
        deactivatedAt: null,
        organisation: { courses: { some: { currentVersionId: { not: null } } } },
      },
      select: { userId: true, organisationId: true },
    }),
    db.lessonCompletion.findMany({ select: { userId: true, lessonKey: true } }),
    db.learningEvent.groupBy({
      by: ['userId', 'objectId'],
      where: { verb: 'progressed' },
      _max: { resultStep: true },
    }),
    workplaceFacts(db),
  ])
  // Per work process, its linked lessons (with the organisation owning each lesson's course);
  // per lesson, the work processes it trains.
  type OwnedLesson = LinkedLesson & { organisationId: string | null }
  const linked = new Map<string, { dossierSlug: string; code: string; lessons: OwnedLesson[] }>()
  const workProcessesOf = new Map<string, string[]>()
  for (const l of links) {
    const dossierSlug = l.lesson.courseVersion.dossierSlug
    const wp = `${dossierSlug}|${l.workProcessCode}`
    if (!linked.has(wp)) linked.set(wp, { dossierSlug, code: l.workProcessCode, lessons: [] })
    linked.get(wp)!.lessons.push({
      lessonKey: l.lesson.lessonKey,
      type: l.lesson.type,
      organisationId: l.lesson.courseVersion.course.organisationId,
    })
    workProcessesOf.set(l.lesson.lessonKey, [
      ...(workProcessesOf.get(l.lesson.lessonKey) ?? []),
      wp,
    ])
  }
  const doneBy = new Map<string, Set<string>>()
  const touched = new Map<string, Set<string>>()
  for (const c of completions) {
    if (!doneBy.has(c.userId)) doneBy.set(c.userId, new Set())
    doneBy.get(c.userId)!.add(c.lessonKey)
    for (const wp of workProcessesOf.get(c.lessonKey) ?? []) {
      if (!touched.has(c.userId)) touched.set(c.userId, new Set())
      touched.get(c.userId)!.add(wp)
    }
  }
  const organisationsOf = new Map<string, Set<string>>()
  for (const m of memberships) {
    if (!organisationsOf.has(m.userId)) organisationsOf.set(m.userId, new Set())
    organisationsOf.get(m.userId)!.add(m.organisationId)
  }
  const result = new Map<string, number>()
  for (const [userId, wps] of touched) {
    const organisationIds = organisationsOf.get(userId) ?? new Set<string>()
    for (const wp of wps) {
      const { dossierSlug, code, lessons } = linked.get(wp)!
      // As the live engine does: only the courses that count for this learner.
      const counted = lessons.filter((l) => isVisibleCourse(l.organisationId, organisationIds))
      const facts = workplace.get(key(userId, dossierSlug, code))
      const step = stepFor(ladderFacts(counted, doneBy.get(userId)!, facts))
      if (step > 0) result.set(key(userId, dossierSlug, code), step)
    }
  }
  for (const p of progressed) {
    const [dossierSlug, code] = p.objectId.split('/')
    const k = key(p.userId, dossierSlug!, code!)
    const step = p._max.resultStep ?? 0
    if (step > (result.get(k) ?? 0)) result.set(k, step)
  }
  return result
}

export async function storedStatuses(db: Db = prisma): Promise<Map<string, number>> {
  const rows = await db.workProcessStatus.findMany({
    where: { step: { gt: 0 } },
    select: { userId: true, dossierSlug: true, workProcessCode: true, step: true },
  })
  return new Map(rows.map((r) => [key(r.userId, r.dossierSlug, r.workProcessCode), r.step]))
}

export type RebuildReport = {
  compared: number
  differences: Array<{ key: string; stored: number; computed: number }>
}

/** Compare the stored steps with a recomputation; with `write`, replace the stored ones. */
export async function rebuildStatuses(
  options: { write: boolean },
  db: Db = prisma,
): Promise<RebuildReport> {
  const [computed, stored] = await Promise.all([computeAllStatuses(db), storedStatuses(db)])
  const differences: RebuildReport['differences'] = []
  for (const k of new Set([...computed.keys(), ...stored.keys()])) {
    const c = computed.get(k) ?? 0
    const s = stored.get(k) ?? 0
    if (c !== s) differences.push({ key: k, stored: s, computed: c })
  }
  if (options.write && differences.length > 0) {
    const people = differences.map((d) => d.key.split('|')[0]!)
    await db.$transaction(async (tx) => {
      // The matrix totals follow the corrected steps in the same transaction.
      await keepStaffCounts(tx, people, async () => {
        for (const d of differences) {
          const [userId, dossierSlug, workProcessCode] = d.key.split('|') as [
            string,
            string,
            string,
          ]
          await tx.workProcessStatus.upsert({
            where: { userId_dossierSlug_workProcessCode: { userId, dossierSlug, workProcessCode } },
            create: { userId, dossierSlug, workProcessCode, step: d.computed },
            update: { step: d.computed },
          })
        }
      })
    })
  }
  return { compared: computed.size, differences }
}
