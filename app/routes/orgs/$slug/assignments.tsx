import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/assignments'
import { DataTable } from '#app/components/data-table.tsx'
import { ErrorList, FormSubmit, Notice, SelectField } from '#app/components/forms.tsx'
import {
  assign,
  assignableCourses,
  AssignmentRefused,
  listAssignments,
  sendReminders,
  staffInScope,
} from '#app/employer/assignments.server.ts'
import { requireStaffScope, teamsInScope } from '#app/employer/staff-scope.server.ts'
import { evidenceOptions } from '#app/assessment/evidence-options.server.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { ASSIGNMENT_STATUS_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

const AssignSchema = z.object({
  intent: z.literal('assign'),
  /** "team:<id>" or "person:<userId>" */
  who: z
    .string({ required_error: 'assignments.chooseWho' })
    .regex(/^(team|person):[\w-]+$/, 'assignments.chooseWho'),
  /** "course:<id>" or "wp:<dossier>/<code>" */
  what: z
    .string({ required_error: 'assignments.chooseWhat' })
    .regex(/^(course:[\w-]+|wp:[a-z0-9-]+\/[A-Z]+-K\d+-W\d+)$/, 'assignments.chooseWhat'),
  dueAt: z
    .string({ required_error: 'assignments.chooseDue' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'assignments.chooseDue'),
})
const RemindSchema = z.object({ intent: z.literal('remind') })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'assignments.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireStaffScope(request, params.slug)
  const [assignments, teams, people, courses, dossiers] = await Promise.all([
    listAssignments(scope),
    teamsInScope(scope),
    staffInScope(scope),
    assignableCourses(scope.organisationId),
    evidenceOptions(),
  ])
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    assignments,
    teams,
    people: people.map((p) => ({ userId: p.userId, name: p.user.name })),
    courses,
    dossiers,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, scope } = await requireStaffScope(request, params.slug)
  const formData = await request.formData()
  if (formData.get('intent') === 'remind') {
    parseWithZod(formData, { schema: RemindSchema })
    return { result: null, reminded: await sendReminders(scope), assigned: null }
  }
  const submission = parseWithZod(formData, { schema: AssignSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), reminded: null, assigned: null }, { status: 400 })
  const { who, what, dueAt } = submission.value
  const [whoKind, whoId] = who.split(':') as [string, string]
  const target = what.startsWith('course:')
    ? { kind: 'course' as const, courseId: what.slice('course:'.length) }
    : {
        kind: 'work_process' as const,
        dossierSlug: what.slice(3).split('/')[0]!,
        workProcessCode: what.slice(3).split('/')[1]!,
      }
  // The end of the chosen day in the Netherlands, so "due 12 March" includes 12 March.
  const due = new Date(`${dueAt}T23:59:59+01:00`)
  try {
    const { assigned } = await assign({
      scope,
      assignedById: user.id,
      userIds: whoKind === 'person' ? [whoId] : [],
      teamId: whoKind === 'team' ? whoId : undefined,
      target,
      dueAt: due,
    })
    return { result: submission.reply({ resetForm: true }), reminded: null, assigned }
  } catch (error) {
    if (!(error instanceof AssignmentRefused)) throw error
    const field = {
      nobody: 'who',
      outside_scope: 'who',
      unknown_target: 'what',
      past_due: 'dueAt',
    }[error.reason]
    return data(
      {
        result: submission.reply({
          fieldErrors: { [field]: [`assignments.refused.${error.reason}`] },
        }),
        reminded: null,
        assigned: null,
      },
      { status: 400 },
    )
  }
}

export default function Assignments({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, assignments, teams, people, courses, dossiers } = loaderData
  const [form, fields] = useForm({
    id: 'assign',
    lastResult: actionData?.result,
    constraint: getZodConstraint(AssignSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignSchema }),
  })
  const title = (x: { nl: string; en: string } | null) => (x ? x[locale] : '—')
  return (
    <div className="page">
      <h1>
        {t('assignments.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('assignments.intro')}</p>
      {actionData?.assigned ? (
        <Notice>{t('assignments.assigned', { count: actionData.assigned })}</Notice>
      ) : null}
      {actionData?.reminded !== null && actionData?.reminded !== undefined ? (
        <Notice>{t('assignments.reminded', { count: actionData.reminded })}</Notice>
      ) : null}

      <h2>{t('assignments.new')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="assign" />
        <SelectField label={t('assignments.who')} meta={fields.who} defaultValue="">
          <option value="">—</option>
          <optgroup label={t('org.teams')}>
            {teams.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('employer.staff')}>
            {people.map((p) => (
              <option key={p.userId} value={`person:${p.userId}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <SelectField label={t('assignments.what')} meta={fields.what} defaultValue="">
          <option value="">—</option>
          <optgroup label={t('courses.title')}>
            {courses.map((c) => (
              <option key={c.courseId} value={`course:${c.courseId}`}>
                {localized(c, 'title', locale)}
              </option>
            ))}
          </optgroup>
          {dossiers.map((d) => (
            <optgroup key={d.slug} label={localized(d, 'qualification', locale)}>
              {d.coreTasks.flatMap((c) =>
                c.workProcesses.map((w) => (
                  <option key={w.code} value={`wp:${d.slug}/${w.code}`}>
                    {w.code} {localized(w, 'title', locale)}
                  </option>
                )),
              )}
            </optgroup>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={fields.dueAt.id}>{t('assignments.dueAt')}</label>
          <input
            id={fields.dueAt.id}
            name={fields.dueAt.name}
            type="date"
            aria-describedby={fields.dueAt.errors ? fields.dueAt.errorId : undefined}
          />
          <ErrorList id={fields.dueAt.errorId} errors={fields.dueAt.errors} />
        </div>
        <p className="hint">{t('assignments.doneRule')}</p>
        <FormSubmit form={form}>{t('assignments.assign')}</FormSubmit>
      </Form>

      <h2>{t('assignments.list')}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="remind" />
        <button type="submit" className="button secondary">
          {t('assignments.remind')}
        </button>
      </Form>
      {assignments.length === 0 ? (
        <p>{t('assignments.none')}</p>
      ) : (
        <DataTable
          caption={t('assignments.list')}
          columns={[
            t('employer.staff'),
            t('assignments.what'),
            t('assignments.dueAt'),
            t('assignments.state'),
          ]}
        >
          {assignments.map((a) => (
            <tr key={a.id} data-assignment-status={a.status}>
              <th scope="row">{a.user.name}</th>
              <td>{title(a.title)}</td>
              <td>{formatDate(a.dueAt, locale)}</td>
              <td className={`assignment-${a.status}`}>{t(ASSIGNMENT_STATUS_LABEL[a.status])}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
