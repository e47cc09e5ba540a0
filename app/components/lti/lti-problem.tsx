import { Notice } from '#app/components/ui/notice.tsx'
import type { TextKey } from '#app/i18n/catalog.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** Why a launch from a learning platform could not go on, and what the person can do. */
export function LtiProblem({ reason }: { reason: string }) {
  const { t } = useTranslation()
  const key = `ltiLaunch.reason.${reason}` as TextKey
  return (
    <section className="page narrow-section stack" aria-labelledby="lti-problem-title">
      <h1 id="lti-problem-title">{t('ltiLaunch.title')}</h1>
      <Notice kind="error">{t(key)}</Notice>
      <p>{t('ltiLaunch.again')}</p>
      <p className="muted">{t('ltiLaunch.code', { code: reason })}</p>
    </section>
  )
}
