import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/reset-password'
import { FormSubmit, NewPasswordFields } from '#app/components/forms.tsx'
import { isResetTokenUsable, resetPassword } from '#app/domain/password-reset.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { PasswordSchema, ConfirmPasswordSchema, passwordsMatch } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const ResetSchema = z
  .object({
    password: PasswordSchema,
    confirmPassword: ConfirmPasswordSchema,
  })
  .refine(...passwordsMatch)

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'reset.title')

export async function loader({ params }: Route.LoaderArgs) {
  const usable = await isResetTokenUsable(params.token)
  return data({ usable }, { status: usable ? 200 : 410 })
}

export async function action({ request, params }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetSchema })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) },
      { status: 400 },
    )
  }
  if (!(await resetPassword(params.token, submission.value.password))) {
    return data(
      {
        result: submission.reply({
          formErrors: ['reset.invalid'],
          hideFields: ['password', 'confirmPassword'],
        }),
      },
      { status: 400 },
    )
  }
  return redirect('/login?reset=1')
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'reset',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ResetSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page narrow">
      <h1>{t('reset.title')}</h1>
      {loaderData.usable ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
          <FormSubmit form={form}>{t('reset.submit')}</FormSubmit>
        </Form>
      ) : (
        <p role="alert">
          {t('reset.invalid')} <Link to="/forgot-password">{t('login.forgot')}</Link>
        </p>
      )}
    </div>
  )
}
