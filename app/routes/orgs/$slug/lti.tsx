import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/lti'
import { DataTable, RowAction } from '#app/components/data-table.tsx'
import { Field, FormSubmit, Notice, PlainTextField } from '#app/components/forms.tsx'
import { Facts } from '#app/components/ui/facts.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  deploymentIdSchema,
  manualRegistrationSchema,
} from '#app/integrations/lti/platform-form.ts'
import {
  addDeployment,
  confirmPlatform,
  deletePlatform,
  listPlatforms,
  removeDeployment,
  saveManualPlatform,
  setPlatformEnabled,
  type PlatformStatus,
} from '#app/integrations/lti/platforms.server.ts'
import { createRegistrationInvite } from '#app/integrations/lti/registration-invites.server.ts'
import { toolUrls } from '#app/integrations/lti/tool-configuration.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * The organisation's LTI registrations: our tool's addresses for the platform's admin, a
 * one-time link for dynamic registration, the registered platforms (a dynamic one waits for
 * confirmation here) and the manual registration as a fallback.
 */
const PlatformAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('invite') }),
  z.object({ intent: z.literal('confirm'), platformId: z.string().max(50) }),
  z.object({ intent: z.literal('disable'), platformId: z.string().max(50) }),
  z.object({ intent: z.literal('enable'), platformId: z.string().max(50) }),
  z.object({ intent: z.literal('delete'), platformId: z.string().max(50) }),
  z.object({ intent: z.literal('remove-deployment'), deploymentId: z.string().max(50) }),
])
const DeploymentSchema = z.object({
  intent: z.literal('add-deployment'),
  platformId: z.string().max(50),
  deploymentId: deploymentIdSchema,
})

/** Plain http on this machine is for development and tests only. */
const allowLoopback = () => env.NODE_ENV !== 'production'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'ltiAdmin.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  return {
    organisation: membership.organisation,
    urls: toolUrls(env.PUBLIC_URL),
    platforms: await listPlatforms(membership.organisation.id),
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

  if (intent === 'register') {
    const schema = manualRegistrationSchema({ allowLoopback: allowLoopback() })
    const submission = parseWithZod(formData, { schema })
    if (submission.status !== 'success')
      return data({ form: 'register', result: submission.reply(), invite: null }, { status: 400 })
    const saved = await saveManualPlatform({
      organisationId,
      actorId: user.id,
      registration: submission.value,
    })
    if (!saved.ok) {
      const result = submission.reply({ fieldErrors: { [saved.field]: [saved.message] } })
      return data({ form: 'register', result, invite: null }, { status: 400 })
    }
    return { form: 'register', result: submission.reply({ resetForm: true }), invite: null }
  }

  if (intent === 'add-deployment') {
    const submission = parseWithZod(formData, { schema: DeploymentSchema })
    const form = `deployment-${String(formData.get('platformId'))}`
    if (submission.status !== 'success')
      return data({ form, result: submission.reply(), invite: null }, { status: 400 })
    const { platformId, deploymentId } = submission.value
    const added = await addDeployment(organisationId, platformId, deploymentId, user.id)
    invariantResponse(added.ok || added.reason !== 'not-found', 'Not found', { status: 404 })
    if (!added.ok) {
      const result = submission.reply({
        fieldErrors: { deploymentId: ['ltiAdmin.duplicateDeployment'] },
      })
      return data({ form, result, invite: null }, { status: 400 })
    }
    return { form, result: submission.reply({ resetForm: true }), invite: null }
  }

  const submission = parseWithZod(formData, { schema: PlatformAction })
  if (submission.status !== 'success')
    return data({ form: 'platform', result: submission.reply(), invite: null }, { status: 400 })
  const value = submission.value
  const reply = { form: 'platform', result: submission.reply(), invite: null }
  // A platform or deployment of another organisation (or none) is not found, whatever the intent.
  const found = (done: unknown) => {
    invariantResponse(done, 'Not found', { status: 404 })
    return reply
  }
  switch (value.intent) {
    case 'invite': {
      const invite = await createRegistrationInvite({
        organisationId,
        actorId: user.id,
        publicUrl: env.PUBLIC_URL,
      })
      return { ...reply, invite }
    }
    case 'confirm':
      return found(await confirmPlatform(organisationId, value.platformId, user.id))
    case 'disable':
    case 'enable':
      return found(
        await setPlatformEnabled(
          organisationId,
          value.platformId,
          user.id,
          value.intent === 'enable',
        ),
      )
    case 'delete':
      return found(await deletePlatform(organisationId, value.platformId, user.id))
    case 'remove-deployment':
      return found(await removeDeployment(organisationId, value.deploymentId, user.id))
  }
}

type Platform = Route.ComponentProps['loaderData']['platforms'][number]

export default function LtiRegistrations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, urls, platforms, allowLoopback } = loaderData
  const schema = manualRegistrationSchema({ allowLoopback })
  const [form, fields] = useForm({
    id: 'lti-register',
    lastResult: actionData?.form === 'register' ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page">
      <h1>
        {t('ltiAdmin.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('ltiAdmin.intro')}</p>
      <p>
        <a href={`/orgs/${organisation.slug}/lti/courses`}>{t('ltiAdmin.coursesLink')}</a>
      </p>

      <h2>{t('ltiAdmin.toolUrls')}</h2>
      <Facts
        items={[
          { label: t('ltiAdmin.url.login'), value: <code>{urls.login}</code> },
          { label: t('ltiAdmin.url.launch'), value: <code>{urls.launch}</code> },
          { label: t('ltiAdmin.url.jwks'), value: <code>{urls.jwks}</code> },
          { label: t('ltiAdmin.url.deepLinking'), value: <code>{urls.deepLinking}</code> },
          { label: t('ltiAdmin.url.targetLink'), value: <code>{urls.targetLinkUri}</code> },
          { label: t('ltiAdmin.url.domain'), value: <code>{urls.domain}</code> },
        ]}
      />

      <h2>{t('ltiAdmin.dynamic')}</h2>
      <p>{t('ltiAdmin.dynamicIntro')}</p>
      {actionData?.invite ? (
        <Notice>
          <p>
            {t('ltiAdmin.inviteCreated', {
              date: formatAmsterdam(actionData.invite.expiresAt, locale, 'dateTime'),
            })}
          </p>
          <p>
            <code data-registration-link>{actionData.invite.url}</code>
          </p>
        </Notice>
      ) : null}
      <Form method="post">
        <button type="submit" name="intent" value="invite" className="button">
          {t('ltiAdmin.createInvite')}
        </button>
      </Form>

      <h2>{t('ltiAdmin.platforms')}</h2>
      {platforms.length === 0 ? (
        <p>{t('ltiAdmin.noPlatforms')}</p>
      ) : (
        platforms.map((platform) => (
          <PlatformCard
            key={platform.id}
            platform={platform}
            lastResult={
              actionData?.form === `deployment-${platform.id}` ? actionData.result : undefined
            }
          />
        ))
      )}

      <h2>{t('ltiAdmin.manual')}</h2>
      <p>{t('ltiAdmin.manualIntro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="register" />
        <Field label={t('ltiAdmin.field.name')} meta={fields.name} />
        <Field label={t('ltiAdmin.field.issuer')} meta={fields.issuer} />
        <Field label={t('ltiAdmin.field.clientId')} meta={fields.clientId} />
        <Field label={t('ltiAdmin.field.authLoginUrl')} meta={fields.authLoginUrl} />
        <Field label={t('ltiAdmin.field.authTokenUrl')} meta={fields.authTokenUrl} />
        <Field label={t('ltiAdmin.field.jwksUrl')} meta={fields.jwksUrl} />
        <PlainTextField
          label={t('ltiAdmin.field.deploymentIds')}
          meta={fields.deploymentIds}
          rows={3}
        />
        <FormSubmit form={form}>{t('ltiAdmin.register')}</FormSubmit>
      </Form>
    </div>
  )
}

function PlatformCard({
  platform,
  lastResult,
}: {
  platform: Platform
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t, locale } = useTranslation()
  const [form, fields] = useForm({
    id: `deployment-${platform.id}`,
    lastResult,
    constraint: getZodConstraint(DeploymentSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeploymentSchema }),
  })
  // The column holds only these three (platforms.server.ts writes it).
  const status = platform.status as PlatformStatus
  return (
    <section className="card stack" data-platform={platform.issuer}>
      <h3>{platform.name}</h3>
      <Facts
        items={[
          { label: t('ltiAdmin.status'), value: t(`ltiAdmin.status.${status}`) },
          { label: t('ltiAdmin.field.issuer'), value: <code>{platform.issuer}</code> },
          { label: t('ltiAdmin.field.clientId'), value: <code>{platform.clientId}</code> },
          platform.productFamily
            ? { label: t('ltiAdmin.productFamily'), value: platform.productFamily }
            : null,
          {
            label: t('ltiAdmin.registeredVia'),
            value: t(
              platform.registeredVia === 'dynamic' ? 'ltiAdmin.via.dynamic' : 'ltiAdmin.via.manual',
            ),
          },
          {
            label: t('ltiAdmin.registeredAt'),
            value: formatAmsterdam(platform.createdAt, locale, 'dateTime'),
          },
        ]}
      />
      {status === 'pending' ? <p>{t('ltiAdmin.pendingHint')}</p> : null}
      <div className="button-row">
        {status === 'pending' ? (
          <RowAction name="platformId" id={platform.id} intent="confirm">
            {t('ltiAdmin.confirm')}
          </RowAction>
        ) : null}
        {status === 'active' ? (
          <RowAction name="platformId" id={platform.id} intent="disable">
            {t('ltiAdmin.disable')}
          </RowAction>
        ) : null}
        {status === 'disabled' ? (
          <RowAction name="platformId" id={platform.id} intent="enable">
            {t('ltiAdmin.enable')}
          </RowAction>
        ) : null}
        <RowAction name="platformId" id={platform.id} intent="delete">
          {t('ltiAdmin.delete', { name: platform.name })}
        </RowAction>
      </div>
      {platform.deployments.length === 0 ? (
        <p>{t('ltiAdmin.noDeployments')}</p>
      ) : (
        <DataTable
          caption={t('ltiAdmin.deployments')}
          columns={[t('ltiAdmin.deploymentId')]}
          actions
        >
          {platform.deployments.map((deployment) => (
            <tr key={deployment.id}>
              <th scope="row">
                <code>{deployment.deploymentId}</code>
              </th>
              <td>
                <RowAction name="deploymentId" id={deployment.id} intent="remove-deployment">
                  {t('ltiAdmin.removeDeployment', { id: deployment.deploymentId })}
                </RowAction>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Form method="post" {...getFormProps(form)} className="inline-form">
        <input type="hidden" name="intent" value="add-deployment" />
        <input type="hidden" name="platformId" value={platform.id} />
        <Field label={t('ltiAdmin.deploymentId')} meta={fields.deploymentId} />
        <FormSubmit form={form}>{t('ltiAdmin.addDeployment')}</FormSubmit>
      </Form>
    </section>
  )
}
