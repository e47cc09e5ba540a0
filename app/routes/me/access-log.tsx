import { Link } from 'react-router'
import type { Route } from './+types/access-log'
import { AccessLogTable } from '#app/components/privacy/access-log-table.tsx'
import { requireUser } from '#app/auth/authorize.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { accessLogForPerson } from '#app/privacy/access-log.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'accessLog.title')

/** Who looked at the signed-in person's data, and when (the AVG's right of access, art. 15). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const page = Number(new URL(request.url).searchParams.get('page')) || 1
  return accessLogForPerson(user.id, page)
}

export default function AccessLogPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { entries, page, pages } = loaderData
  return (
    <div className="page">
      <p>
        <Link to="/account">← {t('account.title')}</Link>
      </p>
      <h1>{t('accessLog.title')}</h1>
      <p className="lead">{t('accessLog.accountIntro')}</p>
      <AccessLogTable
        entries={entries}
        showPerson={false}
        page={page}
        pages={pages}
        pageLink={(p) => `/account/access-log?page=${p}`}
      />
    </div>
  )
}
