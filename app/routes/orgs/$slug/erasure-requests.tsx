import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import type { Route } from './+types/erasure-requests'
import { DataTable } from '#app/components/data-table.tsx'
import { ErrorList, FormSubmit, Notice } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { erasureDecisionSchema } from '#app/privacy/erasure-form.ts'
import {
  decideErasure,
  erasureCandidates,
  ErasureRequestError,
  erasureRequestsOf,
  requestErasure,
} from '#app/privacy/erasure-requests.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * The organisation's erasure requests (AVG art. 17): decide the open ones, file one for a
 * member, and see what was carried out. For the organisation's admins only.
 */

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'erasure.orgTitle')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const organisationId = membership.organisation.id
  const [requests, candidates] = await Promise.all([
    erasureRequestsOf(organisationId),
    erasureCandidates(organisationId),
  ])
  return {
    organisation: membership.organisation,
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      requestedAt: r.requestedAt,
      decidedAt: r.decidedAt,
      carriedOutAt: r.carriedOutAt,
      decisionNote: r.decisionNote,
      waitingFor: r.waitingFor,
      notBefore: r.notBefore,
      person: r.person && !r.person.erasedAt ? r.person.name : null,
      byThePerson: r.requestedById === r.userId,
      requestedBy: r.requestedBy && !r.requestedBy.erasedAt ? r.requestedBy.name : null,
    })),
    candidates,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const organisationId = membership.organisation.id
  const submission = parseWithZod(await request.formData(), { schema: erasureDecisionSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), done: null }, { status: 400 })
  const value = submission.value
  try {
    if (value.intent === 'file') {
      await requestErasure({ userId: value.userId, organisationId, requestedById: user.id })
    } else {
      await decideErasure({
        requestId: value.requestId,
        organisationId,
        adminId: user.id,
        approve: value.intent === 'approve',
        note: value.intent === 'reject' ? value.note : '',
      })
    }
  } catch (error) {
    if (!(error instanceof ErasureRequestError)) throw error
    return data(
      { result: submission.reply({ formErrors: [`erasure.error.${error.key}`] }), done: null },
      { status: 400 },
    )
  }
  return { result: submission.reply({ resetForm: true }), done: value.intent }
}

type LoaderRequest = Route.ComponentProps['loaderData']['requests'][number]

export default function ErasureRequests({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, requests, candidates } = loaderData
  const [fileForm, fileFields] = useForm({
    id: 'file-erasure',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: erasureDecisionSchema }),
  })
  const when = (date: Date | string) => formatAmsterdam(new Date(date), locale, 'dateTime')
  const statusText = (r: LoaderRequest) => {
    const status =
      r.status === 'requested'
        ? t('erasure.orgStatus.requested')
        : t(`erasure.status.${r.status}` as 'erasure.status.done')
    if (r.waitingFor === 'legal_hold') return `${status}. ${t('erasure.waiting.legal_hold')}`
    if (r.waitingFor === 'exam_retention' && r.notBefore)
      return `${status}. ${t('erasure.waiting.exam_retention', { date: when(r.notBefore) })}`
    return status
  }
  return (
    <div className="page">
      <h1>
        {t('erasure.orgTitle')}: {organisation.name}
      </h1>
      <p className="lead">{t('erasure.orgIntro')}</p>
      {actionData?.done ? <Notice>{t('erasure.decided')}</Notice> : null}
      {requests.length === 0 ? (
        <p>{t('erasure.none')}</p>
      ) : (
        <DataTable
          caption={t('erasure.orgTitle')}
          columns={[
            t('erasure.col.person'),
            t('erasure.col.requested'),
            t('erasure.col.status'),
            t('erasure.col.decision'),
          ]}
        >
          {requests.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <th scope="row">{r.person ?? t('erasure.erasedPerson')}</th>
              <td>
                {when(r.requestedAt)},{' '}
                {r.byThePerson
                  ? t('erasure.byThePerson')
                  : t('erasure.byAdmin', { name: r.requestedBy ?? t('erasure.erasedPerson') })}
              </td>
              <td>{statusText(r)}</td>
              <td>{r.status === 'requested' ? <Decision requestId={r.id} /> : r.decisionNote}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {candidates.length > 0 ? (
        <section aria-labelledby="file-heading" className="narrow-section">
          <h2 id="file-heading">{t('erasure.fileFor')}</h2>
          <Form method="post" {...getFormProps(fileForm)}>
            <input type="hidden" name="intent" value="file" />
            <div className="field">
              <label htmlFor={fileFields.userId.id}>{t('erasure.member')}</label>
              <select {...getSelectProps(fileFields.userId)} key={fileFields.userId.key}>
                <option value="">—</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <ErrorList id={fileFields.userId.errorId} errors={fileFields.userId.errors} />
            </div>
            <FormSubmit form={fileForm} className="button secondary">
              {t('erasure.submit')}
            </FormSubmit>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

/** Approve, or reject with a reason, one open request. */
function Decision({ requestId }: { requestId: string }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: `decide-${requestId}`,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: erasureDecisionSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="requestId" value={requestId} />
      <button type="submit" name="intent" value="approve" className="button small">
        {t('erasure.approve')}
      </button>
      <div className="field">
        <label htmlFor={fields.note.id}>{t('erasure.rejectNote')}</label>
        <textarea {...getTextareaProps(fields.note)} key={fields.note.key} rows={2} />
        <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <FormSubmit form={form} name="intent" value="reject" className="button small secondary">
        {t('erasure.reject')}
      </FormSubmit>
    </Form>
  )
}
