import { Link } from 'react-router'
import type { Route } from './+types/evidence'
import { DataTable } from '#app/components/data-table.tsx'
import { requireUser } from '#app/auth/authorize.server.ts'
import { EVIDENCE_KINDS, isEvidenceKind } from '#app/assessment/assessment-rules.ts'
import { listLearnerEvidence } from '#app/assessment/evidence.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { VERDICT_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'evidence.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { evidence: await listLearnerEvidence(user.id) }
}

export default function EvidenceList({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('evidence.title')}</h1>
      <p className="lead">{t('evidence.intro')}</p>
      <p>
        <Link to="/evidence/new" className="button">
          {t('evidence.new')}
        </Link>{' '}
        <Link to="/records">{t('records.title')}</Link>
      </p>
      {loaderData.evidence.length === 0 ? (
        <p>{t('evidence.none')}</p>
      ) : (
        <DataTable
          caption={t('evidence.title')}
          columns={[
            t('evidence.titleLabel'),
            t('evidence.kind'),
            t('evidence.submittedOn'),
            t('evidence.verdicts'),
          ]}
        >
          {loaderData.evidence.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/evidence/${e.id}`}>{e.title}</Link>
              </th>
              <td>{isEvidenceKind(e.kind) ? EVIDENCE_KINDS[e.kind][locale] : e.kind}</td>
              <td>{formatDate(e.submittedAt, locale)}</td>
              <td>
                <ul className="plain">
                  {e.verdicts.map((v) => (
                    <li key={v.code}>
                      <span className="code">{v.code}</span>{' '}
                      <span className={`verdict verdict-${v.verdict}`}>
                        {t(VERDICT_LABEL[v.verdict])}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
