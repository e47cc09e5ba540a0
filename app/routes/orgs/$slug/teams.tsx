import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/teams'
import { DataTable, RowAction } from '#app/components/data-table.tsx'
import { Field, FormSubmit, PlainSelect } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import {
  createTeam,
  deleteTeam,
  getOrganisationBySlug,
  listTeams,
} from '#app/domain/organisations.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'

const TeamSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create'),
    name: z
      .string({ required_error: 'form.required' })
      .trim()
      .min(2, 'form.name.tooShort')
      .max(60, 'form.tooLong'),
    clientId: z.string().max(50).optional(),
  }),
  z.object({ intent: z.literal('delete'), teamId: z.string().max(50) }),
])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'org.teams')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:teams:org')
  const [organisation, teams] = await Promise.all([
    getOrganisationBySlug(params.slug),
    listTeams(membership.organisation.id),
  ])
  invariantResponse(organisation)
  return { organisation, teams }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:teams:org')
  const organisation = await getOrganisationBySlug(params.slug)
  invariantResponse(organisation)
  const submission = parseWithZod(await request.formData(), { schema: TeamSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const value = submission.value
  if (value.intent === 'delete') {
    invariantResponse(await deleteTeam(membership.organisation.id, value.teamId), 'Team not found')
    return { result: submission.reply() }
  }
  const clientId =
    value.clientId && organisation.clients.some((c) => c.id === value.clientId)
      ? value.clientId
      : null
  if (value.clientId && !clientId) {
    return data(
      { result: submission.reply({ fieldErrors: { clientId: ['org.unknownClient'] } }) },
      { status: 400 },
    )
  }
  try {
    await createTeam(membership.organisation.id, value.name, clientId)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { name: ['org.teamExists'] } }) },
      { status: 400 },
    )
  }
  return { result: submission.reply({ resetForm: true }) }
}

export default function OrgTeams({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, teams } = loaderData
  const [form, fields] = useForm({
    id: 'team',
    lastResult: actionData?.result,
    constraint: getZodConstraint(TeamSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamSchema }),
  })
  return (
    <div className="page">
      <h1>
        {t('org.teams')}: {organisation.name}
      </h1>
      <DataTable
        caption={t('org.teams')}
        columns={[
          t('org.team'),
          organisation.kind === 'outsourced' && t('org.client'),
          t('org.memberCount'),
        ]}
        actions
      >
        {teams.map((team) => (
          <tr key={team.id}>
            <th scope="row">{team.name}</th>
            {organisation.kind === 'outsourced' ? <td>{team.client?.name ?? '—'}</td> : null}
            <td>{team._count.members}</td>
            <td>
              <RowAction name="teamId" id={team.id} intent="delete">
                {t('org.deleteTeam', { team: team.name })}
              </RowAction>
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('org.newTeam')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="create" />
        <Field label={t('org.teamName')} meta={fields.name} />
        {organisation.clients.length > 0 ? (
          <PlainSelect
            id="team-client"
            label={t('org.client')}
            name="clientId"
            options={organisation.clients.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        <FormSubmit form={form}>{t('org.createTeam')}</FormSubmit>
      </Form>
    </div>
  )
}
