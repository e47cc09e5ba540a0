import { Link, isRouteErrorResponse, useLocation, useRouteError } from 'react-router'
import type { TextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The statuses that have a page of their own; anything else reads as 500. */
const PAGES = {
  400: { title: 'error.400.title', text: 'error.400.text' },
  401: { title: 'error.401.title', text: 'error.401.text' },
  403: { title: 'error.403.title', text: 'error.403.text' },
  404: { title: 'error.404.title', text: 'error.404.text' },
  410: { title: 'error.410.title', text: 'error.410.text' },
  429: { title: 'error.429.title', text: 'error.429.text' },
  500: { title: 'error.500.title', text: 'error.500.text' },
} as const satisfies Record<number, { title: TextKey; text: TextKey }>
type PageStatus = keyof typeof PAGES

function pageStatus(status: number): PageStatus {
  return status in PAGES ? (status as PageStatus) : 500
}

/** Where a person can go from an error in an area: its own start page. */
export type NextStep = { to: string; label: TextKey }

/**
 * The one error page. Each area's layout renders it with its own way back, so a person who
 * hits a wall in the trainer area is offered the trainer's start, not the site's home page.
 * Where the area itself is closed to them (401, 403) they are offered login or their own
 * overview instead, never a link that answers the same error again.
 */
export function GeneralErrorBoundary({ next }: { next?: NextStep }) {
  const error = useRouteError()
  const location = useLocation()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error)
  const page = PAGES[pageStatus(status)]
  const login = `/login?${new URLSearchParams({ redirectTo: location.pathname + location.search })}`

  return (
    <div className="page error-page">
      {/* React hoists this into <head>: an error page has a title of its own too. */}
      <title>{`${t(page.title)} · ${t('app.name')}`}</title>
      <h1>{t(page.title)}</h1>
      <p>{t(page.text)}</p>
      <p className="muted">{t('error.status', { status })}</p>
      <ul className="error-next">
        {status === 401 ? (
          <li>
            <Link to={login}>{t('error.401.action')}</Link>
          </li>
        ) : null}
        {status === 403 ? (
          <li>
            <Link to="/dashboard">{t('error.back.dashboard')}</Link>
          </li>
        ) : next && status !== 401 ? (
          <li>
            <Link to={next.to}>{t(next.label)}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/">{t('error.backHome')}</Link>
        </li>
      </ul>
    </div>
  )
}
