import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/scorecard'
import { DataTable } from '#app/components/data-table.tsx'
import { Notice } from '#app/components/forms.tsx'
import { ScorecardForm } from '#app/components/quality/scorecard-form.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import {
  definitionAsYaml,
  getScorecard,
  readScorecardForm,
  reviseScorecard,
  ScorecardRefused,
  scorecardFormOptions,
} from '#app/quality/scorecards.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'quality.scorecards')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const card = await getScorecard(scope.organisationId, params.scorecardId)
  invariantResponse(card)
  const current = card.versions[0]!
  return {
    organisation: { slug: scope.organisationSlug },
    card: {
      id: card.id,
      name: card.name,
      clientId: card.clientId ?? '',
      channels: card.channels,
      dossierSlug: current.dossierSlug,
      yaml: definitionAsYaml(current.definition),
    },
    versions: card.versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      evaluations: v._count.evaluations,
      sections: v.definition.sections.length,
    })),
    options: await scorecardFormOptions(scope.organisationId),
    saved: new URL(request.url).searchParams.has('saved'),
  }
}

/** Saving never changes a version: it adds the next one; evaluations keep theirs. */
export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const form = await readScorecardForm(await request.formData())
  if (!form.ok) return data({ errors: form.fieldErrors, text: form.text }, { status: 400 })
  try {
    await reviseScorecard(scope, params.scorecardId, form.fields, form.definition)
  } catch (error) {
    if (error instanceof ScorecardRefused)
      return data(
        { errors: { [error.field]: [error.messageKey] }, text: form.text },
        { status: 400 },
      )
    throw error
  }
  throw redirect(`/orgs/${scope.organisationSlug}/quality/scorecards/${params.scorecardId}?saved=1`)
}

export default function ScorecardPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, card, versions, options, saved } = loaderData
  return (
    <div className="page">
      <p>
        <Link to={`/orgs/${organisation.slug}/quality/scorecards`}>{t('quality.scorecards')}</Link>
      </p>
      <h1>{card.name}</h1>
      {saved ? (
        <Notice>{t('scorecard.saved', { version: versions[0]?.version ?? 1 })}</Notice>
      ) : null}
      <DataTable
        caption={t('scorecard.versions')}
        showCaption
        columns={[
          t('scorecard.version'),
          t('scorecard.savedAt'),
          t('scorecard.sections'),
          t('quality.evaluations'),
        ]}
      >
        {versions.map((v) => (
          <tr key={v.version}>
            <td>v{v.version}</td>
            <td>{formatDate(v.createdAt, locale)}</td>
            <td>{v.sections}</td>
            <td>{v.evaluations}</td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('scorecard.edit')}</h2>
      <p className="hint">{t('scorecard.editHint')}</p>
      <ScorecardForm
        values={{
          name: card.name,
          clientId: card.clientId,
          channels: card.channels,
          dossierSlug: card.dossierSlug,
          definition: actionData?.text ?? card.yaml,
        }}
        options={options}
        errors={actionData?.errors}
        submitLabel={t('scorecard.saveVersion')}
      />
    </div>
  )
}
