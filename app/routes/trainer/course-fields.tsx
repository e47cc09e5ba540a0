import type { FieldMetadata } from '@conform-to/react'
import { Checkbox, ErrorList, PlainTextField, SelectField } from '#app/components/forms.tsx'
import { COURSE_LANGUAGE_CHOICES } from '#app/authoring/authoring-forms.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

type Meta = FieldMetadata<string | undefined>
export type CourseFieldMetas = {
  dossierSlug: Meta
  languages: Meta
  titleNl: Meta
  titleEn: Meta
  summaryNl: Meta
  summaryEn: Meta
  audienceNl: Meta
  audienceEn: Meta
  selfEnrol: Meta
}

const LANGUAGE_CHOICE_LABEL = {
  nl: 'authoringFlow.languageNl',
  'nl+en': 'authoringFlow.languageNlEn',
} as const

/**
 * The course's own fields (course.yaml), on the new-course and the course page alike. The
 * languages come first: a Dutch-only course shows no English fields at all. The English
 * fields are hidden rather than left out, so switching back and forth loses nothing typed;
 * the server ignores them for a Dutch-only course.
 */
export function CourseFields({
  fields,
  dossiers,
}: {
  fields: CourseFieldMetas
  dossiers: Array<{ slug: string; name: string }>
}) {
  const { t } = useTranslation()
  // Conform follows the form's values as they change; before hydration the initial value.
  const bilingual = (fields.languages.value ?? fields.languages.initialValue) === 'nl+en'
  return (
    <>
      <SelectField label={t('authoring.dossier')} meta={fields.dossierSlug}>
        {dossiers.map((d) => (
          <option key={d.slug} value={d.slug}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <fieldset aria-describedby={`${fields.languages.id}-hint`}>
        <legend>{t('authoringFlow.languages')}</legend>
        <p className="hint" id={`${fields.languages.id}-hint`}>
          {t('authoringFlow.languagesHint')}
        </p>
        {COURSE_LANGUAGE_CHOICES.map((choice) => (
          <div className="field checkbox" key={choice}>
            <input
              type="radio"
              id={`${fields.languages.id}-${choice}`}
              name={fields.languages.name}
              value={choice}
              defaultChecked={(fields.languages.initialValue ?? 'nl') === choice}
            />
            <label htmlFor={`${fields.languages.id}-${choice}`}>
              {t(LANGUAGE_CHOICE_LABEL[choice])}
            </label>
          </div>
        ))}
        <ErrorList id={fields.languages.errorId} errors={fields.languages.errors} />
      </fieldset>
      <PlainTextField label={t('authoring.titleNl')} meta={fields.titleNl} />
      <PlainTextField label={t('authoring.summaryNl')} meta={fields.summaryNl} rows={3} />
      <PlainTextField label={t('authoring.audienceNl')} meta={fields.audienceNl} />
      <fieldset hidden={!bilingual}>
        <legend>{t('authoringFlow.englishTexts')}</legend>
        <PlainTextField label={t('authoring.titleEn')} meta={fields.titleEn} />
        <PlainTextField label={t('authoring.summaryEn')} meta={fields.summaryEn} rows={3} />
        <PlainTextField label={t('authoring.audienceEn')} meta={fields.audienceEn} />
      </fieldset>
      <Checkbox
        id={fields.selfEnrol.id}
        name={fields.selfEnrol.name}
        defaultChecked={fields.selfEnrol.initialValue === 'on'}
      >
        {t('authoring.selfEnrol')}
      </Checkbox>
    </>
  )
}
