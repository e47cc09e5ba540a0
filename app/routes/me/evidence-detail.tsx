import { Link } from 'react-router'
import type { Route } from './+types/evidence-detail'
import { Notice } from '#app/components/forms.tsx'
import { AssessmentFeedback, EvidenceSummary } from '#app/components/evidence-summary.tsx'
import { requireEvidenceAccess } from '#app/assessment/evidence-access.server.ts'
import { verdicts } from '#app/assessment/evidence.server.ts'
import { VERDICT_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, data?.evidence.title ?? 'evidence.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, evidence, isOwner, isAssessor } = await requireEvidenceAccess(
    request,
    params.evidenceId,
  )
  await logAccess({
    viewer: { userId: user.id },
    organisationId: evidence.organisationId,
    kind: 'evidence.view',
    people: evidence.userId,
    objectId: evidence.id,
  })
  const submitted = new URL(request.url).searchParams.get('submitted') === '1'
  return { evidence, verdicts: verdicts(evidence), isOwner, isAssessor, submitted }
}

export default function EvidenceDetailPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { evidence, isOwner, isAssessor, submitted } = loaderData
  return (
    <div className="page">
      {isOwner ? (
        <p>
          <Link to="/evidence">← {t('evidence.title')}</Link>
        </p>
      ) : null}
      <h1>{evidence.title}</h1>
      {submitted ? <Notice>{t('evidence.submitted')}</Notice> : null}
      <h2>{t('evidence.verdicts')}</h2>
      <ul>
        {loaderData.verdicts.map((v) => (
          <li key={v.code} data-verdict={v.code}>
            <span className="code">{v.code}</span>{' '}
            <span className={`verdict verdict-${v.verdict}`}>{t(VERDICT_LABEL[v.verdict])}</span>
          </li>
        ))}
      </ul>
      {isAssessor && !isOwner ? (
        <p>
          <Link to={`/orgs/${evidence.organisation.slug}/assessments/${evidence.id}`}>
            {t('assessment.open')}
          </Link>
        </p>
      ) : null}
      <EvidenceSummary evidence={evidence} />
      <h2>{t('evidence.feedback')}</h2>
      <AssessmentFeedback evidence={evidence} />
    </div>
  )
}
