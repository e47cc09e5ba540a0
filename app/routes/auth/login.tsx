import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/login'
import { Field, FormSubmit, Notice } from '#app/components/forms.tsx'
import { pageAfterLogin, requireAnonymous } from '#app/auth/landing-page.server.ts'
import { attemptLogin } from '#app/auth/login.server.ts'
import { createSession, sessionCookie } from '#app/auth/session.server.ts'
import { isTextKey } from '#app/i18n/i18n.ts'
import { passwordLoginDisabledFor } from '#app/integrations/oidc/sso-config.server.ts'
import { CALLBACK_PATH, startSsoLogin } from '#app/integrations/oidc/sso-login.server.ts'
import { stateCookie } from '#app/integrations/oidc/state-cookie.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'
import { safeRedirect } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const LoginSchema = z.object({
  email: z.string({ required_error: 'form.required' }).trim().max(254, 'form.tooLong'),
  password: z.string({ required_error: 'form.required' }).max(200, 'form.tooLong'),
  redirectTo: z.string().max(500).optional(),
})

/** "Inloggen met je werkaccount": only the address, whose domain picks the provider. */
const SsoSchema = z.object({
  intent: z.literal('sso'),
  email: z
    .string({ required_error: 'form.required' })
    .trim()
    .max(254, 'form.tooLong')
    .email('form.email.invalid'),
  redirectTo: z.string().max(500).optional(),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  await requireAnonymous(request)
  const formData = await request.formData()
  if (formData.get('intent') === 'sso') return startWorkAccountLogin(request, formData)
  const submission = parseWithZod(formData, { schema: LoginSchema })
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
  // Checked after the password, so the answer tells nothing to someone who does not know it.
  if (await passwordLoginDisabledFor(login.userId)) {
    return data(
      {
        result: submission.reply({ formErrors: ['login.passwordOff'], hideFields: ['password'] }),
      },
      { status: 403 },
    )
  }
  const { token, session } = await createSession(login.userId, {
    userAgent: request.headers.get('User-Agent') ?? '',
    ipAddress: clientAddress(request),
  })
  return redirect(await pageAfterLogin(login.userId, redirectTo), {
    headers: { 'Set-Cookie': sessionCookie(request, token, session.expiresAt) },
  })
}

async function startWorkAccountLogin(request: Request, formData: FormData) {
  const submission = parseWithZod(formData, { schema: SsoSchema })
  if (submission.status !== 'success') {
    return data({ sso: submission.reply() }, { status: 400 })
  }
  const start = await startSsoLogin({
    email: submission.value.email,
    // Empty when none was asked for: the callback then picks the person's landing page.
    redirectTo: safeRedirect(submission.value.redirectTo, ''),
    redirectUri: new URL(CALLBACK_PATH, request.url).href,
  })
  if (!start.ok) {
    const message =
      start.reason === 'unknown-domain' ? 'login.sso.unknownDomain' : 'login.sso.unreachable'
    return data(
      { sso: submission.reply({ fieldErrors: { email: [message] } }) },
      { status: start.reason === 'unknown-domain' ? 400 : 503 },
    )
  }
  return redirect(start.authorizationUrl, {
    headers: { 'Set-Cookie': stateCookie(request, start.state) },
  })
}

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const ssoFailure = `login.sso.failed.${searchParams.get('sso')}`
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onBlur',
  })
  const [ssoForm, ssoFields] = useForm({
    id: 'login-sso',
    lastResult: actionData && 'sso' in actionData ? actionData.sso : undefined,
    constraint: getZodConstraint(SsoSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page narrow">
      <h1>{t('login.title')}</h1>
      {searchParams.get('reset') ? <Notice>{t('login.resetDone')}</Notice> : null}
      {isTextKey(ssoFailure) ? (
        <p role="alert" className="notice error">
          {t(ssoFailure)}
        </p>
      ) : null}
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
      <section aria-labelledby="login-sso-title" className="stack">
        <h2 id="login-sso-title">{t('login.sso.title')}</h2>
        <p>{t('login.sso.intro')}</p>
        <Form method="post" {...getFormProps(ssoForm)} className="stack">
          <input type="hidden" name="intent" value="sso" />
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <Field
            label={t('login.sso.email')}
            meta={ssoFields.email}
            type="email"
            autoComplete="email"
          />
          <FormSubmit form={ssoForm}>{t('login.sso.submit')}</FormSubmit>
        </Form>
      </section>
    </div>
  )
}
