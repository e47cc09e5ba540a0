import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/lti-courses'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { DataTable } from '#app/components/data-table.tsx'
import { Checkbox, FormSubmit, Notice } from '#app/components/forms.tsx'
import { EmptyState } from '#app/components/ui/empty-state.tsx'
import { Facts } from '#app/components/ui/facts.tsx'
import type { TextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { listPlatformCourses } from '#app/integrations/lti/lti-courses.server.ts'
import {
  LtiServiceError,
  type LtiServiceFailure,
} from '#app/integrations/lti/platform-http.server.ts'
import {
  importRoster,
  RosterImportError,
  type RosterImportCounts,
  type RosterRefusal,
} from '#app/integrations/lti/roster-import.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

const ImportSchema = z.object({
  contextId: z
    .string({ required_error: 'ltiServices.form.contextInvalid' })
    .max(50, 'ltiServices.form.contextInvalid'),
  intoTeam: z.boolean().default(false),
})

const FAILURE: Record<LtiServiceFailure | RosterRefusal, TextKey> = {
  unreachable: 'ltiServices.error.unreachable',
  refused: 'ltiServices.error.refused',
  'invalid-response': 'ltiServices.error.invalidResponse',
  'not-found': 'ltiServices.error.notFound',
  'no-roster-service': 'ltiServices.error.noRosterService',
  'platform-inactive': 'ltiServices.error.platformInactive',
  'too-large': 'ltiServices.error.tooLarge',
}

const TARGET: Record<string, TextKey> = {
  course: 'ltiServices.target.course',
  lesson: 'ltiServices.target.lesson',
  'work-process': 'ltiServices.target.workProcess',
}

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, 'ltiServices.courses.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  return {
    organisation: membership.organisation,
    courses: await listPlatformCourses(membership.organisation.id),
  }
}

type ActionResult = {
  contextId: string | null
  result: SubmissionResult<string[]>
  counts: RosterImportCounts | null
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const submission = parseWithZod(await request.formData(), { schema: ImportSchema })
  if (submission.status !== 'success') {
    return data<ActionResult>(
      { contextId: null, result: submission.reply(), counts: null },
      { status: 400 },
    )
  }
  const { contextId, intoTeam } = submission.value
  try {
    const counts = await importRoster({
      organisationId: membership.organisation.id,
      contextId,
      intoTeam,
      actorId: user.id,
    })
    return data<ActionResult>({ contextId, result: submission.reply(), counts })
  } catch (error) {
    if (!(error instanceof LtiServiceError || error instanceof RosterImportError)) throw error
    // The platform's failure is told plainly; another organisation's course is simply unknown.
    const status = error instanceof LtiServiceError ? 502 : error.reason === 'not-found' ? 404 : 409
    return data<ActionResult>(
      {
        contextId,
        result: submission.reply({ formErrors: [FAILURE[error.reason]] }),
        counts: null,
      },
      { status },
    )
  }
}

export default function LtiCourses({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, courses } = loaderData
  return (
    <div className="page">
      <h1>
        {t('ltiServices.courses.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('ltiServices.courses.intro')}</p>
      <p>
        <Link to={`/orgs/${organisation.slug}/lti`}>{t('ltiServices.courses.registrations')}</Link>
      </p>
      {courses.length === 0 ? (
        <EmptyState title={t('ltiServices.courses.empty')}>
          {t('ltiServices.courses.emptyHint')}
        </EmptyState>
      ) : null}
      {courses.map((course) => (
        <section key={course.id} className="stack" data-lti-course={course.id}>
          <h2>{course.title}</h2>
          <Facts
            items={[
              { label: t('ltiServices.courses.platform'), value: course.platformName },
              {
                label: t('ltiServices.courses.lastImport'),
                value: course.lastRosterImportAt
                  ? formatAmsterdam(course.lastRosterImportAt, locale, 'dateTime')
                  : t('ltiServices.courses.never'),
              },
            ]}
          />
          {course.links.length === 0 ? (
            <p className="muted">{t('ltiServices.courses.noLinks')}</p>
          ) : (
            <DataTable
              caption={course.title}
              columns={[
                t('ltiServices.link.title'),
                t('ltiServices.link.target'),
                t('ltiServices.link.lineItem'),
                t('ltiServices.link.launches'),
                t('ltiServices.link.sent'),
                t('ltiServices.link.waiting'),
                t('ltiServices.link.retrying'),
                t('ltiServices.link.gaveUp'),
              ]}
            >
              {course.links.map((link) => (
                <tr key={link.id}>
                  <th scope="row">{link.title}</th>
                  <td>
                    {TARGET[link.targetKind] ? `${t(TARGET[link.targetKind]!)} ` : null}
                    {link.targetPath ? (
                      <Link to={link.targetPath}>{link.targetTitle}</Link>
                    ) : (
                      link.targetTitle
                    )}
                  </td>
                  <td>{link.hasLineItem ? t('ltiServices.yes') : t('ltiServices.no')}</td>
                  <td>{link.launches}</td>
                  <td>{link.scoresSent}</td>
                  <td>{link.waiting}</td>
                  <td>{link.retrying}</td>
                  <td>{link.gaveUp}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {course.canImport ? (
            <RosterImportForm
              contextId={course.id}
              intoTeam={course.rosterTeams}
              actionData={actionData?.contextId === course.id ? actionData : undefined}
            />
          ) : (
            <p className="muted">{t('ltiServices.roster.unavailable')}</p>
          )}
        </section>
      ))}
    </div>
  )
}

function RosterImportForm({
  contextId,
  intoTeam,
  actionData,
}: {
  contextId: string
  intoTeam: boolean
  actionData: ActionResult | undefined
}) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: `roster-${contextId}`,
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ImportSchema }),
  })
  const counts = actionData?.counts
  return (
    <Form method="post" {...getFormProps(form)} className="stack narrow-section">
      {counts ? <Notice>{t('ltiServices.roster.done', counts)}</Notice> : null}
      <input type="hidden" name={fields.contextId.name} value={contextId} />
      <Checkbox id={fields.intoTeam.id} name={fields.intoTeam.name} defaultChecked={intoTeam}>
        {t('ltiServices.roster.intoTeam')}
      </Checkbox>
      <FormSubmit form={form}>{t('ltiServices.roster.import')}</FormSubmit>
    </Form>
  )
}
