import type { Route } from './+types/records-xlsx'
import { xlsxResponse, exportLocale } from '#app/employer/export-response.server.ts'
import { recordsTable } from '#app/employer/exports.server.ts'
import { requireStaffScope } from '#app/employer/staff-scope.server.ts'

/** Records earned in this organisation by the staff in scope, as an Excel workbook. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireStaffScope(request, params.slug)
  const locale = exportLocale(request)
  const table = await recordsTable(scope, locale)
  return xlsxResponse(
    table,
    locale === 'en' ? 'Records' : 'Bewijzen',
    `bewijzen-${scope.organisationSlug}`,
  )
}
