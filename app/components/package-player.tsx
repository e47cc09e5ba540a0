import { Form, Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * A package lesson's player (decision 031): the launch is a POST (it writes an attempt and a
 * launch); its answer is the URL the sandboxed iframe loads. The iframe's sandbox never
 * includes allow-same-origin: the content runs in an opaque origin, whatever it does.
 */
export function PackagePlayer({
  title,
  lessonPath,
  signedIn,
  completed,
  started,
  launchUrl,
}: {
  title: string
  lessonPath: string
  signedIn: boolean
  completed: boolean
  started: boolean
  launchUrl: string | null
}) {
  const { t } = useTranslation()
  if (!signedIn) {
    return (
      <section className="package-player">
        <p>{t('packagePlayer.intro')}</p>
        <Link className="button" to={`/login?redirectTo=${encodeURIComponent(lessonPath)}`}>
          {t('packagePlayer.logIn')}
        </Link>
      </section>
    )
  }
  return (
    <section className="package-player" aria-label={t('packagePlayer.title')}>
      <p className="package-player-status" role="status">
        {t('packagePlayer.status')}:{' '}
        <strong>
          {completed
            ? t('packagePlayer.statusDone')
            : started || launchUrl
              ? t('packagePlayer.statusBusy')
              : '–'}
        </strong>
      </p>
      {launchUrl ? (
        <>
          <div className="package-frame">
            <iframe
              src={launchUrl}
              title={t('packagePlayer.frameTitle', { title })}
              sandbox="allow-scripts allow-forms allow-popups"
              referrerPolicy="no-referrer"
              allow="fullscreen"
            />
          </div>
          {/* Leaving the page unloads the content, which saves where the learner was. */}
          <a className="button" href={lessonPath}>
            {t('packagePlayer.close')}
          </a>
        </>
      ) : (
        <>
          <p>{t('packagePlayer.intro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="launch" />
            <button type="submit" className="button">
              {started ? t('packagePlayer.continue') : t('packagePlayer.start')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}
