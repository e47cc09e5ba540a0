import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import type { Route } from './+types/lrs'
import { Field, FormSubmit, Notice } from '#app/components/forms.tsx'
import { Facts } from '#app/components/ui/facts.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { lrsForwardingSchema } from '#app/integrations/lrs/forwarding-form.ts'
import {
  deleteForwarding,
  getForwardingStatus,
  saveForwarding,
  setForwardingEnabled,
  testForwarding,
} from '#app/integrations/lrs/forwarding.server.ts'
import { forwardOrganisationSoon } from '#app/integrations/lrs/delivery.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * Forwarding the organisation's learning records to its own LRS: the endpoint and
 * credentials (the secret is sealed and never shown again), a connection test, the delivery
 * status, pause and removal. For the organisation's admins only.
 */

/** Plain http on this machine is for development and tests only. */
const allowLoopback = () => env.NODE_ENV !== 'production'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'lrsForwarding.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  return {
    organisation: membership.organisation,
    status: await getForwardingStatus(membership.organisation.id),
    allowLoopback: allowLoopback(),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const organisationId = membership.organisation.id
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'save') {
    const schema = lrsForwardingSchema({ allowLoopback: allowLoopback() })
    const submission = parseWithZod(formData, { schema })
    const reply = (fieldErrors?: Record<string, string[]>) =>
      submission.reply({ fieldErrors, hideFields: ['secret'] })
    if (submission.status !== 'success')
      return data({ result: reply(), saved: false, test: null }, { status: 400 })
    const saved = await saveForwarding({ organisationId, actorId: user.id, ...submission.value })
    if (!saved.ok)
      return data(
        { result: reply({ [saved.field]: [saved.message] }), saved: false, test: null },
        { status: 400 },
      )
    await forwardOrganisationSoon(organisationId)
    return { result: reply(), saved: true, test: null }
  }
  if (intent === 'test') {
    const test = await testForwarding(organisationId)
    invariantResponse(test, 'Not found', { status: 404 })
    return { result: undefined, saved: false, test }
  }
  if (intent === 'disable' || intent === 'enable' || intent === 'delete') {
    const done =
      intent === 'delete'
        ? await deleteForwarding(organisationId, user.id)
        : await setForwardingEnabled(organisationId, user.id, intent === 'enable')
    invariantResponse(done, 'Not found', { status: 404 })
    if (intent === 'enable') await forwardOrganisationSoon(organisationId)
    return { result: undefined, saved: false, test: null }
  }
  throw data('Unknown intent', { status: 400 })
}

export default function LrsForwardingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, status, allowLoopback } = loaderData
  const schema = lrsForwardingSchema({ allowLoopback })
  const [form, fields] = useForm({
    id: 'lrs-forwarding',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    defaultValue: { endpoint: status?.endpoint ?? '', username: status?.username ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onBlur',
  })
  const when = (date: Date | null) => (date ? formatAmsterdam(date, locale, 'dateTime') : '–')
  const test = actionData?.test
  return (
    <div className="page">
      <h1>
        {t('lrsForwarding.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('lrsForwarding.intro')}</p>

      {status ? (
        <section className="card stack" data-lrs-status>
          <h2>{t('lrsForwarding.status')}</h2>
          <Facts
            items={[
              {
                label: t('lrsForwarding.state'),
                value: t(status.enabled ? 'lrsForwarding.state.on' : 'lrsForwarding.state.off'),
              },
              { label: t('lrsForwarding.sent'), value: <span data-sent>{status.sent}</span> },
              {
                label: t('lrsForwarding.waiting'),
                value: <span data-waiting>{status.waiting}</span>,
              },
              { label: t('lrsForwarding.lastSuccess'), value: when(status.lastSuccessAt) },
              { label: t('lrsForwarding.lastTested'), value: when(status.lastTestedAt) },
              {
                label: t('lrsForwarding.lastError'),
                value: status.lastError ?? t('lrsForwarding.noError'),
              },
            ]}
          />
          {test ? (
            <Notice kind={test.about.ok && test.credentials.ok ? 'success' : 'error'}>
              <p data-test-about={test.about.ok}>
                {t(test.about.ok ? 'lrsForwarding.test.aboutOk' : 'lrsForwarding.test.aboutFailed')}{' '}
                ({test.about.detail})
              </p>
              <p data-test-credentials={test.credentials.ok}>
                {t(
                  test.credentials.ok
                    ? 'lrsForwarding.test.credentialsOk'
                    : 'lrsForwarding.test.credentialsFailed',
                )}{' '}
                ({test.credentials.detail})
              </p>
            </Notice>
          ) : null}
          <div className="button-row">
            <Form method="post">
              <button type="submit" name="intent" value="test" className="button">
                {t('lrsForwarding.test')}
              </button>
            </Form>
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value={status.enabled ? 'disable' : 'enable'}
                className="link-button"
              >
                {t(status.enabled ? 'lrsForwarding.disable' : 'lrsForwarding.enable')}
              </button>
            </Form>
            <Form method="post">
              <button type="submit" name="intent" value="delete" className="link-button">
                {t('lrsForwarding.delete')}
              </button>
            </Form>
          </div>
        </section>
      ) : (
        <p>{t('lrsForwarding.none')}</p>
      )}

      <h2>{t('lrsForwarding.settings')}</h2>
      {actionData?.saved ? <Notice>{t('lrsForwarding.saved')}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="save" />
        <Field label={t('lrsForwarding.endpoint')} meta={fields.endpoint} />
        <Field label={t('lrsForwarding.username')} meta={fields.username} autoComplete="off" />
        <Field
          label={t('lrsForwarding.secret')}
          meta={fields.secret}
          type="password"
          autoComplete="off"
          hint={t(status ? 'lrsForwarding.secretSet' : 'lrsForwarding.secretNotSet')}
        />
        <FormSubmit form={form}>{t('lrsForwarding.save')}</FormSubmit>
      </Form>
    </div>
  )
}
