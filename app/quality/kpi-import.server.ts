import { prisma } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { batches } from '#app/utils/batches.ts'
import {
  guessColumn,
  isMonday,
  mondayOfIsoWeek,
  readDay,
  readDuration,
  readEmail,
  readNumber,
} from './import-values.ts'
import { requireManager, type QualityScope } from './quality-access.server.ts'
import type { RowProblem } from './evaluation-import.server.ts'
import type { TabularFile } from './tabular-file.server.ts'
import { KPI_FIELDS, type KpiField } from './import-fields.ts'

/**
 * Weekly KPIs per agent from the organisation's reports (WFM, telephony, survey tool): context
 * beside the competency evidence, never a step of the ladder. The same pattern as the
 * evaluation import: a mapping, a dry run naming every bad line, one transaction. A week of an
 * agent is stored once (organisation, person, Monday); importing the same figures again
 * changes nothing, different figures replace the week's.
 */

export { KPI_FIELDS, type KpiField }

const MEASURES = ['aht', 'fcr', 'csat', 'nps', 'adherence'] as const

const HEADER_NAMES: Record<KpiField, string[]> = {
  agentEmail: ['Agent e-mail', 'Agent email', 'Medewerker e-mail', 'E-mail', 'Email', 'Agent'],
  week: ['Week', 'ISO week', 'Weeknummer', 'Week start', 'Maandag', 'Week of'],
  aht: ['AHT', 'Average handle time', 'Gemiddelde afhandeltijd', 'AHT (s)', 'AHT sec'],
  fcr: ['FCR', 'FCR %', 'First contact resolution', 'Eerste keer goed'],
  csat: ['CSAT', 'Klanttevredenheid', 'Customer satisfaction'],
  nps: ['NPS', 'Net promoter score'],
  adherence: ['Adherence', 'Adherence %', 'Schedule adherence', 'Roosterdiscipline'],
}

export type KpiMapping = Record<KpiField, number | null>

export function guessKpiMapping(headers: string[]): KpiMapping {
  return Object.fromEntries(
    KPI_FIELDS.map((f) => [f, guessColumn(headers, HEADER_NAMES[f])]),
  ) as KpiMapping
}

export function kpiMappingFromForm(form: FormData, headers: string[]): KpiMapping {
  return Object.fromEntries(
    KPI_FIELDS.map((f) => {
      const value = form.get(`field.${f}`)
      const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : null
      return [f, n !== null && n < headers.length ? n : null]
    }),
  ) as KpiMapping
}

export type KpiValues = {
  ahtSeconds: number | null
  fcrPercent: number | null
  csat: number | null
  nps: number | null
  adherencePercent: number | null
}

export type PlannedKpiWeek = {
  line: number
  userId: string
  agentEmail: string
  weekStart: string
  values: KpiValues
}

export type KpiCheck = {
  mappingProblems: string[]
  problems: RowProblem[]
  /** Weeks that are new or whose figures differ from the stored ones. */
  planned: PlannedKpiWeek[]
  unchanged: number
  rowCount: number
}

/** A week: ISO "2026-W48", or the Monday of it as a date. */
function readWeek(text: string): string | undefined | 'not-monday' {
  const iso = mondayOfIsoWeek(text)
  if (iso) return iso
  const day = readDay(text)
  if (!day) return undefined
  return isMonday(day) ? day : 'not-monday'
}

const sameValues = (a: KpiValues, b: KpiValues) =>
  a.ahtSeconds === b.ahtSeconds &&
  a.fcrPercent === b.fcrPercent &&
  a.csat === b.csat &&
  a.nps === b.nps &&
  a.adherencePercent === b.adherencePercent

export async function checkKpis(
  organisationId: string,
  mapping: KpiMapping,
  file: TabularFile,
): Promise<KpiCheck> {
  const mappingProblems: string[] = []
  if (mapping.agentEmail === null) mappingProblems.push('imports.kpis.field.agentEmail')
  if (mapping.week === null) mappingProblems.push('imports.kpis.field.week')
  if (MEASURES.every((m) => mapping[m] === null)) mappingProblems.push('imports.mapping.noKpis')
  if (mappingProblems.length > 0)
    return { mappingProblems, problems: [], planned: [], unchanged: 0, rowCount: 0 }

  const members = new Map(
    (
      await prisma.membership.findMany({
        where: { organisationId, deactivatedAt: null },
        select: { userId: true, user: { select: { email: true } } },
      })
    ).map((r) => [r.user.email.toLowerCase(), r.userId]),
  )
  const cell = (cells: string[], column: number | null) =>
    column === null ? '' : (cells[column] ?? '').trim()
  const problems: RowProblem[] = []
  const candidates: PlannedKpiWeek[] = []
  const seen = new Set<string>()
  for (const { line, cells } of file.rows) {
    const rowProblems: RowProblem[] = []
    const problem = (messageKey: string, value: string) =>
      rowProblems.push({ line, messageKey, value })
    const agentText = cell(cells, mapping.agentEmail)
    const agentEmail = readEmail(agentText)
    const userId = agentEmail ? members.get(agentEmail) : undefined
    if (!userId) problem('imports.row.agentUnknown', agentText)
    const weekText = cell(cells, mapping.week)
    const week = readWeek(weekText)
    if (week === undefined) problem('imports.row.week', weekText)
    if (week === 'not-monday') problem('imports.row.notMonday', weekText)

    // Each measure: empty is "not reported"; otherwise within its range.
    const measure = (
      field: (typeof MEASURES)[number],
      read: (t: string) => number | undefined,
      min: number,
      max: number,
    ) => {
      const text = cell(cells, mapping[field])
      if (text === '') return null
      const n = read(text)
      if (n === undefined || n < min || n > max) {
        problem(`imports.row.${field}`, text)
        return null
      }
      return Math.round(n * 10) / 10
    }
    const values: KpiValues = {
      ahtSeconds: measure('aht', readDuration, 0, 24 * 3600),
      fcrPercent: measure('fcr', readNumber, 0, 100),
      csat: measure('csat', readNumber, 0, 100),
      nps: measure('nps', readNumber, -100, 100),
      adherencePercent: measure('adherence', readNumber, 0, 100),
    }
    if (userId && week && week !== 'not-monday') {
      const key = `${userId}|${week}`
      if (seen.has(key)) problem('imports.row.duplicateWeek', `${agentText} ${weekText}`)
      seen.add(key)
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems)
      continue
    }
    candidates.push({
      line,
      userId: userId!,
      agentEmail: agentEmail!,
      weekStart: week as string,
      values,
    })
  }
  const stored = new Map<string, KpiValues>()
  for (const batch of batches(candidates)) {
    const rows = await prisma.kpiWeek.findMany({
      where: {
        organisationId,
        OR: batch.map((c) => ({ userId: c.userId, weekStart: c.weekStart })),
      },
      select: {
        userId: true,
        weekStart: true,
        ahtSeconds: true,
        fcrPercent: true,
        csat: true,
        nps: true,
        adherencePercent: true,
      },
    })
    for (const { userId, weekStart, ...values } of rows)
      stored.set(`${userId}|${weekStart}`, values)
  }
  const planned = candidates.filter((c) => {
    const before = stored.get(`${c.userId}|${c.weekStart}`)
    return !before || !sameValues(before, c.values)
  })
  return {
    mappingProblems,
    problems,
    planned,
    unchanged: candidates.length - planned.length,
    rowCount: file.rows.length,
  }
}

export class KpiImportRefused extends Error {
  constructor(readonly check: KpiCheck) {
    super('the file has problems')
  }
}

/** Checked again, then every new or changed week with the import and its audit line. */
export async function importKpis(input: {
  scope: QualityScope
  mapping: KpiMapping
  file: TabularFile
  fileName: string
}) {
  const { scope } = input
  requireManager(scope)
  const check = await checkKpis(scope.organisationId, input.mapping, input.file)
  if (check.mappingProblems.length > 0 || check.problems.length > 0)
    throw new KpiImportRefused(check)
  const importId = await prisma.$transaction(
    async (tx) => {
      const record = await tx.qualityImport.create({
        data: {
          organisationId: scope.organisationId,
          kind: 'kpis',
          fileName: input.fileName.slice(0, 200),
          mapping: JSON.stringify(input.mapping),
          rowCount: check.rowCount,
          createdCount: check.planned.length,
          importedById: scope.userId,
        },
        select: { id: true },
      })
      for (const week of check.planned)
        await tx.kpiWeek.upsert({
          where: {
            organisationId_userId_weekStart: {
              organisationId: scope.organisationId,
              userId: week.userId,
              weekStart: week.weekStart,
            },
          },
          create: {
            organisationId: scope.organisationId,
            userId: week.userId,
            weekStart: week.weekStart,
            ...week.values,
            importId: record.id,
          },
          update: { ...week.values, importId: record.id },
        })
      await audit(tx, {
        actorId: scope.userId,
        organisationId: scope.organisationId,
        action: 'kpis.imported',
        subjectType: 'quality-import',
        subjectId: record.id,
        detail: {
          fileName: input.fileName.slice(0, 200),
          rows: check.rowCount,
          written: check.planned.length,
          unchanged: check.unchanged,
        },
      })
      return record.id
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
  return { importId, written: check.planned.length, unchanged: check.unchanged }
}
