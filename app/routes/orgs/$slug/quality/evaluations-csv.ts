import type { Route } from './+types/evaluations-csv'
import { csvResponse, exportLocale } from '#app/employer/export-response.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { evaluationsTable } from '#app/quality/quality-exports.server.ts'

/** The evaluations this person may read, as CSV (no comments or dispute texts). */
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
  return csvResponse(table, locale, `beoordelingen-${scope.organisationSlug}`)
}
