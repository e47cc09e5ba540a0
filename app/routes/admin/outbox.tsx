import type { Route } from './+types/outbox'
import { requirePlatformAdmin } from '#app/auth/authorize.server.ts'
import { listOutbox } from '#app/email/outbox.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'admin.outbox')

/** The local outbox: every e-mail the platform sent, newest first (the last 100). */
export async function loader({ request }: Route.LoaderArgs) {
  await requirePlatformAdmin(request)
  return { emails: await listOutbox() }
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('admin.outbox')}</h1>
      <p className="lead">{t('admin.outboxIntro')}</p>
      {loaderData.emails.length === 0 ? <p>{t('admin.outboxEmpty')}</p> : null}
      <ul className="outbox">
        {loaderData.emails.map((e) => (
          <li key={e.id} className="card">
            <details>
              <summary>
                <strong>{e.subject}</strong> → {e.to} ·{' '}
                {formatAmsterdam(e.createdAt, locale, 'compactDateTime')} · {e.transport}
                {e.error ? ` · ${e.error}` : ''}
              </summary>
              <pre className="email-text">{e.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  )
}
