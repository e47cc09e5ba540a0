import { Link } from 'react-router'
import type { Route } from './+types/members'
import { DataTable } from '#app/components/data-table.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { listMembers, rolesOf } from '#app/domain/organisations.server.ts'
import { ROLE_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'org.members')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'read:members:org')
  const members = await listMembers(membership.organisation.id)
  return {
    organisation: membership.organisation,
    members: members.map((m) => ({
      id: m.id,
      name: m.user.name,
      email: m.user.email,
      roles: rolesOf(m),
      teams: m.teams.map((t) => t.team.name),
      active: !m.deactivatedAt,
    })),
  }
}

export default function OrgMembers({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, members } = loaderData
  return (
    <div className="page">
      <h1>
        {t('org.members')}: {organisation.name}
      </h1>
      <DataTable
        caption={t('org.members')}
        columns={[t('form.name'), t('form.email'), t('org.roles'), t('org.teams'), t('org.status')]}
      >
        {members.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <Link to={`/orgs/${organisation.slug}/members/${m.id}`}>{m.name}</Link>
            </th>
            <td>{m.email}</td>
            <td>{m.roles.map((r) => t(ROLE_LABEL[r])).join(', ')}</td>
            <td>{m.teams.join(', ')}</td>
            <td>{m.active ? t('org.active') : t('org.deactivated')}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  )
}
