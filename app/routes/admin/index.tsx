import { Link } from 'react-router'
import type { Route } from './+types/index'
import { DataTable } from '#app/components/data-table.tsx'
import { requirePlatformAdmin } from '#app/auth/authorize.server.ts'
import { listOrganisations } from '#app/domain/organisations.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'admin.title')

export async function loader({ request }: Route.LoaderArgs) {
  await requirePlatformAdmin(request)
  return { organisations: await listOrganisations() }
}

export default function Admin({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p>
        <Link to="/admin/outbox">{t('admin.outbox')}</Link> ·{' '}
        <Link to="/admin/jobs">{t('admin.jobs')}</Link>
      </p>
      <DataTable
        caption={t('admin.organisations')}
        columns={[t('admin.organisation'), t('org.kind'), t('org.memberCount'), t('org.teams')]}
        showCaption
      >
        {loaderData.organisations.map((o) => (
          <tr key={o.id}>
            <th scope="row">{o.name}</th>
            <td>{t(o.kind === 'outsourced' ? 'org.kind.outsourced' : 'org.kind.in_house')}</td>
            <td>{o._count.memberships}</td>
            <td>{o._count.teams}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  )
}
