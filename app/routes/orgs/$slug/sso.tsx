import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/sso'
import { Field, FormSubmit, Notice, PlainTextField, SelectField } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { ROLES } from '#app/auth/roles.ts'
import { ROLE_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { parseDomains } from '#app/integrations/oidc/email-domain.ts'
import { formatGroupTeams, parseGroupTeams } from '#app/integrations/oidc/group-teams.ts'
import { getSsoSettings, saveSsoSettings } from '#app/integrations/oidc/sso-config.server.ts'
import { CALLBACK_PATH } from '#app/integrations/oidc/sso-login.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/

const SsoSchema = z.object({
  issuer: z
    .string({ required_error: 'form.required' })
    .trim()
    .max(500, 'form.tooLong')
    .url('sso.badIssuer')
    .refine((v) => v.startsWith('https://') || LOOPBACK.test(v), 'sso.badIssuer'),
  clientId: z.string({ required_error: 'form.required' }).trim().max(200, 'form.tooLong'),
  clientSecret: z.string().max(500, 'form.tooLong').optional(),
  domains: z
    .string({ required_error: 'sso.needDomain' })
    .max(2000, 'form.tooLong')
    .transform((text, ctx) => {
      const domains = parseDomains(text)
      if (!domains) ctx.addIssue({ code: 'custom', message: 'sso.badDomains' })
      else if (domains.length === 0) ctx.addIssue({ code: 'custom', message: 'sso.needDomain' })
      return domains ?? []
    }),
  jitEnabled: z.boolean().default(false),
  jitRole: z.enum(ROLES),
  groupsClaim: z.string().trim().max(100, 'form.tooLong').default('groups'),
  groupTeams: z
    .string()
    .max(5000, 'form.tooLong')
    .default('')
    .transform((text, ctx) => {
      const pairs = parseGroupTeams(text)
      if (!pairs) ctx.addIssue({ code: 'custom', message: 'sso.badGroupTeams' })
      return pairs ?? []
    }),
  passwordLoginDisabled: z.boolean().default(false),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'sso.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  return {
    organisation: membership.organisation,
    settings: await getSsoSettings(membership.organisation.id),
    redirectUri: new URL(CALLBACK_PATH, request.url).href,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const submission = parseWithZod(await request.formData(), { schema: SsoSchema })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['clientSecret'] }), saved: false },
      { status: 400 },
    )
  }
  const { clientSecret, ...settings } = submission.value
  const saved = await saveSsoSettings({
    organisationId: membership.organisation.id,
    actorId: user.id,
    settings,
    clientSecret: clientSecret?.trim() || null,
  })
  if (!saved.ok) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { [saved.field]: [saved.message] },
          hideFields: ['clientSecret'],
        }),
        saved: false,
      },
      { status: 400 },
    )
  }
  return { result: submission.reply({ hideFields: ['clientSecret'] }), saved: true }
}

export default function SsoSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, settings, redirectUri } = loaderData
  const [form, fields] = useForm({
    id: 'sso',
    lastResult: actionData?.result,
    constraint: getZodConstraint(SsoSchema),
    defaultValue: {
      issuer: settings?.issuer ?? '',
      clientId: settings?.clientId ?? '',
      domains: settings?.domains.join('\n') ?? '',
      jitRole: settings?.jitRole ?? 'learner',
      groupsClaim: settings?.groupsClaim ?? 'groups',
      groupTeams: formatGroupTeams(settings?.groupTeams ?? []),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="page">
      <h1>
        {t('sso.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('sso.intro')}</p>
      <p>
        {t('sso.redirectUri')} <code>{redirectUri}</code>
      </p>
      {actionData?.saved ? <Notice>{t('sso.saved')}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <Field label={t('sso.issuer')} meta={fields.issuer} type="text" />
        <Field label={t('sso.clientId')} meta={fields.clientId} />
        <Field
          label={t('sso.clientSecret')}
          meta={fields.clientSecret}
          type="password"
          autoComplete="off"
          hint={settings?.secretSet ? t('sso.secretSet') : t('sso.secretNotSet')}
        />
        <PlainTextField label={t('sso.domains')} meta={fields.domains} rows={3} />
        <div className="field checkbox">
          <input
            type="checkbox"
            id={fields.jitEnabled.id}
            name={fields.jitEnabled.name}
            defaultChecked={settings?.jitEnabled ?? false}
          />
          <label htmlFor={fields.jitEnabled.id}>{t('sso.jitEnabled')}</label>
        </div>
        <SelectField label={t('sso.jitRole')} meta={fields.jitRole}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ROLE_LABEL[role])}
            </option>
          ))}
        </SelectField>
        <Field label={t('sso.groupsClaim')} meta={fields.groupsClaim} />
        <div className="field">
          <PlainTextField label={t('sso.groupTeams')} meta={fields.groupTeams} rows={4} />
          <p className="hint">{t('sso.groupTeamsHint')}</p>
        </div>
        <div className="field checkbox">
          <input
            type="checkbox"
            id={fields.passwordLoginDisabled.id}
            name={fields.passwordLoginDisabled.name}
            defaultChecked={settings?.passwordLoginDisabled ?? false}
          />
          <label htmlFor={fields.passwordLoginDisabled.id}>{t('sso.passwordLoginDisabled')}</label>
        </div>
        <FormSubmit form={form}>{t('sso.save')}</FormSubmit>
      </Form>
    </div>
  )
}
