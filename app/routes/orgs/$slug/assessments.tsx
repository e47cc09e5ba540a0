import { Link } from 'react-router'
import type { Route } from './+types/assessments'
import { DataTable } from '#app/components/data-table.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { EVIDENCE_KINDS, isEvidenceKind } from '#app/assessment/assessment-rules.ts'
import { assessmentQueue } from '#app/assessment/evidence.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'assessment.queue')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'assess:evidence:org',
  )
  return {
    organisation: membership.organisation,
    queue: await assessmentQueue(membership.organisation.id, user.id),
  }
}

export default function AssessmentQueue({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, queue } = loaderData
  return (
    <div className="page">
      <h1>
        {t('assessment.queue')}: {organisation.name}
      </h1>
      <p className="lead">{t('assessment.queueIntro')}</p>
      {queue.length === 0 ? (
        <p>{t('assessment.queueEmpty')}</p>
      ) : (
        <DataTable
          caption={t('assessment.queue')}
          columns={[
            t('evidence.titleLabel'),
            t('evidence.learner'),
            t('evidence.kind'),
            t('assessment.toJudge'),
            t('evidence.submittedOn'),
          ]}
        >
          {queue.map((e) => (
            <tr key={e.id} data-evidence={e.id}>
              <th scope="row">
                <Link to={`/orgs/${organisation.slug}/assessments/${e.id}`}>{e.title}</Link>
                {e.secondAssessor ? (
                  <>
                    {' '}
                    <span className="badge">{t('assessment.secondNeeded')}</span>
                  </>
                ) : null}
              </th>
              <td>{e.user.name}</td>
              <td>{isEvidenceKind(e.kind) ? EVIDENCE_KINDS[e.kind][locale] : e.kind}</td>
              <td>{e.open.join(', ')}</td>
              <td>{formatDate(e.submittedAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        <Link to={`/orgs/${organisation.slug}/criteria`}>{t('criteria.title')}</Link>
      </p>
    </div>
  )
}
