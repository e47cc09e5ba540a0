import type { FieldMetadata } from '@conform-to/react'
import { Checkbox, ErrorList } from '#app/components/forms.tsx'
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
  const text = (meta: Meta, label: string, long = false) => (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {long ? (
        <textarea
          id={meta.id}
          name={meta.name}
          defaultValue={String(meta.initialValue ?? '')}
          rows={3}
          aria-describedby={meta.errors ? meta.errorId : undefined}
        />
      ) : (
        <input
          id={meta.id}
          name={meta.name}
          defaultValue={String(meta.initialValue ?? '')}
          aria-describedby={meta.errors ? meta.errorId : undefined}
        />
      )}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
  return (
    <>
      <div className="field">
        <label htmlFor={fields.dossierSlug.id}>{t('authoring.dossier')}</label>
        <select
          id={fields.dossierSlug.id}
          name={fields.dossierSlug.name}
          defaultValue={String(fields.dossierSlug.initialValue ?? '')}
        >
          {dossiers.map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </select>
        <ErrorList id={fields.dossierSlug.errorId} errors={fields.dossierSlug.errors} />
      </div>
      {text(fields.titleNl, t('authoring.titleNl'))}
      {text(fields.titleEn, t('authoring.titleEn'))}
      {text(fields.summaryNl, t('authoring.summaryNl'), true)}
      {text(fields.summaryEn, t('authoring.summaryEn'), true)}
      {text(fields.audienceNl, t('authoring.audienceNl'))}
      {text(fields.audienceEn, t('authoring.audienceEn'))}
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
