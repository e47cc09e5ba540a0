import { data, redirect } from 'react-router'
import type { Route } from './+types/scorecard-new'
import { ScorecardForm } from '#app/components/quality/scorecard-form.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import {
  createScorecard,
  definitionAsYaml,
  readScorecardForm,
  ScorecardRefused,
  scorecardFormOptions,
} from '#app/quality/scorecards.server.ts'
import { STARTER_DOSSIER, STARTER_SCORECARD } from '#app/quality/starter-scorecard.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'scorecard.new')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  return {
    organisation: { slug: scope.organisationSlug },
    options: await scorecardFormOptions(scope.organisationId),
    // A new scorecard starts from the common sections, so nobody begins with an empty page.
    starter: definitionAsYaml(STARTER_SCORECARD),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const form = await readScorecardForm(await request.formData())
  if (!form.ok) return data({ errors: form.fieldErrors, text: form.text }, { status: 400 })
  try {
    const card = await createScorecard(scope, form.fields, form.definition)
    throw redirect(`/orgs/${scope.organisationSlug}/quality/scorecards/${card.id}?saved=1`)
  } catch (error) {
    if (error instanceof ScorecardRefused)
      return data(
        { errors: { [error.field]: [error.messageKey] }, text: form.text },
        { status: 400 },
      )
    throw error
  }
}

export default function NewScorecard({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { options, starter } = loaderData
  return (
    <div className="page">
      <h1>{t('scorecard.new')}</h1>
      <p className="lead">{t('scorecard.newIntro')}</p>
      <ScorecardForm
        values={{
          name: '',
          clientId: '',
          channels: ['phone', 'chat', 'email'],
          dossierSlug: STARTER_DOSSIER,
          definition: actionData?.text ?? starter,
        }}
        options={options}
        errors={actionData?.errors}
        submitLabel={t('scorecard.create')}
      />
    </div>
  )
}
