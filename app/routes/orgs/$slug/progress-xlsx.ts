import type { Route } from './+types/progress-xlsx'
import { xlsxResponse, exportLocale } from '#app/employer/export-response.server.ts'
import { progressTable } from '#app/employer/exports.server.ts'
import { defaultDossier } from '#app/employer/matrix.server.ts'
import { parseMatrixQuery } from '#app/employer/matrix-query.server.ts'
import { requireStaffScope } from '#app/employer/staff-scope.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'

/** The employer's matrix, with the same filters as on screen, as an Excel workbook. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, scope } = await requireStaffScope(request, params.slug)
  const query = parseMatrixQuery(new URL(request.url).searchParams, await defaultDossier(scope))
  const locale = exportLocale(request)
  const { people, ...table } = await progressTable(scope, query, locale)
  // One entry per person in the file, tied together by one export id (decision 036).
  await logAccess({
    viewer: { userId: user.id },
    organisationId: scope.organisationId,
    kind: 'export.progress',
    people,
  })
  return xlsxResponse(table, query.dossierSlug, `voortgang-${scope.organisationSlug}`)
}
