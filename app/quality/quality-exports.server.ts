import { prisma } from '#app/db.server.ts'
import type { PeopleTable } from '#app/exports/csv.ts'
import { translator, type Locale } from '#app/i18n/i18n.ts'
import { toAmsterdamLocal, fromAmsterdamLocal } from '#app/utils/amsterdam-date.ts'
import { readableByScope, type QualityScope } from './quality-access.server.ts'
import { CHANNEL_LABEL, EVALUATION_STATUS_LABEL, type EvaluationStatus } from './quality-labels.ts'
import type { Channel } from './scorecard-definition.ts'

/**
 * What leaves the application about an evaluation (spreadsheet or HR feed): scores and facts
 * of the contact only. Item comments, the evaluator's comment, dispute reasons and resolution
 * notes are personal free text and are deliberately not selected, so no export can carry them.
 */
const EXPORTED_EVALUATION = {
  id: true,
  agentId: true,
  contactAt: true,
  channel: true,
  externalId: true,
  clientBrand: true,
  score: true,
  passed: true,
  criticalFailed: true,
  status: true,
  agent: { select: { name: true, email: true } },
  evaluator: { select: { name: true } },
  scorecardVersion: { select: { version: true, scorecard: { select: { name: true } } } },
  workProcesses: {
    select: { dossierSlug: true, workProcessCode: true, score: true, passed: true },
    orderBy: { workProcessCode: 'asc' },
  },
} as const

const NEWEST_FIRST = [{ contactAt: 'desc' }, { id: 'asc' }] as const

/** Calibration scores are practice on a shared contact, not an agent's evaluation. */
const REAL_EVALUATION = { calibrationSessionId: null }

/**
 * Every evaluation this person may read (the same rows as the evaluations page, unpaged), one
 * row each, with a column per work process scored in any of them.
 */
export async function evaluationsTable(scope: QualityScope, locale: Locale): Promise<PeopleTable> {
  const t = translator(locale)
  const rows = await prisma.evaluation.findMany({
    where: { ...REAL_EVALUATION, ...readableByScope(scope, 'evaluatorId') },
    orderBy: [...NEWEST_FIRST],
    select: EXPORTED_EVALUATION,
  })
  const codes = [
    ...new Set(rows.flatMap((r) => r.workProcesses.map((w) => w.workProcessCode))),
  ].sort()
  const yesNo = (value: boolean) => t(value ? 'qualityExport.yes' : 'qualityExport.no')
  const rounded = (value: number) => Math.round(value * 10) / 10
  return {
    headers: [
      t('qualityExport.contactAt'),
      t('export.name'),
      t('export.email'),
      t('qualityExport.evaluator'),
      t('qualityExport.scorecard'),
      t('qualityExport.version'),
      t('qualityExport.channel'),
      t('qualityExport.externalId'),
      t('qualityExport.clientBrand'),
      t('qualityExport.score'),
      t('qualityExport.passed'),
      t('qualityExport.criticalFailed'),
      t('export.status'),
      ...codes,
    ],
    rows: rows.map((r) => {
      const byCode = new Map(r.workProcesses.map((w) => [w.workProcessCode, w.score]))
      const channel = CHANNEL_LABEL[r.channel as Channel]
      const status = EVALUATION_STATUS_LABEL[r.status as EvaluationStatus]
      return [
        toAmsterdamLocal(r.contactAt).replace('T', ' '),
        r.agent.name,
        r.agent.email,
        r.evaluator.name,
        r.scorecardVersion.scorecard.name,
        r.scorecardVersion.version,
        channel ? t(channel) : r.channel,
        r.externalId ?? '',
        r.clientBrand ?? '',
        rounded(r.score),
        yesNo(r.passed),
        yesNo(r.criticalFailed),
        status ? t(status) : r.status,
        ...codes.map((c) => {
          const score = byCode.get(c)
          return score === undefined ? null : rounded(score)
        }),
      ]
    }),
    people: rows.map((r) => r.agentId),
  }
}

export const EVALUATIONS_API_PAGE = 100

/** `?since=YYYY-MM-DD`: from Amsterdam midnight of that day; null without, 'invalid' when malformed. */
export function parseSince(value: string | null): Date | null | 'invalid' {
  if (!value) return null
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'invalid'
  const start = fromAmsterdamLocal(`${value}T00:00`)
  // A date that does not exist (2026-02-31) rolls over in Date: refuse it rather than guess.
  if (!start || toAmsterdamLocal(start).slice(0, 10) !== value) return 'invalid'
  return start
}

/** One page of the organisation's evaluations for the HR API, newest contact first. */
export async function organisationEvaluations(
  organisationId: string,
  page: number,
  since: Date | null,
) {
  const where = {
    organisationId,
    ...REAL_EVALUATION,
    ...(since ? { contactAt: { gte: since } } : {}),
  }
  const [total, rows] = await Promise.all([
    prisma.evaluation.count({ where }),
    prisma.evaluation.findMany({
      where,
      orderBy: [...NEWEST_FIRST],
      skip: (page - 1) * EVALUATIONS_API_PAGE,
      take: EVALUATIONS_API_PAGE,
      select: EXPORTED_EVALUATION,
    }),
  ])
  return {
    total,
    pages: Math.max(1, Math.ceil(total / EVALUATIONS_API_PAGE)),
    evaluations: rows,
  }
}
