import type { Route } from './+types/evaluations'
import { requireUser } from '#app/auth/authorize.server.ts'
import { EvaluationTable } from '#app/components/quality/evaluation-table.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { listOwnEvaluations } from '#app/quality/evaluations.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'me.evaluations.title')

/** An agent's own scored contacts, newest first. Nobody else's ever appear here. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { evaluations: await listOwnEvaluations(user.id) }
}

export default function MyEvaluations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { evaluations } = loaderData
  const open = evaluations.filter((e) => e.status === 'open').length
  return (
    <div className="page">
      <h1>{t('me.evaluations.title')}</h1>
      <p className="lead">{t('me.evaluations.intro')}</p>
      {open > 0 ? <p>{t('me.evaluations.toSee', { count: open })}</p> : null}
      {evaluations.length === 0 ? (
        <p>{t('me.evaluations.none')}</p>
      ) : (
        <EvaluationTable rows={evaluations} base="/evaluations" showAgent={false} />
      )}
    </div>
  )
}
