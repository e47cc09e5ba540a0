import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/member'
import { RolesFieldset } from './roles-fieldset.tsx'
import { FormSubmit, Notice } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { ROLES } from '#app/auth/roles.ts'
import {
  LastAdminError,
  getMember,
  listTeams,
  rolesOf,
  setMemberActive,
  updateMember,
} from '#app/domain/organisations.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

const MemberSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('update'),
    roles: z
      .array(z.enum(ROLES, { message: 'org.unknownRole' }))
      .min(1, 'org.atLeastOneRole')
      .max(ROLES.length),
    teamIds: z.array(z.string().max(50)).max(100).default([]),
  }),
  z.object({ intent: z.literal('deactivate') }),
  z.object({ intent: z.literal('reactivate') }),
])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'org.member')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const member = await getMember(membership.organisation.id, params.membershipId)
  invariantResponse(member, 'Member not found')
  await logAccess({
    viewer: { userId: user.id },
    organisationId: membership.organisation.id,
    kind: 'member.detail',
    people: member.user.id,
  })
  const teams = await listTeams(membership.organisation.id)
  return {
    organisation: membership.organisation,
    member: {
      id: member.id,
      name: member.user.name,
      email: member.user.email,
      roles: rolesOf(member),
      teamIds: member.teams.map((t) => t.team.id),
      active: !member.deactivatedAt,
    },
    teams: teams.map((t) => ({ id: t.id, name: t.name, client: t.client?.name ?? null })),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const orgId = membership.organisation.id
  const submission = parseWithZod(await request.formData(), { schema: MemberSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), saved: false }, { status: 400 })
  }
  try {
    const value = submission.value
    const found =
      value.intent === 'update'
        ? await updateMember(orgId, params.membershipId, {
            roles: value.roles,
            teamIds: value.teamIds,
          })
        : await setMemberActive(orgId, params.membershipId, value.intent === 'reactivate')
    invariantResponse(found, 'Member not found')
  } catch (error) {
    if (!(error instanceof LastAdminError)) throw error
    return data(
      { result: submission.reply({ formErrors: ['org.lastAdmin'] }), saved: false },
      { status: 400 },
    )
  }
  return { result: submission.reply(), saved: true }
}

export default function OrgMember({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, member, teams } = loaderData
  const [form, fields] = useForm({ id: 'member', lastResult: actionData?.result })
  return (
    <div className="page">
      <h1>{member.name}</h1>
      <dl className="facts">
        <div>
          <dt>{t('export.email')}</dt>
          <dd>{member.email}</dd>
        </div>
        <div>
          <dt>{t('org.memberState')}</dt>
          <dd>{member.active ? t('org.active') : t('org.deactivated')}</dd>
        </div>
      </dl>
      {actionData?.saved ? <Notice>{t('org.saved')}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <RolesFieldset checked={(role) => member.roles.includes(role)} meta={fields.roles} />
        <fieldset>
          <legend>{t('org.teams')}</legend>
          {teams.map((team) => (
            <label key={team.id} className="check">
              <input
                type="checkbox"
                name="teamIds"
                value={team.id}
                defaultChecked={member.teamIds.includes(team.id)}
              />{' '}
              {team.name}
              {team.client ? ` (${team.client})` : ''}
            </label>
          ))}
        </fieldset>
        <FormSubmit form={form} name="intent" value="update">
          {t('org.save')}
        </FormSubmit>
      </Form>
      <Form method="post" className="stack">
        {member.active ? (
          <button type="submit" name="intent" value="deactivate" className="button secondary">
            {t('org.deactivate')}
          </button>
        ) : (
          <button type="submit" name="intent" value="reactivate" className="button secondary">
            {t('org.reactivate')}
          </button>
        )}
        <p className="hint">{t('org.deactivateHint')}</p>
      </Form>
      <p>
        <Link to={`/orgs/${organisation.slug}/members`}>{t('org.backToMembers')}</Link>
      </p>
    </div>
  )
}
