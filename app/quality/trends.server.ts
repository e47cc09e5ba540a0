import { prisma } from '#app/db.server.ts'
import { linkedLessons } from '#app/domain/progress.server.ts'
import type { QualityScope } from './quality-access.server.ts'

/**
 * "Did the coaching work?": the scores of one agent (or a team) on each work process over
 * time, with the coaching sessions and completed lessons on the same time line, and a
 * comparison of the weeks before a moment (by default the newest coaching session on that
 * work process) with the weeks after it.
 */

const WEEK_MS = 7 * 86_400_000
export const DEFAULT_WINDOW_WEEKS = 4

export type ScorePoint = { at: Date; score: number; passed: boolean }
export type Side = { count: number; meanScore: number | null; passRate: number | null }
export type Comparison = { pivot: Date; weeks: number; before: Side; after: Side }

const round1 = (n: number) => Math.round(n * 10) / 10

function side(points: ScorePoint[]): Side {
  if (points.length === 0) return { count: 0, meanScore: null, passRate: null }
  const mean = points.reduce((sum, p) => sum + p.score, 0) / points.length
  const passed = points.filter((p) => p.passed).length
  return {
    count: points.length,
    meanScore: round1(mean),
    passRate: round1((passed / points.length) * 100),
  }
}

/**
 * Mean score and pass rate (percent) in the `weeks` before the pivot (up to, not including
 * it) and in the `weeks` from it on. Pure: the tests check these numbers by hand.
 */
export function beforeAfter(points: ScorePoint[], pivot: Date, weeks: number): Comparison {
  const from = +pivot - weeks * WEEK_MS
  const to = +pivot + weeks * WEEK_MS
  return {
    pivot,
    weeks,
    before: side(points.filter((p) => +p.at >= from && +p.at < +pivot)),
    after: side(points.filter((p) => +p.at >= +pivot && +p.at < to)),
  }
}

/** Monday 00:00 UTC of the week a moment falls in, as YYYY-MM-DD. */
export function weekOf(at: Date) {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/** Weekly means of scores: one point per week with evaluations, at its Monday. */
export function weeklyMeans(points: ScorePoint[]) {
  const weeks = new Map<string, ScorePoint[]>()
  for (const p of points) {
    const key = weekOf(p.at)
    weeks.set(key, [...(weeks.get(key) ?? []), p])
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, ps]) => {
      const s = side(ps)
      return {
        week,
        at: new Date(`${week}T00:00:00Z`),
        count: s.count,
        meanScore: s.meanScore!,
        passRate: s.passRate!,
      }
    })
}

export type TrendEvent = { kind: 'coaching' | 'lesson'; at: Date; label: string; id: string }

export type WorkProcessTrend = {
  dossierSlug: string
  code: string
  titleNl: string
  titleEn: string
  points: Array<ScorePoint & { evaluationId: string }>
  events: TrendEvent[]
  comparison: Comparison | null
}

async function titlesOf(pairs: Array<{ dossierSlug: string; code: string }>) {
  const rows = await prisma.workProcess.findMany({
    where: { code: { in: pairs.map((p) => p.code) } },
    orderBy: { dossier: { version: 'asc' } },
    select: { code: true, titleNl: true, titleEn: true, dossier: { select: { slug: true } } },
  })
  return new Map(rows.map((r) => [`${r.dossier.slug}/${r.code}`, r]))
}

async function lessonTitles(keys: string[]) {
  const rows = await prisma.lesson.findMany({
    where: { lessonKey: { in: keys }, courseVersion: { currentOf: { isNot: null } } },
    select: { lessonKey: true, titleNl: true },
  })
  return new Map(rows.map((r) => [r.lessonKey, r.titleNl]))
}

/**
 * One agent's trend per work process: their evaluations (in this organisation, or in all of
 * theirs for the agent's own page), the coaching sessions on the work process, the lessons of
 * it they completed. The comparison pivots on `pivot` or on the newest coaching session.
 */
export async function agentTrend(
  agentId: string,
  options: { organisationId: string | null; pivot?: Date | null; weeks?: number },
): Promise<WorkProcessTrend[]> {
  const weeks = options.weeks ?? DEFAULT_WINDOW_WEEKS
  const org = options.organisationId ? { organisationId: options.organisationId } : {}
  const rows = await prisma.evaluationWorkProcess.findMany({
    where: { agentId, evaluation: { calibrationSessionId: null, ...org } },
    orderBy: { contactAt: 'asc' },
    select: {
      evaluationId: true,
      dossierSlug: true,
      workProcessCode: true,
      contactAt: true,
      score: true,
      passed: true,
    },
  })
  const groups = new Map<string, typeof rows>()
  for (const r of rows) {
    const key = `${r.dossierSlug}/${r.workProcessCode}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const sessions = await prisma.coachingSession.findMany({
    where: { agentId, ...org },
    orderBy: { heldAt: 'asc' },
    select: {
      id: true,
      heldAt: true,
      coach: { select: { name: true } },
      workProcesses: { select: { dossierSlug: true, workProcessCode: true } },
    },
  })
  const pairs = [...groups.keys()].map((k) => {
    const [dossierSlug, code] = k.split('/') as [string, string]
    return { dossierSlug, code }
  })
  const titles = await titlesOf(pairs)
  const result: WorkProcessTrend[] = []
  for (const { dossierSlug, code } of pairs) {
    const key = `${dossierSlug}/${code}`
    const linked = (await linkedLessons(prisma, agentId, dossierSlug, [code])).get(code) ?? []
    const keys = linked.map((l) => l.lessonKey)
    const [completions, names] = await Promise.all([
      prisma.lessonCompletion.findMany({
        where: { userId: agentId, lessonKey: { in: keys } },
        select: { lessonKey: true, completedAt: true },
      }),
      lessonTitles(keys),
    ])
    const coaching = sessions.filter((s) =>
      s.workProcesses.some((w) => w.dossierSlug === dossierSlug && w.workProcessCode === code),
    )
    const events: TrendEvent[] = [
      ...coaching.map((s) => ({
        kind: 'coaching' as const,
        at: s.heldAt,
        label: s.coach.name,
        id: s.id,
      })),
      ...completions.map((c) => ({
        kind: 'lesson' as const,
        at: c.completedAt,
        label: names.get(c.lessonKey) ?? c.lessonKey,
        id: c.lessonKey,
      })),
    ].sort((a, b) => +a.at - +b.at)
    const points = groups.get(key)!.map((r) => ({
      evaluationId: r.evaluationId,
      at: r.contactAt,
      score: r.score,
      passed: r.passed,
    }))
    const pivot = options.pivot ?? coaching[coaching.length - 1]?.heldAt ?? null
    result.push({
      dossierSlug,
      code,
      titleNl: titles.get(key)?.titleNl ?? code,
      titleEn: titles.get(key)?.titleEn ?? code,
      points,
      events,
      comparison: pivot ? beforeAfter(points, pivot, weeks) : null,
    })
  }
  return result
}

/** A team of the organisation this person may see (their own teams for a team leader). */
export function teamInScope(scope: QualityScope, teamId: string) {
  if (scope.agentTeamIds && !scope.agentTeamIds.includes(teamId)) return Promise.resolve(null)
  return prisma.team.findFirst({
    where: { id: teamId, organisationId: scope.organisationId },
    select: { id: true, name: true },
  })
}

export function teamsForTrends(scope: QualityScope) {
  return prisma.team.findMany({
    where: {
      organisationId: scope.organisationId,
      ...(scope.agentTeamIds ? { id: { in: scope.agentTeamIds } } : {}),
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
}

export type TeamTrend = {
  dossierSlug: string
  code: string
  titleNl: string
  titleEn: string
  weeks: ReturnType<typeof weeklyMeans>
  events: TrendEvent[]
  comparison: Comparison | null
}

/**
 * A team's trend per work process: the weekly mean over its agents' evaluations, with every
 * coaching session of its agents on the work process marked; the comparison pivots on the
 * newest of those sessions (or the chosen date) and counts single evaluations, not weeks.
 */
export async function teamTrend(
  scope: QualityScope,
  teamId: string,
  options: { pivot?: Date | null; weeks?: number } = {},
): Promise<TeamTrend[]> {
  const weeks = options.weeks ?? DEFAULT_WINDOW_WEEKS
  const members = await prisma.membership.findMany({
    where: {
      organisationId: scope.organisationId,
      deactivatedAt: null,
      teams: { some: { teamId } },
      roles: { some: { role: { in: ['learner', 'team_leader'] } } },
    },
    select: { userId: true },
  })
  // The leader's own scores are not part of the team they coach.
  const agentIds = members.map((m) => m.userId).filter((id) => id !== scope.userId)
  const rows = await prisma.evaluationWorkProcess.findMany({
    where: {
      agentId: { in: agentIds },
      evaluation: { organisationId: scope.organisationId, calibrationSessionId: null },
    },
    orderBy: { contactAt: 'asc' },
    select: {
      dossierSlug: true,
      workProcessCode: true,
      contactAt: true,
      score: true,
      passed: true,
    },
  })
  const sessions = await prisma.coachingSession.findMany({
    where: { organisationId: scope.organisationId, agentId: { in: agentIds } },
    orderBy: { heldAt: 'asc' },
    select: {
      id: true,
      heldAt: true,
      agent: { select: { name: true } },
      workProcesses: { select: { dossierSlug: true, workProcessCode: true } },
    },
  })
  const groups = new Map<string, ScorePoint[]>()
  for (const r of rows) {
    const key = `${r.dossierSlug}/${r.workProcessCode}`
    groups.set(key, [
      ...(groups.get(key) ?? []),
      { at: r.contactAt, score: r.score, passed: r.passed },
    ])
  }
  const pairs = [...groups.keys()].map((k) => {
    const [dossierSlug, code] = k.split('/') as [string, string]
    return { dossierSlug, code }
  })
  const titles = await titlesOf(pairs)
  return pairs.map(({ dossierSlug, code }) => {
    const key = `${dossierSlug}/${code}`
    const points = groups.get(key)!
    const coaching = sessions.filter((s) =>
      s.workProcesses.some((w) => w.dossierSlug === dossierSlug && w.workProcessCode === code),
    )
    const pivot = options.pivot ?? coaching[coaching.length - 1]?.heldAt ?? null
    return {
      dossierSlug,
      code,
      titleNl: titles.get(key)?.titleNl ?? code,
      titleEn: titles.get(key)?.titleEn ?? code,
      weeks: weeklyMeans(points),
      events: coaching.map((s) => ({
        kind: 'coaching' as const,
        at: s.heldAt,
        label: s.agent.name.split(/\s+/)[0] ?? '',
        id: s.id,
      })),
      comparison: pivot ? beforeAfter(points, pivot, weeks) : null,
    }
  })
}

/** "?pivot=YYYY-MM-DD&weeks=N" of a trend page: the chosen date and window, or defaults. */
export function trendOptions(url: URL) {
  const pivotText = url.searchParams.get('pivot') ?? ''
  const pivot = /^\d{4}-\d{2}-\d{2}$/.test(pivotText) ? new Date(`${pivotText}T00:00:00Z`) : null
  const weeksNumber = Number(url.searchParams.get('weeks'))
  const weeks =
    Number.isInteger(weeksNumber) && weeksNumber >= 1 && weeksNumber <= 26
      ? weeksNumber
      : DEFAULT_WINDOW_WEEKS
  return { pivot: pivot && !Number.isNaN(+pivot) ? pivot : null, weeks }
}

/** What the trend view draws: dates as ISO strings, agent and team trends alike. */
export function agentTrendView(t: WorkProcessTrend) {
  return {
    code: t.code,
    titleNl: t.titleNl,
    titleEn: t.titleEn,
    points: t.points.map((p) => ({ at: p.at.toISOString(), value: p.score, passed: p.passed })),
    events: t.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, label: e.label })),
    comparison: t.comparison && { ...t.comparison, pivot: t.comparison.pivot.toISOString() },
  }
}

export function teamTrendView(t: TeamTrend) {
  return {
    code: t.code,
    titleNl: t.titleNl,
    titleEn: t.titleEn,
    points: t.weeks.map((w) => ({ at: w.at.toISOString(), value: w.meanScore })),
    events: t.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, label: e.label })),
    comparison: t.comparison && { ...t.comparison, pivot: t.comparison.pivot.toISOString() },
  }
}
