import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { useState } from 'react'
import { data, Form, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/evidence-new'
import { ErrorList, Field, FormSubmit, SelectField } from '#app/components/forms.tsx'
import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { can } from '#app/auth/roles.ts'
import { EVIDENCE_KIND_KEYS, EVIDENCE_KINDS } from '#app/assessment/assessment-rules.ts'
import { submitEvidence } from '#app/assessment/evidence.server.ts'
import { evidenceOptions, resolveChoice } from '#app/assessment/evidence-options.server.ts'
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from '#app/evidence/file-type.server.ts'
import { needsUploadInParts, uploadInParts } from '#app/evidence/resumable-upload.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { completedUpload, RECORDING_MAX_BYTES, UploadError } from '#app/storage/uploads.server.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'

const EvidenceSchema = z.object({
  organisationId: z.string({ required_error: 'form.required' }).max(50),
  kind: z.enum(EVIDENCE_KIND_KEYS as [string, ...string[]], {
    errorMap: () => ({ message: 'evidence.chooseKind' }),
  }),
  title: z
    .string({ required_error: 'form.required' })
    .trim()
    .min(5, 'evidence.titleTooShort')
    .max(150, 'form.tooLong'),
  narrative: z
    .string({ required_error: 'form.required' })
    .trim()
    .min(20, 'evidence.narrativeTooShort')
    .max(5000, 'form.tooLong'),
  workProcessCodes: z.array(z.string().max(20)).max(30).default([]),
  coreTaskCode: z.string().max(20).optional(),
  // Checked by its bytes in the action, not here.
  file: z.unknown().optional(),
  // A large file uploaded in parts beforehand (resources/uploads), referred to by its id.
  uploadId: z.string().max(50).optional(),
})

type UploadProgress =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number; retrying: boolean }
  | { phase: 'done'; id: string; percent: number }
  | { phase: 'failed'; reason: string }

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'evidence.new')

/** Organisations in which this person learns: where their evidence is assessed. */
async function learningOrganisations(user: { id: string }) {
  return (await getMemberships(user))
    .filter((m) => can(m.roles, 'learn:courses:own'))
    .map((m) => m.organisation)
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const [organisations, options] = await Promise.all([
    learningOrganisations(user),
    evidenceOptions(),
  ])
  const preselect = new URL(request.url).searchParams.get('wp')
  return {
    organisations,
    options,
    preselect,
    maxMb: Math.round(EVIDENCE_MAX_BYTES / 1024 / 1024),
    recordingMaxMb: Math.round(RECORDING_MAX_BYTES / 1024 / 1024),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  // The file limit plus room for the text fields.
  assertBodyWithin(request, EVIDENCE_MAX_BYTES + 64 * 1024)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: EvidenceSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const value = submission.value
  const fail = (field: string, message: string) =>
    data({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 400 })

  const organisations = await learningOrganisations(user)
  if (!organisations.some((o) => o.id === value.organisationId))
    return fail('organisationId', 'evidence.chooseOrganisation')
  const choice = resolveChoice(await evidenceOptions(), value)
  if (!choice.ok) return fail(choice.field, choice.message)

  const upload = fileField(formData, 'file')
  let file: Parameters<typeof submitEvidence>[0]['file'] = null
  if (value.uploadId) {
    // Checked again (owner, completed, not attached) in the transaction that attaches it.
    if (!(await completedUpload(user.id, value.uploadId)))
      return fail('file', 'evidence.uploadNotReady')
    file = { uploadId: value.uploadId }
  } else if (upload) {
    if (upload.size > EVIDENCE_MAX_BYTES) return fail('file', 'evidence.fileTooLarge')
    const bytes = new Uint8Array(await upload.arrayBuffer())
    // The browser's type and the name say nothing: the bytes decide.
    const type = sniffEvidenceType(bytes.subarray(0, 16))
    if (!type) return fail('file', 'evidence.fileType')
    file = { bytes, name: upload.name.slice(0, 200), type }
  } else if (EVIDENCE_KINDS[value.kind as keyof typeof EVIDENCE_KINDS].fileRequired) {
    return fail('file', 'evidence.fileRequired')
  }

  const submitted = await submitEvidence({
    userId: user.id,
    organisationId: value.organisationId,
    dossierSlug: choice.dossierSlug,
    kind: value.kind as keyof typeof EVIDENCE_KINDS,
    title: value.title,
    narrative: value.narrative,
    workProcessCodes: choice.codes,
    competencies: choice.competencies,
    coreTaskCode: choice.coreTaskCode,
    file,
  }).catch((error: unknown) => {
    // Attached by another request in the meantime.
    if (error instanceof UploadError) return null
    throw error
  })
  if (!submitted) return fail('file', 'evidence.uploadNotReady')
  throw redirect(`/evidence/${submitted.id}?submitted=1`)
}

export default function NewEvidence({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisations, options, preselect, maxMb, recordingMaxMb } = loaderData
  const [form, fields] = useForm({
    id: 'evidence',
    lastResult: actionData?.result,
    constraint: getZodConstraint(EvidenceSchema),
    defaultValue: {
      organisationId: organisations.length === 1 ? organisations[0]!.id : undefined,
      workProcessCodes: preselect ? [preselect] : [],
    },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvidenceSchema }),
  })
  const [kind, setKind] = useState(String(fields.kind.initialValue ?? 'assignment'))
  const [upload, setUpload] = useState<UploadProgress>({ phase: 'idle' })
  // With JavaScript only: a large file or a recording goes ahead in parts as soon as it is
  // chosen; without it, the form sends the file itself (up to the form's limit).
  async function startUpload(file: File | undefined) {
    if (!file || !needsUploadInParts(file, maxMb * 1024 * 1024)) {
      setUpload({ phase: 'idle' })
      return
    }
    setUpload({ phase: 'uploading', percent: 0, retrying: false })
    try {
      const id = await uploadInParts(
        file,
        (fraction) =>
          setUpload({ phase: 'uploading', percent: Math.floor(fraction * 100), retrying: false }),
        () => setUpload((u) => (u.phase === 'uploading' ? { ...u, retrying: true } : u)),
      )
      setUpload({ phase: 'done', id, percent: 100 })
    } catch (error) {
      setUpload({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) })
    }
  }
  const chosen = new Set(
    ([] as unknown[]).concat(fields.workProcessCodes.initialValue ?? []).map(String),
  )
  if (organisations.length === 0) {
    return (
      <div className="page">
        <h1>{t('evidence.new')}</h1>
        <p>{t('evidence.noOrganisation')}</p>
      </div>
    )
  }
  return (
    <div className="page">
      <h1>{t('evidence.new')}</h1>
      <p className="lead">{t('evidence.newIntro')}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        onSubmit={(event) => {
          // Not while parts are still on their way: the form would send the whole file.
          if (upload.phase === 'uploading') event.preventDefault()
          else getFormProps(form).onSubmit(event)
        }}
        className="stack narrow-section"
      >
        {organisations.length === 1 ? (
          <input type="hidden" name="organisationId" value={organisations[0]!.id} />
        ) : (
          <SelectField label={t('evidence.organisation')} meta={fields.organisationId}>
            <option value="">—</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        )}
        <fieldset>
          <legend>{t('evidence.kind')}</legend>
          {EVIDENCE_KIND_KEYS.map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name={fields.kind.name}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {EVIDENCE_KINDS[k][locale]}
            </label>
          ))}
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <Field label={t('evidence.titleLabel')} meta={fields.title} />
        <div className="field">
          <label htmlFor={fields.narrative.id}>{t('evidence.narrative')}</label>
          <p id={`${fields.narrative.id}-hint`} className="hint">
            {t('evidence.narrativeHint')}
          </p>
          <textarea
            {...getTextareaProps(fields.narrative)}
            key={fields.narrative.key}
            rows={6}
            aria-describedby={`${fields.narrative.id}-hint`}
          />
          <ErrorList id={fields.narrative.errorId} errors={fields.narrative.errors} />
        </div>
        {kind === 'proeve' ? (
          <SelectField
            label={t('evidence.coreTask')}
            meta={fields.coreTaskCode}
            hint={t('evidence.proeveHint')}
          >
            <option value="">—</option>
            {options.map((d) => (
              <optgroup key={d.slug} label={localized(d, 'qualification', locale)}>
                {d.coreTasks.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} {localized(c, 'title', locale)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        ) : (
          <fieldset>
            <legend>{t('evidence.workProcesses')}</legend>
            <p className="hint">{t('evidence.workProcessesHint')}</p>
            {options.map((d) => (
              <details
                key={d.slug}
                open={d.coreTasks.some((c) => c.workProcesses.some((w) => chosen.has(w.code)))}
              >
                <summary>{localized(d, 'qualification', locale)}</summary>
                {d.coreTasks.map((c) => (
                  <div key={c.code} className="choice-group">
                    <p className="choice-group-title">
                      {c.code} {localized(c, 'title', locale)}
                    </p>
                    {c.workProcesses.map((w) => (
                      <label key={w.code} className="choice">
                        <input
                          type="checkbox"
                          name={fields.workProcessCodes.name}
                          value={w.code}
                          defaultChecked={chosen.has(w.code)}
                        />{' '}
                        <span className="code">{w.code}</span> {localized(w, 'title', locale)}
                      </label>
                    ))}
                  </div>
                ))}
              </details>
            ))}
            <ErrorList
              id={fields.workProcessCodes.errorId}
              errors={fields.workProcessCodes.errors}
            />
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="evidence-file">{t('evidence.file')}</label>
          <p id="evidence-file-hint" className="hint">
            {t('evidence.fileHint', { mb: maxMb })}{' '}
            {t('evidence.largeFileHint', { mb: recordingMaxMb })}
          </p>
          <input
            type="file"
            id="evidence-file"
            // Once uploaded in parts, the form sends the upload's id instead of the file.
            name={upload.phase === 'idle' || upload.phase === 'failed' ? 'file' : undefined}
            accept="application/pdf,image/png,image/jpeg,image/webp,audio/*"
            aria-describedby="evidence-file-hint"
            onChange={(event) => startUpload(event.currentTarget.files?.[0])}
          />
          {upload.phase === 'done' ? (
            <input type="hidden" name="uploadId" value={upload.id} />
          ) : null}
          {upload.phase === 'uploading' || upload.phase === 'done' ? (
            <div>
              <label htmlFor="evidence-upload-progress">{t('upload.progressLabel')}</label>{' '}
              <progress id="evidence-upload-progress" max={100} value={upload.percent}>
                {upload.percent}%
              </progress>
            </div>
          ) : null}
          <p className="hint" role="status" aria-live="polite">
            {upload.phase === 'uploading'
              ? upload.retrying
                ? t('upload.retrying')
                : t('upload.uploading', { percent: upload.percent })
              : upload.phase === 'done'
                ? t('upload.done')
                : upload.phase === 'failed'
                  ? t('upload.failed', { reason: upload.reason })
                  : null}
          </p>
          <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
        </div>
        <FormSubmit form={form}>{t('evidence.submit')}</FormSubmit>
      </Form>
    </div>
  )
}
