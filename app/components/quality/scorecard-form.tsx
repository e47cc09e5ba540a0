import { Form } from 'react-router'
import { ErrorList } from '#app/components/forms.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { CHANNEL_LABEL } from '#app/quality/quality-labels.ts'
import { CHANNELS, type Channel } from '#app/quality/scorecard-definition.ts'

export type ScorecardFormValues = {
  name: string
  clientId: string
  channels: Channel[]
  dossierSlug: string
  definition: string
}

/**
 * A scorecard's name, brand, channels and dossier, and its sections and items as YAML (with a
 * line number in every error). Saving an existing scorecard makes a new version.
 */
export function ScorecardForm({
  values,
  options,
  errors = {},
  submitLabel,
}: {
  values: ScorecardFormValues
  options: {
    dossiers: { slug: string; qualificationNl: string; qualificationEn: string }[]
    clients: { id: string; name: string }[]
  }
  errors?: Record<string, string[] | undefined>
  submitLabel: string
}) {
  const { t, locale } = useTranslation()
  const described = (name: string) => (errors[name] ? `scorecard-${name}-error` : undefined)
  return (
    <Form method="post" className="stack">
      <div className="field">
        <label htmlFor="scorecard-name">{t('scorecard.name')}</label>
        <input
          id="scorecard-name"
          name="name"
          defaultValue={values.name}
          aria-describedby={described('name')}
        />
        <ErrorList id="scorecard-name-error" errors={errors.name} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="scorecard-client">{t('scorecard.client')}</label>
          <select id="scorecard-client" name="clientId" defaultValue={values.clientId}>
            <option value="">{t('scorecard.everyClient')}</option>
            {options.clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <ErrorList id="scorecard-clientId-error" errors={errors.clientId} />
        </div>
        <div className="field">
          <label htmlFor="scorecard-dossier">{t('scorecard.dossier')}</label>
          <select id="scorecard-dossier" name="dossierSlug" defaultValue={values.dossierSlug}>
            {options.dossiers.map((d) => (
              <option key={d.slug} value={d.slug}>
                {locale === 'en' ? d.qualificationEn : d.qualificationNl}
              </option>
            ))}
          </select>
          <ErrorList id="scorecard-dossierSlug-error" errors={errors.dossierSlug} />
        </div>
      </div>
      <fieldset aria-describedby={described('channels')}>
        <legend>{t('scorecard.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="choice">
            <input
              type="checkbox"
              name="channels"
              value={c}
              defaultChecked={values.channels.includes(c)}
            />{' '}
            {t(CHANNEL_LABEL[c])}
          </label>
        ))}
        <ErrorList id="scorecard-channels-error" errors={errors.channels} />
      </fieldset>
      <div className="field">
        <label htmlFor="scorecard-definition">{t('scorecard.definition')}</label>
        <p className="hint" id="scorecard-definition-hint">
          {t('scorecard.definitionHint')}
        </p>
        <textarea
          id="scorecard-definition"
          name="definition"
          rows={24}
          spellCheck={false}
          className="code"
          defaultValue={values.definition}
          aria-describedby={['scorecard-definition-hint', described('definition')]
            .filter(Boolean)
            .join(' ')}
        />
        <ErrorList id="scorecard-definition-error" errors={errors.definition} />
      </div>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
