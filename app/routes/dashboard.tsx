import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { user, memberships: await getMemberships(user.id) }
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { user, memberships } = loaderData
  return (
    <div className="page">
      <h1>{t('dashboard.greeting', { name: user.name })}</h1>
      <h2>{t('dashboard.organisations')}</h2>
      {memberships.length === 0 ? (
        <p>{t('dashboard.noOrganisation')}</p>
      ) : (
        <ul className="cards">
          {memberships.map((m) => (
            <li key={m.id} className="card">
              <h3>{m.organisation.name}</h3>
              <p className="muted">{m.roles.map((r) => t(`role.${r}`)).join(', ')}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/dossiers">{t('home.cta')}</Link>
      </p>
    </div>
  )
}
