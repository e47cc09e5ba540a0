import type { Route } from './+types/records-xlsx'
import { xlsxResponse, exportLocale } from '#app/employer/export-response.server.ts'
import { recordsTable } from '#app/employer/exports.server.ts'
import { requireStaffScope } from '#app/employer/staff-scope.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'

/** Records earned in this organisation by the staff in scope, as an Excel workbook. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, scope } = await requireStaffScope(request, params.slug)
  const locale = exportLocale(request)
  const { people, ...table } = await recordsTable(scope, locale)
  // One entry per person in the file, tied together by one export id (decision 036).
  await logAccess({
    viewer: { userId: user.id },
    organisationId: scope.organisationId,
    kind: 'export.records',
    people,
  })
  return xlsxResponse(
    table,
    locale === 'en' ? 'Records' : 'Bewijzen',
    `bewijzen-${scope.organisationSlug}`,
  )
}
