import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/record'
import { ErrorList, FormSubmit } from '#app/components/forms.tsx'
import { AchievementDetails } from '#app/components/learner/achievement-details.tsx'
import { ShareLink } from '#app/components/learner/share-link.tsx'
import { VerificationBanner } from './verification-status.tsx'
import { getUser } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { RECORD_LEVEL_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { badgePath } from '#app/records/achievement-badge.ts'
import { getRecordView } from '#app/records/record-view.server.ts'
import {
  AlreadyRevoked,
  mayRevoke,
  revocationTarget,
  revokeRecord,
  setSuspension,
  SuspensionConflict,
} from '#app/records/revocation.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'
import learnerStyles from '#app/styles/learner.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learnerStyles }]

const reason = z
  .string({ required_error: 'form.required' })
  .trim()
  .min(5, 'records.reasonTooShort')
  .max(500, 'form.tooLong')
/** Revoking ends a record for good; suspending holds it while something is looked into. */
const StatusSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('revoke'), reason }),
  z.object({ intent: z.literal('suspend'), reason }),
  z.object({ intent: z.literal('unsuspend'), reason }),
])
type StatusIntent = z.infer<typeof StatusSchema>['intent']

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
  const submission = parseWithZod(await request.formData(), { schema: StatusSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), intent: null }, { status: 400 })
  const { intent, reason } = submission.value
  const change = { recordId: record.id, actorId: user.id, reason }
  try {
    if (intent === 'revoke') await revokeRecord(change)
    else await setSuspension({ ...change, suspended: intent === 'suspend' })
  } catch (error) {
    if (!(error instanceof AlreadyRevoked || error instanceof SuspensionConflict)) throw error
    return data(
      { result: submission.reply({ formErrors: ['records.statusChanged'] }), intent },
      { status: 400 },
    )
  }
  return { result: submission.reply({ resetForm: true }), intent }
}

export default function RecordPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { record, canRevoke, isOwner, shareUrl } = loaderData
  const level = textFor(t, RECORD_LEVEL_LABEL, record.level)
  return (
    <div className="page">
      <p className="muted">{t('verify.recordOf', { issuer: t('app.name') })}</p>
      <div className="record-heading">
        <img
          src={badgePath(record.dossierSlug, record.code)}
          alt={t('learner.records.badgeAlt', { code: record.code })}
          width={80}
          height={80}
        />
        <h1>
          {record.level === 'qualification' ? null : <span className="code">{record.code}</span>}{' '}
          {record.title}
        </h1>
      </div>
      <VerificationBanner
        status={record.status}
        reason={record.reason}
        revocation={record.revocation}
        suspension={record.suspension}
        validUntil={record.validUntil}
        statusListRevoked={record.statusListRevoked}
      />
      {record.erased ? <p className="notice">{t('erasure.record.erased')}</p> : null}
      <dl className="facts">
        {record.erased ? null : (
          <div>
            <dt>{t('records.recipient')}</dt>
            <dd>{record.recipientName}</dd>
          </div>
        )}
        <div>
          <dt>{t('records.kind')}</dt>
          <dd>{level}</dd>
        </div>
        <div>
          <dt>{t('records.framework')}</dt>
          <dd>{record.framework}</dd>
        </div>
        <div>
          <dt>{t('records.issuedOn')}</dt>
          <dd>{formatDate(record.issuedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('records.validUntil')}</dt>
          <dd>
            {record.validUntil ? formatDate(record.validUntil, locale) : t('records.noExpiry')}
          </dd>
        </div>
        {record.organisation ? (
          <div>
            <dt>{t('records.earnedAt')}</dt>
            <dd>{record.organisation.name}</dd>
          </div>
        ) : null}
      </dl>
      <AchievementDetails criteria={record.criteria} alignment={record.alignment} />
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
        {record.erased ? (
          <li>{t('erasure.record.gone')}</li>
        ) : (
          <>
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
          </>
        )}
        <li>
          <Link to="/verify">{t('verify.title')}</Link>
        </li>
      </ul>
      {isOwner ? <ShareLink label={t('records.shareHint')} url={shareUrl} /> : null}
      {canRevoke && record.status !== 'revoked' ? (
        <>
          {record.status === 'suspended' ? (
            <StatusForm
              intent="unsuspend"
              lastResult={actionData?.intent === 'unsuspend' ? actionData.result : undefined}
            />
          ) : (
            <StatusForm
              intent="suspend"
              lastResult={actionData?.intent === 'suspend' ? actionData.result : undefined}
            />
          )}
          <StatusForm
            intent="revoke"
            lastResult={actionData?.intent === 'revoke' ? actionData.result : undefined}
          />
        </>
      ) : null}
    </div>
  )
}

const STATUS_FORM_TEXT = {
  revoke: {
    title: 'records.revokeTitle',
    explained: 'records.revokeExplained',
    submit: 'records.revoke',
    tone: 'danger',
  },
  suspend: {
    title: 'records.suspendTitle',
    explained: 'records.suspendExplained',
    submit: 'records.suspend',
    tone: 'secondary',
  },
  unsuspend: {
    title: 'records.unsuspendTitle',
    explained: 'records.unsuspendExplained',
    submit: 'records.unsuspend',
    tone: 'secondary',
  },
} as const

/** One change of a record's status, with the reason it is made for (kept in the audit log). */
function StatusForm({
  intent,
  lastResult,
}: {
  intent: StatusIntent
  lastResult: Route.ComponentProps['actionData'] extends infer A
    ? A extends { result: infer R }
      ? R | undefined
      : undefined
    : undefined
}) {
  const { t } = useTranslation()
  const text = STATUS_FORM_TEXT[intent]
  const [form, fields] = useForm({
    id: intent,
    lastResult,
    constraint: getZodConstraint(StatusSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StatusSchema }),
  })
  const headingId = `${intent}-heading`
  return (
    <section aria-labelledby={headingId} className="narrow-section">
      <h2 id={headingId}>{t(text.title)}</h2>
      <p>{t(text.explained)}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value={intent} />
        <ErrorList id={form.errorId} errors={form.errors} />
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
        <FormSubmit form={form} className={`button ${text.tone}`}>
          {t(text.submit)}
        </FormSubmit>
      </Form>
    </section>
  )
}
