import { data, Form, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/jobs'
import { DataTable } from '#app/components/data-table.tsx'
import { ErrorList } from '#app/components/forms.tsx'
import { requirePlatformAdmin } from '#app/auth/authorize.server.ts'
import type { TextKey } from '#app/i18n/i18n.ts'
import { jobOverview, retryDeadJob } from '#app/jobs/job-overview.server.ts'
import type { JobState } from '#app/jobs/job-queue.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'admin.jobs')

const STATE_LABEL: Record<JobState, TextKey> = {
  queued: 'admin.jobs.state.queued',
  active: 'admin.jobs.state.active',
  failed: 'admin.jobs.state.failed',
  dead: 'admin.jobs.state.dead',
  completed: 'admin.jobs.state.completed',
}

/** The background jobs: how many per state, the ones waiting, retrying or dead, and the last done. */
export async function loader({ request }: Route.LoaderArgs) {
  await requirePlatformAdmin(request)
  return jobOverview()
}

const RetrySchema = z.object({ intent: z.literal('retry'), jobId: z.string().min(1).max(100) })

/** Retry a dead job: one more attempt, now. */
export async function action({ request }: Route.ActionArgs) {
  await requirePlatformAdmin(request)
  const parsed = RetrySchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success || !(await retryDeadJob(parsed.data.jobId))) {
    return data({ error: 'admin.jobs.retryRefused' as const }, { status: 400 })
  }
  return redirect('/admin/jobs', 303)
}

export default function Jobs({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { counts, jobs, completed } = loaderData
  const time = (value: Date | string | null) =>
    value ? formatAmsterdam(value, locale, 'compactDateTime') : ''
  return (
    <div className="page">
      <h1>{t('admin.jobs')}</h1>
      <p className="lead">{t('admin.jobs.intro')}</p>
      <ErrorList errors={actionData ? [actionData.error] : null} />
      <dl className="facts">
        {(['queued', 'active', 'failed', 'dead'] as const).map((state) => (
          <div key={state}>
            <dt>{t(STATE_LABEL[state])}</dt>
            <dd>{counts[state]}</dd>
          </div>
        ))}
      </dl>
      {jobs.length === 0 ? (
        <p>{t('admin.jobs.none')}</p>
      ) : (
        <DataTable
          caption={t('admin.jobs.open')}
          showCaption
          actions
          columns={[
            t('admin.jobs.name'),
            t('admin.jobs.key'),
            t('admin.jobs.state'),
            t('admin.jobs.attempts'),
            t('admin.jobs.lastError'),
            t('admin.jobs.created'),
            t('admin.jobs.runAt'),
          ]}
        >
          {jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row">{job.name}</th>
              <td>{job.key}</td>
              <td>{t(STATE_LABEL[job.state])}</td>
              <td>
                {job.attempts}/{job.maxAttempts}
              </td>
              <td>{job.lastError}</td>
              <td>{time(job.createdAt)}</td>
              <td>{job.state === 'dead' ? '' : time(job.runAt)}</td>
              <td>
                {job.state === 'dead' ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="jobId" value={job.id} />
                    <button type="submit" aria-label={t('admin.jobs.retryJob', { name: job.name })}>
                      {t('admin.jobs.retry')}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {completed.length > 0 ? (
        <DataTable
          caption={t('admin.jobs.completed')}
          showCaption
          columns={[
            t('admin.jobs.name'),
            t('admin.jobs.key'),
            t('admin.jobs.attempts'),
            t('admin.jobs.completedAt'),
          ]}
        >
          {completed.map((job) => (
            <tr key={job.id}>
              <th scope="row">{job.name}</th>
              <td>{job.key}</td>
              <td>{job.attempts}</td>
              <td>{time(job.completedAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  )
}
