import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/invitations'
import { RolesFieldset } from './roles-fieldset.tsx'
import { DataTable, RowAction } from '#app/components/data-table.tsx'
import { Field, FormSubmit, Notice, PlainSelect } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { ROLES } from '#app/auth/roles.ts'
import {
  createInvitation,
  listOpenInvitations,
  revokeInvitation,
} from '#app/domain/invitations.server.ts'
import { listTeams } from '#app/domain/organisations.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { ROLE_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { EmailSchema } from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const InviteSchema = z.object({
  intent: z.literal('invite'),
  email: EmailSchema,
  roles: z
    .array(z.enum(ROLES, { message: 'org.unknownRole' }))
    .min(1, 'org.atLeastOneRole')
    .max(ROLES.length),
  teamId: z.string().max(50).optional(),
})
const RevokeSchema = z.object({ intent: z.literal('revoke'), invitationId: z.string().max(50) })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'org.invitations')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const [invitations, teams] = await Promise.all([
    listOpenInvitations(membership.organisation.id),
    listTeams(membership.organisation.id),
  ])
  return { organisation: membership.organisation, invitations, teams }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const formData = await request.formData()
  if (formData.get('intent') === 'revoke') {
    const submission = parseWithZod(formData, { schema: RevokeSchema })
    if (submission.status !== 'success')
      return data({ result: submission.reply(), sent: null }, { status: 400 })
    invariantResponse(
      await revokeInvitation(membership.organisation.id, submission.value.invitationId),
      'Invitation not found',
    )
    return { result: submission.reply(), sent: null }
  }
  const submission = parseWithZod(formData, { schema: InviteSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), sent: null }, { status: 400 })
  const { email, roles, teamId } = submission.value
  await createInvitation({
    organisationId: membership.organisation.id,
    email,
    roles,
    teamId: teamId ?? null,
    invitedBy: user,
    baseUrl: new URL(request.url).origin,
    locale: getLocale(request),
  })
  return { result: submission.reply({ resetForm: true }), sent: email }
}

export default function OrgInvitations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, invitations, teams } = loaderData
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: formData.get('intent') === 'revoke' ? RevokeSchema : InviteSchema,
      }),
  })
  return (
    <div className="page">
      <h1>
        {t('org.invitations')}: {organisation.name}
      </h1>
      {actionData?.sent ? (
        <Notice>{t('org.invitationSent', { email: actionData.sent })}</Notice>
      ) : null}
      <h2>{t('org.invite')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="invite" />
        <Field label={t('form.email')} meta={fields.email} type="email" autoComplete="off" />
        <RolesFieldset checked={(role) => role === 'learner'} meta={fields.roles} />
        {teams.length > 0 ? (
          <PlainSelect
            id="invite-team"
            label={t('org.team')}
            name="teamId"
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        ) : null}
        <FormSubmit form={form}>{t('org.sendInvitation')}</FormSubmit>
      </Form>

      <h2>{t('org.openInvitations')}</h2>
      {invitations.length === 0 ? (
        <p>{t('org.noInvitations')}</p>
      ) : (
        <DataTable
          caption={t('org.openInvitations')}
          columns={[t('form.email'), t('org.roles'), t('org.invitedBy'), t('org.expires')]}
          actions
        >
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.email}</th>
              <td>{i.roles.map((r) => textFor(t, ROLE_LABEL, r)).join(', ')}</td>
              <td>{i.invitedBy.name}</td>
              <td>{formatDate(i.expiresAt, locale)}</td>
              <td>
                <RowAction name="invitationId" id={i.id} intent="revoke">
                  {t('org.revoke', { email: i.email })}
                </RowAction>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
