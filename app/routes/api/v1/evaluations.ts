import type { Route } from './+types/evaluations'
import { requireApiScope } from '#app/employer/api-tokens.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { organisationEvaluations, parseSince } from '#app/quality/quality-exports.server.ts'

/**
 * GET /api/v1/orgs/:slug/evaluations: the organisation's contact evaluations (see the OpenAPI
 * file). Scores and facts only: comments and dispute texts stay inside the application.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const scope = await requireApiScope(request, params.slug, 'quality:read')
  const url = new URL(request.url)
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
  const since = parseSince(url.searchParams.get('since'))
  if (since === 'invalid')
    return Response.json(
      { type: 'about:blank', title: 'since must be a date, YYYY-MM-DD', status: 400 },
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    )
  const { total, pages, evaluations } = await organisationEvaluations(
    scope.organisationId,
    page,
    since,
  )
  await logAccess({
    viewer: { apiTokenName: scope.apiTokenName },
    organisationId: scope.organisationId,
    kind: 'api.evaluations',
    people: evaluations.map((e) => e.agentId),
  })
  return Response.json({
    organisation: scope.organisationSlug,
    page,
    pages,
    total,
    evaluations: evaluations.map((e) => ({
      id: e.id,
      contactAt: e.contactAt.toISOString(),
      agent: { name: e.agent.name, email: e.agent.email },
      evaluator: e.evaluator.name,
      scorecard: { name: e.scorecardVersion.scorecard.name, version: e.scorecardVersion.version },
      channel: e.channel,
      externalId: e.externalId,
      clientBrand: e.clientBrand,
      score: e.score,
      passed: e.passed,
      criticalFailed: e.criticalFailed,
      status: e.status,
      workProcesses: e.workProcesses.map((w) => ({
        dossier: w.dossierSlug,
        code: w.workProcessCode,
        score: w.score,
        passed: w.passed,
      })),
    })),
  })
}
