import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/account'
import { DataTable, RowAction } from '#app/components/data-table.tsx'
import { Field, FormSubmit, NewPasswordFields, Notice } from '#app/components/forms.tsx'
import { getSession, requireUser } from '#app/auth/authorize.server.ts'
import {
  clearSessionCookie,
  createSession,
  endSessionByHandle,
  invalidateAllSessions,
  listActiveSessions,
  sessionCookie,
} from '#app/auth/session.server.ts'
import { changePassword, isCurrentPassword } from '#app/domain/users.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'
import { PasswordSchema, ConfirmPasswordSchema, passwordsMatch } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const PasswordChangeSchema = z
  .object({
    intent: z.literal('change-password'),
    currentPassword: z.string({ required_error: 'form.required' }).max(200, 'form.tooLong'),
    password: PasswordSchema,
    confirmPassword: ConfirmPasswordSchema,
  })
  .refine(...passwordsMatch)
const SessionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('logout-everywhere') }),
  z.object({ intent: z.literal('end-session'), sessionId: z.string().max(100) }),
])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'account.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const current = await getSession(request)
  const sessions = await listActiveSessions(user.id)
  return {
    user,
    // The session id is the hash of a secret; the page gets a short handle, never the whole id.
    sessions: sessions.map((s) => ({
      ...s,
      id: s.id.slice(0, 16),
      current: s.id === current?.sessionId,
    })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  if (formData.get('intent') === 'change-password') {
    const submission = parseWithZod(formData, { schema: PasswordChangeSchema })
    const hidden = { hideFields: ['currentPassword', 'password', 'confirmPassword'] }
    if (submission.status !== 'success') {
      return data({ result: submission.reply(hidden), changed: false }, { status: 400 })
    }
    if (!(await isCurrentPassword(user.id, submission.value.currentPassword))) {
      return data(
        {
          result: submission.reply({
            fieldErrors: { currentPassword: ['account.wrongPassword'] },
            ...hidden,
          }),
          changed: false,
        },
        { status: 400 },
      )
    }
    // Ends every session, this one included; this browser gets a fresh one.
    await changePassword(user.id, submission.value.password)
    const { token, session } = await createSession(user.id, {
      userAgent: request.headers.get('User-Agent') ?? '',
      ipAddress: clientAddress(request),
    })
    return data(
      { result: submission.reply({ resetForm: true }), changed: true },
      { headers: { 'Set-Cookie': sessionCookie(request, token, session.expiresAt) } },
    )
  }

  const submission = parseWithZod(formData, { schema: SessionSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), changed: false }, { status: 400 })
  }
  if (submission.value.intent === 'logout-everywhere') {
    await invalidateAllSessions(user.id)
    return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie(request) } })
  }
  await endSessionByHandle(user.id, submission.value.sessionId)
  return { result: submission.reply(), changed: false }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(PasswordChangeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordChangeSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('form.name')}</dt>
          <dd>{loaderData.user.name}</dd>
        </div>
        <div>
          <dt>{t('form.email')}</dt>
          <dd>{loaderData.user.email}</dd>
        </div>
      </dl>

      <section aria-labelledby="password-heading" className="narrow-section">
        <h2 id="password-heading">{t('account.changePassword')}</h2>
        {actionData?.changed ? <Notice>{t('account.passwordChanged')}</Notice> : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="change-password" />
          <Field
            label={t('form.currentPassword')}
            meta={fields.currentPassword}
            type="password"
            autoComplete="current-password"
          />
          <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
          <FormSubmit form={form}>{t('account.changePassword')}</FormSubmit>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('account.sessions')}</h2>
        <DataTable
          caption={t('account.sessions')}
          columns={[t('account.device'), t('account.since'), t('account.lastSeen')]}
          actions
        >
          {loaderData.sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {s.userAgent || '—'}{' '}
                {s.current ? <strong>({t('account.thisDevice')})</strong> : null}
              </td>
              <td>{formatDate(s.createdAt, locale)}</td>
              <td>{formatDate(s.lastSeenAt, locale)}</td>
              <td>
                {s.current ? null : (
                  <RowAction name="sessionId" id={s.id} intent="end-session">
                    {t('account.endSession')}
                  </RowAction>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="logout-everywhere"
            className="button secondary"
          >
            {t('account.logoutEverywhere')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="data-heading" className="narrow-section">
        <h2 id="data-heading">{t('privacy.dataHeading')}</h2>
        <p>{t('privacy.dataIntro')}</p>
        <p>
          <a href="/account/data-export.zip" download className="button secondary">
            {t('privacy.downloadAll')}
          </a>
        </p>
        <p>
          <Link to="/account/access-log">{t('accessLog.accountLink')}</Link>
        </p>
        <p>
          <Link to="/account/erasure">{t('erasure.accountLink')}</Link>
        </p>
      </section>
    </div>
  )
}
