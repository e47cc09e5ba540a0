import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/signup'
import { Field, FormSubmit } from '#app/components/forms.tsx'
import { requireAnonymous } from '#app/auth/landing-page.server.ts'
import { createSession, sessionCookie } from '#app/auth/session.server.ts'
import { createUser, findUserByEmail } from '#app/domain/users.server.ts'
import { env } from '#app/env.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'
import { EmailSchema, NameSchema, PasswordSchema } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const SignUpSchema = z.object({ name: NameSchema, email: EmailSchema, password: PasswordSchema })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'signup.title')

/** Open sign-up exists only when OPEN_SIGNUP=true; otherwise people join by invitation. */
function requireOpenSignUp() {
  if (!env.OPEN_SIGNUP) throw new Response('Not found', { status: 404 })
}

export async function loader({ request }: Route.LoaderArgs) {
  requireOpenSignUp()
  await requireAnonymous(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  requireOpenSignUp()
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: SignUpSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  if (await findUserByEmail(submission.value.email)) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { email: ['signup.emailTaken'] },
          hideFields: ['password'],
        }),
      },
      { status: 400 },
    )
  }
  const user = await createUser(submission.value)
  const { token, session } = await createSession(user.id, {
    userAgent: request.headers.get('User-Agent') ?? '',
    ipAddress: clientAddress(request),
  })
  return redirect('/dashboard', {
    headers: { 'Set-Cookie': sessionCookie(request, token, session.expiresAt) },
  })
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignUpSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page narrow">
      <h1>{t('signup.title')}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field label={t('form.name')} meta={fields.name} autoComplete="name" />
        <Field label={t('form.email')} meta={fields.email} type="email" autoComplete="email" />
        <Field
          label={t('form.newPassword')}
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint={t('form.password.hint')}
        />
        <FormSubmit form={form}>{t('signup.submit')}</FormSubmit>
      </Form>
    </div>
  )
}
