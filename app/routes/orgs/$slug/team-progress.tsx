import { Link } from 'react-router'
import type { Route } from './+types/team-progress'
import { ProgressChart } from './progress-chart.tsx'
import { defaultDossier } from '#app/employer/matrix.server.ts'
import { requireStaffScope } from '#app/employer/staff-scope.server.ts'
import { CHART_STEPS, teamProgress } from '#app/employer/team-progress.server.ts'
import { LADDER } from '#app/domain/progress-rules.ts'
import { STEP_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, data?.progress.team.name ?? 'employer.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireStaffScope(request, params.slug)
  const requested = new URL(request.url).searchParams.get('dossier')
  const dossierSlug = requested?.match(/^[a-z0-9-]+$/) ? requested : await defaultDossier(scope)
  const progress = await teamProgress(scope, params.teamId, dossierSlug)
  invariantResponse(progress)
  return {
    organisation: { slug: scope.organisationSlug },
    progress,
    dossierSlug,
    steps: CHART_STEPS,
  }
}

export default function TeamProgress({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, progress, steps } = loaderData
  return (
    <div className="page">
      <p>
        <Link to={`/orgs/${organisation.slug}/matrix?team=${progress.team.id}`}>
          ← {t('employer.title')}
        </Link>
      </p>
      <h1>{t('team.progressTitle', { team: progress.team.name })}</h1>
      <p className="lead">{t('team.progressIntro', { count: progress.team.members })}</p>
      <ProgressChart
        title={t('team.progressTitle', { team: progress.team.name })}
        description={t('team.chartDescription')}
        series={steps.map((s) => ({
          label: t('team.atLeast', {
            step: t(STEP_LABEL[LADDER[s]!.key]),
          }),
        }))}
        points={progress.points}
        locale={locale}
        yLabel={t('team.cells')}
      />
    </div>
  )
}
