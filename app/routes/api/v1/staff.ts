import type { Route } from './+types/staff'
import { requireApiScope } from '#app/employer/api-tokens.server.ts'
import { defaultDossier, staffMatrix } from '#app/employer/matrix.server.ts'
import { parseMatrixQuery } from '#app/employer/matrix-query.server.ts'
import { LADDER } from '#app/domain/progress-rules.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'

/** GET /api/v1/orgs/:slug/staff: the progress matrix for HR systems (see /api/v1/openapi.json). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const scope = await requireApiScope(request, params.slug, 'progress:read')
  const query = parseMatrixQuery(new URL(request.url).searchParams, await defaultDossier(scope))
  const matrix = await staffMatrix(scope, query)
  if (!matrix) return Response.json({ title: 'Unknown dossier', status: 404 }, { status: 404 })
  await logAccess({
    viewer: { apiTokenName: scope.apiTokenName },
    organisationId: scope.organisationId,
    kind: 'api.staff',
    people: matrix.rows.map((r) => r.userId),
  })
  const codes = matrix.columns.coreTasks.flatMap((c) => c.workProcesses.map((w) => w.code))
  return Response.json({
    organisation: scope.organisationSlug,
    dossier: query.dossierSlug,
    page: matrix.page,
    pages: matrix.pages,
    total: matrix.total,
    staff: matrix.rows.map((r) => ({
      id: r.membershipId,
      name: r.name,
      email: r.email,
      teams: r.teams,
      workProcesses: Object.fromEntries(
        codes.map((c) => {
          const step = r.steps[c] ?? 0
          return [c, { step, status: LADDER[step]!.key }]
        }),
      ),
    })),
  })
}
