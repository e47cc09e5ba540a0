import { Link } from 'react-router'
import type { Route } from './+types/employer'
import { requireAnyRole } from '#app/auth/authorize.server.ts'
import { can, EMPLOYER_ROLES } from '#app/auth/roles.ts'
import { prisma } from '#app/db.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'employer.title')

export async function loader({ request }: Route.LoaderArgs) {
  const { memberships } = await requireAnyRole(request, EMPLOYER_ROLES)
  const organisations = await Promise.all(
    memberships.map(async (m) => {
      const [members, teams] = await Promise.all([
        prisma.membership.count({
          where: { organisationId: m.organisation.id, deactivatedAt: null },
        }),
        prisma.team.count({ where: { organisationId: m.organisation.id } }),
      ])
      return {
        ...m.organisation,
        members,
        teams,
        canManage: can(m.roles, 'manage:members:org'),
      }
    }),
  )
  return { organisations }
}

export default function Employer({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('employer.title')}</h1>
      <p className="lead">{t('employer.intro')}</p>
      <ul className="cards">
        {loaderData.organisations.map((o) => (
          <li key={o.id} className="card">
            <h2>{o.name}</h2>
            <p className="muted">
              {t(o.kind === 'outsourced' ? 'org.kind.outsourced' : 'org.kind.in_house')} ·{' '}
              {t('employer.counts', { members: o.members, teams: o.teams })}
            </p>
            {o.canManage ? (
              <ul>
                <li>
                  <Link to={`/orgs/${o.slug}/members`}>{t('org.members')}</Link>
                </li>
                <li>
                  <Link to={`/orgs/${o.slug}/teams`}>{t('org.teams')}</Link>
                </li>
                <li>
                  <Link to={`/orgs/${o.slug}/invitations`}>{t('org.invitations')}</Link>
                </li>
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
