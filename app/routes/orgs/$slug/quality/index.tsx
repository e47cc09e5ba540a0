import { Link } from 'react-router'
import type { Route } from './+types/index'
import { EvaluationTable } from '#app/components/quality/evaluation-table.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { listEvaluationsForScope } from '#app/quality/evaluations.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'quality.title')

/** The quality home of an organisation: what this person may do, and the newest scores. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const [recent, disputed] = await Promise.all([
    listEvaluationsForScope(scope, { take: 10 }),
    scope.manages ? listEvaluationsForScope(scope, { status: 'disputed' }) : Promise.resolve([]),
  ])
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    may: { evaluate: scope.evaluates, manage: scope.manages, calibrate: scope.calibrates },
    recent,
    disputed,
  }
}

export default function QualityHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, may, recent, disputed } = loaderData
  const base = `/orgs/${organisation.slug}/quality`
  return (
    <div className="page">
      <h1>
        {t('quality.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('quality.intro')}</p>
      <ul className="link-list">
        {may.evaluate ? (
          <li>
            <Link to={`${base}/evaluations/new`}>{t('quality.evaluate')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${base}/evaluations`}>{t('quality.evaluations')}</Link>
        </li>
        {may.manage ? (
          <li>
            <Link to={`${base}/scorecards`}>{t('quality.scorecards')}</Link>
          </li>
        ) : null}
        {may.calibrate || may.evaluate ? (
          <li>
            <Link to={`${base}/calibrations`}>{t('calibration.title')}</Link>
          </li>
        ) : null}
        {may.manage ? (
          <li>
            <Link to={`${base}/rules`}>{t('qrules.title')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${base}/coaching`}>{t('coaching.title')}</Link>
        </li>
        {may.manage ? (
          <li>
            <Link to={`${base}/imports`}>{t('imports.title')}</Link>
          </li>
        ) : null}
      </ul>
      {disputed.length > 0 ? (
        <>
          <h2>{t('quality.disputed')}</h2>
          <EvaluationTable rows={disputed} base={`${base}/evaluations`} />
        </>
      ) : null}
      <h2>{t('quality.recent')}</h2>
      {recent.length === 0 ? (
        <p>{t('quality.none')}</p>
      ) : (
        <EvaluationTable rows={recent} base={`${base}/evaluations`} />
      )}
    </div>
  )
}
