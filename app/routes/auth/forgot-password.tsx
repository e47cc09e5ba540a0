import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/forgot-password'
import { Field, Notice } from '#app/components/forms.tsx'
import { requestPasswordReset } from '#app/domain/password-reset.server.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { EmailSchema } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const ForgotSchema = z.object({ email: EmailSchema })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'forgot.title')

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), sent: false }, { status: 400 })
  }
  await requestPasswordReset(
    submission.value.email,
    new URL(request.url).origin,
    getLocale(request),
  )
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sent: true }
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'forgot',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ForgotSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
  })
  return (
    <div className="page narrow">
      <h1>{t('forgot.title')}</h1>
      {actionData?.sent ? <Notice>{t('forgot.sent')}</Notice> : <p>{t('forgot.intro')}</p>}
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field label={t('form.email')} meta={fields.email} type="email" autoComplete="email" />
        <button type="submit" className="button">
          {t('forgot.submit')}
        </button>
      </Form>
    </div>
  )
}
