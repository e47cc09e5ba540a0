import { Link, isRouteErrorResponse, useRouteError } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The one error page: known HTTP statuses get their own text, anything else a generic one. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error)

  const [title, text] =
    status === 404
      ? [t('error.notFound.title'), t('error.notFound.text')]
      : status === 403
        ? [t('error.forbidden.title'), t('error.forbidden.text')]
        : [t('error.generic.title'), t('error.generic.text')]

  return (
    <div className="page error-page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p className="muted">HTTP {status}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </div>
  )
}
