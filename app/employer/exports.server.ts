import { prisma } from '#app/db.server.ts'
import type { PeopleTable } from '#app/exports/csv.ts'
import { LADDER } from '#app/domain/progress-rules.ts'
import { translator, type Locale } from '#app/i18n/i18n.ts'
import { RECORD_LEVEL_LABEL, STEP_LABEL, textFor } from '#app/i18n/labels.ts'
import { recordUrl } from '#app/records/issuer.server.ts'
import { ORGANISATION_RECORD } from '#app/records/organisation-records.server.ts'
import { recordStatus } from '#app/records/record-status.ts'
import { allMatrixRows, matrixColumns, type MatrixQuery } from './matrix.server.ts'
import { personInScope, type StaffScope } from './staff-scope.server.ts'

/**
 * The whole filtered matrix as a table, in the matrix's order, from four aggregate queries.
 */
export async function progressTable(
  scope: StaffScope,
  query: MatrixQuery,
  locale: Locale,
): Promise<PeopleTable> {
  const t = translator(locale)
  const columns = await matrixColumns(query.dossierSlug)
  if (!columns) throw new Response('Not found', { status: 404 })
  const codes = columns.coreTasks.flatMap((c) => c.workProcesses.map((w) => w.code))
  const rows = await allMatrixRows(scope, query)
  const label = (step: number) => t(STEP_LABEL[LADDER[step]!.key])
  return {
    headers: [t('export.name'), t('export.email'), t('export.teams'), ...codes],
    rows: rows.map((r) => [
      r.name,
      r.email,
      r.teams.join(', '),
      ...codes.map((c) => label(r.steps[c] ?? 0)),
    ]),
    people: rows.map((r) => r.userId),
  }
}

/** Records earned in this organisation by staff in scope, newest first. */
export async function recordsTable(scope: StaffScope, locale: Locale): Promise<PeopleTable> {
  const t = translator(locale)
  const records = await prisma.completionRecord.findMany({
    where: {
      organisationId: scope.organisationId,
      ...personInScope(scope),
    },
    orderBy: [{ issuedAt: 'desc' }, { code: 'asc' }],
    select: ORGANISATION_RECORD,
  })
  const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')
  const now = new Date()
  return {
    headers: [
      t('export.name'),
      t('export.email'),
      t('export.level'),
      t('export.code'),
      t('export.dossier'),
      t('export.issued'),
      t('export.validUntil'),
      t('export.status'),
      t('export.verifyUrl'),
    ],
    rows: records.map((r) => [
      r.recipientName,
      r.user?.email ?? '',
      textFor(t, RECORD_LEVEL_LABEL, r.level),
      r.code,
      r.dossierSlug,
      date(r.issuedAt),
      date(r.validUntil),
      t(`verify.status.${recordStatus(r, now)}`),
      recordUrl(r.id),
    ]),
    people: records.flatMap((r) => (r.userId ? [r.userId] : [])),
  }
}
