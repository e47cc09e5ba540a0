import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import type { Route } from './+types/erasure'
import { ErrorList, FormSubmit, Notice } from '#app/components/forms.tsx'
import { requireUser } from '#app/auth/authorize.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ownErasureSchema } from '#app/privacy/erasure-form.ts'
import {
  erasureOrganisations,
  ErasureRequestError,
  openErasureRequest,
  requestErasure,
} from '#app/privacy/erasure-requests.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * The person's own way to erasure (AVG art. 17): what goes and what stays, then the request.
 * Their employer decides; a person without an organisation is erased without one.
 */

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'erasure.title')

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const [open, organisations] = await Promise.all([
    openErasureRequest(user.id),
    erasureOrganisations(user.id),
  ])
  return { open, organisations }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: ownErasureSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), filed: false }, { status: 400 })
  const organisations = await erasureOrganisations(user.id)
  const organisationId = submission.value.organisationId ?? organisations[0]?.id ?? ''
  try {
    await requestErasure({ userId: user.id, organisationId, requestedById: user.id })
  } catch (error) {
    if (!(error instanceof ErasureRequestError)) throw error
    const field = error.key === 'not_member' ? 'organisationId' : ''
    return data(
      {
        result: submission.reply({
          ...(field ? { fieldErrors: { [field]: [`erasure.error.${error.key}`] } } : {}),
          ...(field ? {} : { formErrors: [`erasure.error.${error.key}`] }),
        }),
        filed: false,
      },
      { status: 400 },
    )
  }
  return { result: submission.reply({ resetForm: true }), filed: true }
}

export default function Erasure({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { open, organisations } = loaderData
  const [form, fields] = useForm({
    id: 'erasure',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ownErasureSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ownErasureSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page narrow-section">
      <h1>{t('erasure.title')}</h1>
      <p className="lead">{t('erasure.intro')}</p>
      <h2>{t('erasure.whatGoes')}</h2>
      <p>{t('erasure.whatGoesList')}</p>
      <h2>{t('erasure.whatStays')}</h2>
      <p>{t('erasure.whatStaysList')}</p>
      <p>
        <a href="/account/data-export.zip" download>
          {t('privacy.downloadAll')}
        </a>
      </p>
      {actionData?.filed ? <Notice>{t('erasure.submitted')}</Notice> : null}
      {open ? (
        <section aria-live="polite">
          <p data-erasure-status={open.status}>
            {t('erasure.openRequest', {
              date: formatDate(open.requestedAt, locale),
              status: t(`erasure.status.${open.status}` as 'erasure.status.requested'),
            })}
          </p>
          {open.waitingFor === 'legal_hold' ? <p>{t('erasure.waiting.legal_hold')}</p> : null}
          {open.waitingFor === 'exam_retention' && open.notBefore ? (
            <p>
              {t('erasure.waiting.exam_retention', { date: formatDate(open.notBefore, locale) })}
            </p>
          ) : null}
        </section>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <p>{t('erasure.waitNote')}</p>
          {organisations.length > 1 ? (
            <div className="field">
              <label htmlFor={fields.organisationId.id}>{t('erasure.organisation')}</label>
              <select {...getSelectProps(fields.organisationId)} key={fields.organisationId.key}>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <ErrorList id={fields.organisationId.errorId} errors={fields.organisationId.errors} />
            </div>
          ) : null}
          <div className="field checkbox">
            <input
              type="checkbox"
              id={fields.confirm.id}
              name={fields.confirm.name}
              aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
            />
            <label htmlFor={fields.confirm.id}>{t('erasure.confirm')}</label>
            <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
          </div>
          <FormSubmit form={form} className="button danger">
            {t('erasure.submit')}
          </FormSubmit>
        </Form>
      )}
    </div>
  )
}
