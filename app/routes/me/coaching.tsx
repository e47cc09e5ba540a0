import { Link } from 'react-router'
import type { Route } from './+types/coaching'
import { requireUser } from '#app/auth/authorize.server.ts'
import { DataTable } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { listOwnCoaching } from '#app/quality/coaching.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coaching.mine')

/** The agent's own coaching records: read and confirm them. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { sessions: await listOwnCoaching(user.id) }
}

export default function MyCoaching({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('coaching.mine')}</h1>
      <p className="lead">{t('coaching.mineIntro')}</p>
      <p>
        <Link to="/quality">{t('trend.mine')}</Link>
      </p>
      {loaderData.sessions.length === 0 ? (
        <p>{t('coaching.none')}</p>
      ) : (
        <DataTable
          caption={t('coaching.mine')}
          columns={[
            t('coaching.heldAt'),
            t('coaching.coach'),
            t('coaching.workProcesses'),
            t('coaching.status'),
          ]}
        >
          {loaderData.sessions.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/coaching/${s.id}`}>{formatDate(s.heldAt, locale)}</Link>
              </th>
              <td>
                {s.coach.name} ({s.organisation.name})
              </td>
              <td>{s.workProcesses.map((w) => w.workProcessCode).join(', ') || '—'}</td>
              <td>
                {t(s.confirmedAt ? 'coaching.status.confirmed' : 'coaching.status.toConfirm')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
