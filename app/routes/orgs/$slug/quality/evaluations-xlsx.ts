import type { Route } from './+types/evaluations-xlsx'
import { exportLocale, xlsxResponse } from '#app/employer/export-response.server.ts'
import { translator } from '#app/i18n/i18n.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { evaluationsTable } from '#app/quality/quality-exports.server.ts'

/** The evaluations this person may read, as an Excel workbook (no comments or dispute texts). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const locale = exportLocale(request)
  const { people, ...table } = await evaluationsTable(scope, locale)
  // One entry per agent in the file, tied together by one export id (decision 036).
  await logAccess({
    viewer: { userId: scope.userId },
    organisationId: scope.organisationId,
    kind: 'export.evaluations',
    people,
  })
  return xlsxResponse(
    table,
    translator(locale)('qualityExport.sheet'),
    `beoordelingen-${scope.organisationSlug}`,
  )
}
