import { Link } from 'react-router'
import type { Route } from './+types/calibration-evaluators'
import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { calibrationHistory } from '#app/quality/calibration.server.ts'
import { DEVIATION_TARGET_POINTS } from '#app/quality/calibration-stats.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, 'calibration.evaluatorsTitle')

/** Calibrators only (org admins, quality coaches): evaluators' deviations are personal data. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const history = await calibrationHistory(scope)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    history,
  }
}

export default function CalibrationEvaluators({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, history } = loaderData
  const base = `/orgs/${organisation.slug}/quality/calibrations`
  return (
    <div className="page">
      <p>
        <Link to={base}>{t('calibration.back')}</Link>
      </p>
      <h1>
        {t('calibration.evaluatorsTitle')}: {organisation.name}
      </h1>
      <p className="lead">
        {t('calibration.evaluatorsIntro', {
          sessions: history.sessions,
          target: DEVIATION_TARGET_POINTS,
        })}
      </p>

      <h2>{t('calibration.disagreement')}</h2>
      {history.items.length === 0 ? (
        <p>{t('calibration.noHistory')}</p>
      ) : (
        <DataTable
          caption={t('calibration.disagreement')}
          columns={[
            t('calibration.col.item'),
            t('calibration.col.sessions'),
            t('calibration.col.meanSd'),
            t('calibration.col.meanRange'),
          ]}
        >
          {history.items.map((item) => (
            <tr key={`${item.scorecardId}:${item.itemKey}`} data-item={item.itemKey}>
              <th scope="row">{locale === 'en' && item.en ? item.en : item.nl}</th>
              <td>{item.sessions}</td>
              <td>{item.meanStandardDeviation}</td>
              <td>{item.meanRange}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{t('calibration.perEvaluator')}</h2>
      {history.evaluators.length === 0 ? (
        <p>{t('calibration.noHistory')}</p>
      ) : (
        history.evaluators.map((e) => (
          <section key={e.evaluatorId} data-evaluator={e.name}>
            <h3>
              {e.name}: {t('calibration.meanDeviation', { points: e.meanAbsoluteDeviation })}
              {e.meanAbsoluteDeviation > DEVIATION_TARGET_POINTS ? (
                <strong className="critical"> {t('calibration.beyondTarget')}</strong>
              ) : null}
            </h3>
            <DataTable
              caption={t('calibration.timeline', { name: e.name })}
              columns={[
                t('calibration.col.closedAt'),
                t('calibration.col.title'),
                t('calibration.col.deviation'),
              ]}
            >
              {e.sessions.map((s) => (
                <tr key={s.sessionId}>
                  <td>{formatDate(s.closedAt, locale)}</td>
                  <td>
                    <Link to={`${base}/${s.sessionId}`}>{s.title}</Link>
                  </td>
                  <td data-deviation={s.deviation}>
                    {t('calibration.points', { points: s.deviation })}
                    {s.beyondTarget ? (
                      <strong className="critical"> {t('calibration.beyondTarget')}</strong>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))
      )}
    </div>
  )
}
