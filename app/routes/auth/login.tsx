import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/login'
import { Field, FormSubmit, Notice } from '#app/components/forms.tsx'
import { requireAnonymous } from '#app/auth/authorize.server.ts'
import { attemptLogin } from '#app/auth/login.server.ts'
import { createSession, sessionCookie } from '#app/auth/session.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'
import { safeRedirect } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const LoginSchema = z.object({
  email: z.string({ required_error: 'form.required' }).trim().max(254, 'form.tooLong'),
  password: z.string({ required_error: 'form.required' }).max(200, 'form.tooLong'),
  redirectTo: z.string().max(500).optional(),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const login = await attemptLogin({ email, password, address: clientAddress(request) })
  if (!login.ok) {
    const throttled = login.reason === 'throttled'
    return data(
      {
        result: submission.reply({
          formErrors: [throttled ? 'login.throttled' : 'login.invalid'],
          hideFields: ['password'],
        }),
      },
      throttled
        ? { status: 429, headers: { 'Retry-After': String(login.retryAfter) } }
        : { status: 400 },
    )
  }
  const { token, session } = await createSession(login.userId, {
    userAgent: request.headers.get('User-Agent') ?? '',
    ipAddress: clientAddress(request),
  })
  return redirect(safeRedirect(redirectTo), {
    headers: { 'Set-Cookie': sessionCookie(request, token, session.expiresAt) },
  })
}

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page narrow">
      <h1>{t('login.title')}</h1>
      {searchParams.get('reset') ? <Notice>{t('login.resetDone')}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field label={t('form.email')} meta={fields.email} type="email" autoComplete="username" />
        <Field
          label={t('form.password')}
          meta={fields.password}
          type="password"
          autoComplete="current-password"
        />
        <FormSubmit form={form}>{t('login.submit')}</FormSubmit>
      </Form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
    </div>
  )
}
