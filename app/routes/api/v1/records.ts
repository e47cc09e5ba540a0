import type { Route } from './+types/records'
import { requireApiScope } from '#app/employer/api-tokens.server.ts'
import { prisma } from '#app/db.server.ts'
import { recordUrl } from '#app/records/issuer.server.ts'

const PAGE = 200

/** GET /api/v1/orgs/:slug/records: records earned in the organisation (see the OpenAPI file). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const scope = await requireApiScope(request, params.slug, 'records:read')
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  const where = { organisationId: scope.organisationId }
  const [total, records] = await Promise.all([
    prisma.completionRecord.count({ where }),
    prisma.completionRecord.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: {
        id: true,
        recipientName: true,
        level: true,
        code: true,
        dossierSlug: true,
        dossierVersion: true,
        issuedAt: true,
        validUntil: true,
        user: { select: { email: true } },
        revocation: { select: { revokedAt: true, reason: true } },
      },
    }),
  ])
  const now = Date.now()
  return Response.json({
    organisation: scope.organisationSlug,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE)),
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
      status: r.revocation ? 'revoked' : r.validUntil && +r.validUntil <= now ? 'expired' : 'valid',
      verifyUrl: recordUrl(r.id),
      credentialUrl: `${recordUrl(r.id)}/credential.jwt`,
    })),
  })
}
