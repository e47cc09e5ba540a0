import type { Route } from './+types/records'
import { requireApiScope } from '#app/employer/api-tokens.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { recordUrl } from '#app/records/issuer.server.ts'
import { organisationRecords } from '#app/records/organisation-records.server.ts'

/** GET /api/v1/orgs/:slug/records: records earned in the organisation (see the OpenAPI file). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const scope = await requireApiScope(request, params.slug, 'records:read')
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  const { total, pages, records } = await organisationRecords(scope.organisationId, page)
  await logAccess({
    viewer: { apiTokenName: scope.apiTokenName },
    organisationId: scope.organisationId,
    kind: 'api.records',
    people: records.flatMap((r) => (r.userId ? [r.userId] : [])),
  })
  return Response.json({
    organisation: scope.organisationSlug,
    page,
    pages,
    total,
    records: records.map((r) => ({
      id: r.id,
      name: r.recipientName,
      email: r.user?.email ?? null,
      level: r.level,
      code: r.code,
      dossier: { slug: r.dossierSlug, version: r.dossierVersion },
      issuedAt: r.issuedAt.toISOString(),
      validUntil: r.validUntil?.toISOString() ?? null,
      status: r.status,
      verifyUrl: recordUrl(r.id),
      credentialUrl: `${recordUrl(r.id)}/credential.jwt`,
    })),
  })
}
