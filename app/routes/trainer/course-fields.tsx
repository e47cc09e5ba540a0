import type { FieldMetadata } from '@conform-to/react'
import { Checkbox, PlainTextField, SelectField } from '#app/components/forms.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'

type Meta = FieldMetadata<string | undefined>
export type CourseFieldMetas = {
  dossierSlug: Meta
  titleNl: Meta
  titleEn: Meta
  summaryNl: Meta
  summaryEn: Meta
  audienceNl: Meta
  audienceEn: Meta
  english: Meta
  selfEnrol: Meta
}

/** The course's own fields (course.yaml), on the new-course and the course page alike. */
export function CourseFields({
  fields,
  dossiers,
}: {
  fields: CourseFieldMetas
  dossiers: Array<{ slug: string; name: string }>
}) {
  const { t } = useTranslation()
  return (
    <>
      <SelectField label={t('authoring.dossier')} meta={fields.dossierSlug}>
        {dossiers.map((d) => (
          <option key={d.slug} value={d.slug}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <PlainTextField label={t('authoring.titleNl')} meta={fields.titleNl} />
      <PlainTextField label={t('authoring.titleEn')} meta={fields.titleEn} />
      <PlainTextField label={t('authoring.summaryNl')} meta={fields.summaryNl} rows={3} />
      <PlainTextField label={t('authoring.summaryEn')} meta={fields.summaryEn} rows={3} />
      <PlainTextField label={t('authoring.audienceNl')} meta={fields.audienceNl} />
      <PlainTextField label={t('authoring.audienceEn')} meta={fields.audienceEn} />
      <Checkbox
        id={fields.english.id}
        name={fields.english.name}
        defaultChecked={fields.english.initialValue === 'on'}
      >
        {t('authoring.english')}
      </Checkbox>
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
