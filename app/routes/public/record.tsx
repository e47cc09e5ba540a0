import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/record'
import { ErrorList, FormSubmit } from '#app/components/forms.tsx'
import { VerificationBanner } from './verification-status.tsx'
import { getUser } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { RECORD_LEVEL_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { getRecordView } from '#app/records/record-view.server.ts'
import {
  AlreadyRevoked,
  mayRevoke,
  revocationTarget,
  revokeRecord,
} from '#app/records/revocation.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

const RevokeSchema = z.object({
  reason: z
    .string({ required_error: 'form.required' })
    .trim()
    .min(5, 'records.reasonTooShort')
    .max(500, 'form.tooLong'),
})

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, data ? `${data.record.code} ${data.record.title}` : 'records.title')

/** Public: anyone with the link sees whether the record is valid, and what it certifies. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const view = await getRecordView(params.recordId, getLocale(request))
  invariantResponse(view)
  const user = await getUser(request)
  const { userId, organisationId, credential: _credential, jwt: _jwt, ...record } = view
  return {
    record,
    isOwner: !!user && user.id === userId,
    canRevoke: !!user && (await mayRevoke(user, { organisationId })),
    shareUrl: `${env.PUBLIC_URL}/records/${record.id}`,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await getUser(request)
  const record = await revocationTarget(params.recordId)
  invariantResponse(record)
  invariantResponse(user && (await mayRevoke(user, record)), 'Forbidden', { status: 403 })
  const submission = parseWithZod(await request.formData(), { schema: RevokeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await revokeRecord({ recordId: record.id, actorId: user.id, reason: submission.value.reason })
  } catch (error) {
    if (!(error instanceof AlreadyRevoked)) throw error
    return data(
      { result: submission.reply({ formErrors: ['records.alreadyRevoked'] }) },
      { status: 400 },
    )
  }
  return { result: submission.reply({ resetForm: true }) }
}

export default function RecordPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { record, canRevoke, isOwner, shareUrl } = loaderData
  const [form, fields] = useForm({
    id: 'revoke',
    lastResult: actionData?.result,
    constraint: getZodConstraint(RevokeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RevokeSchema }),
  })
  const level = textFor(t, RECORD_LEVEL_LABEL, record.level)
  return (
    <div className="page">
      <p className="muted">{t('verify.recordOf', { issuer: t('app.name') })}</p>
      <h1>
        {record.level === 'qualification' ? null : <span className="code">{record.code}</span>}{' '}
        {record.title}
      </h1>
      <VerificationBanner
        status={record.status}
        reason={record.reason}
        revocation={record.revocation}
        validUntil={record.validUntil}
      />
      <dl className="facts">
        <dt>{t('records.recipient')}</dt>
        <dd>{record.recipientName}</dd>
        <dt>{t('records.kind')}</dt>
        <dd>{level}</dd>
        <dt>{t('records.framework')}</dt>
        <dd>{record.framework}</dd>
        <dt>{t('records.issuedOn')}</dt>
        <dd>{formatDate(record.issuedAt, locale)}</dd>
        <dt>{t('records.validUntil')}</dt>
        <dd>{record.validUntil ? formatDate(record.validUntil, locale) : t('records.noExpiry')}</dd>
        {record.organisation ? (
          <>
            <dt>{t('records.earnedAt')}</dt>
            <dd>{record.organisation.name}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('records.criteria')}</h2>
      <p lang="nl">{record.criteria}</p>
      <h2>{t('records.alignment')}</h2>
      <ul>
        {record.alignment.map((a) => (
          <li key={`${a.targetType}-${a.targetCode}`}>
            <span className="code">{a.targetCode}</span> {a.targetName}{' '}
            <span className="muted">({a.targetType})</span>
          </li>
        ))}
      </ul>
      {record.bundled.length > 0 ? (
        <>
          <h2>{t('records.bundles')}</h2>
          <ul>
            {record.bundled.map((b) => (
              <li key={b.id}>
                <Link to={`/records/${b.id}`}>
                  <span className="code">{b.code}</span> {b.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('records.downloads')}</h2>
      <ul>
        <li>
          <a href={`/records/${record.id}/credential.jwt`} download>
            {t('records.downloadJwt')}
          </a>
        </li>
        <li>
          <a href={`/records/${record.id}/credential.json`} download>
            {t('records.downloadJson')}
          </a>
        </li>
        {record.status !== 'revoked' ? (
          <li>
            <a href={`/records/${record.id}/certificate.pdf?lang=${locale}`} download>
              {t('records.downloadPdf')}
            </a>
          </li>
        ) : null}
        <li>
          <Link to="/verify">{t('verify.title')}</Link>
        </li>
      </ul>
      {isOwner ? (
        <p>
          {t('records.shareHint')} <code>{shareUrl}</code>
        </p>
      ) : null}
      {canRevoke && record.status !== 'revoked' ? (
        <section aria-labelledby="revoke-heading" className="narrow-section">
          <h2 id="revoke-heading">{t('records.revokeTitle')}</h2>
          <p>{t('records.revokeExplained')}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <div className="field">
              <label htmlFor={fields.reason.id}>{t('records.revokeReason')}</label>
              <textarea
                {...getTextareaProps(fields.reason)}
                key={fields.reason.key}
                rows={3}
                aria-describedby={fields.reason.errors ? fields.reason.errorId : undefined}
              />
              <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
            </div>
            <FormSubmit form={form} className="button danger">
              {t('records.revoke')}
            </FormSubmit>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
