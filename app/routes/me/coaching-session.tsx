import { data, Form, Link } from 'react-router'
import type { Route } from './+types/coaching-session'
import { requireUser } from '#app/auth/authorize.server.ts'
import { ErrorList, Notice } from '#app/components/forms.tsx'
import { CoachingRecord } from '#app/components/quality/coaching-record.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { CoachingRefused, confirmCoaching, getOwnCoaching } from '#app/quality/coaching.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'coaching.session')

/** One of the agent's own sessions; anyone else's answers 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const session = await getOwnCoaching(user.id, params.sessionId)
  if (!session) throw new Response('Not found', { status: 404 })
  return { session }
}

/** The agent confirms the record ("klopt"). */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const intent = (await request.formData()).get('intent')
  if (intent !== 'confirm')
    return data({ confirmed: false, error: 'coaching.error.intent' }, { status: 400 })
  try {
    await confirmCoaching(user.id, params.sessionId)
    return { confirmed: true, error: null }
  } catch (error) {
    if (!(error instanceof CoachingRefused)) throw error
    return data({ confirmed: false, error: error.messageKey }, { status: 400 })
  }
}

export default function MyCoachingSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { session } = loaderData
  return (
    <div className="page">
      <p>
        <Link to="/coaching">{t('coaching.mine')}</Link>
      </p>
      <h1>{t('coaching.session')}</h1>
      {actionData?.confirmed ? <Notice>{t('coaching.thanks')}</Notice> : null}
      <ErrorList errors={actionData?.error ? [actionData.error] : null} />
      <CoachingRecord session={session} />
      {session.confirmedAt ? null : (
        <Form method="post">
          <p className="hint">{t('coaching.confirmHint')}</p>
          <button type="submit" name="intent" value="confirm" className="button">
            {t('coaching.confirm')}
          </button>
        </Form>
      )}
    </div>
  )
}
