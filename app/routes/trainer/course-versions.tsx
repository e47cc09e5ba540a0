import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/course-versions'
import { CourseDiffView } from './course-diff-view.tsx'
import { requireAuthoredCourse } from '#app/authoring/authoring-access.server.ts'
import { diffSnapshots } from '#app/authoring/course-diff.ts'
import { draftSnapshot } from '#app/authoring/drafts.server.ts'
import { rollBack } from '#app/authoring/publish.server.ts'
import { localizeProblem } from '#app/authoring/problem-messages.ts'
import { listVersions, versionSnapshot } from '#app/authoring/versions.server.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'authoring.versions')

/** `?from=2&to=3` compares two versions; `to=draft` (the default) compares with the draft. */
const side = (raw: string | null) => (raw && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null)

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireAuthoredCourse(request, params.courseId)
  const versions = await listVersions(params.courseId)
  const url = new URL(request.url)
  const current = versions.find((v) => v.current)?.version ?? null
  const from = side(url.searchParams.get('from')) ?? current
  const to = side(url.searchParams.get('to'))
  const [before, after] = await Promise.all([
    from ? versionSnapshot(params.courseId, from) : null,
    to ? versionSnapshot(params.courseId, to) : draftSnapshot(params.courseId),
  ])
  invariantResponse(after, 'Not found')
  return {
    courseId: params.courseId,
    title: after.title.nl,
    versions,
    from,
    to,
    diff: diffSnapshots(before, after),
  }
}

const RollbackSchema = z.object({ version: z.coerce.number().int().min(1) })

export async function action({ request, params }: Route.ActionArgs) {
  const { user } = await requireAuthoredCourse(request, params.courseId)
  const parsed = RollbackSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ problems: [] as string[] }, { status: 400 })
  const outcome = await rollBack(params.courseId, parsed.data.version, user.id)
  invariantResponse(outcome, 'Version not found')
  if (!outcome.ok) {
    return data({ problems: outcome.problems.map((p) => p.message) }, { status: 400 })
  }
  throw redirect(`/trainer/courses/${params.courseId}?published=${outcome.version}`)
}

export default function CourseVersions({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { courseId, versions, from, to } = loaderData
  return (
    <div className="page">
      <nav aria-label={t('lesson.breadcrumb')} className="breadcrumb">
        <Link to="/trainer">{t('trainer.title')}</Link> ›{' '}
        <Link to={`/trainer/courses/${courseId}`}>{loaderData.title}</Link>
      </nav>
      <h1>{t('authoring.versions')}</h1>
      {actionData?.problems ? (
        <div role="alert" className="problems">
          <p>{t('authoring.rollbackRefused')}</p>
          <ul>
            {actionData.problems.map((p, i) => (
              <li key={i}>{localizeProblem(p, locale)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t('authoring.rollbackHint')}</p>
      {versions.length === 0 ? (
        <p>{t('authoring.neverPublished')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('authoring.version')}</th>
              <th scope="col">{t('authoring.publishedAt')}</th>
              <th scope="col">{t('authoring.publishedBy')}</th>
              <th scope="col">{t('authoring.lessons')}</th>
              <th scope="col">{t('authoring.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  {v.version}
                  {v.current ? ` (${t('authoring.current')})` : ''}
                  {v.rolledBackTo ? (
                    <span className="muted">
                      {' '}
                      · {t('authoring.rolledBackTo', { version: v.rolledBackTo })}
                    </span>
                  ) : null}
                </th>
                <td>{formatDate(v.publishedAt, locale)}</td>
                <td>{v.publishedBy ?? '—'}</td>
                <td>{v.lessons}</td>
                <td>
                  {v.version > 1 ? (
                    <Link to={`?from=${v.version - 1}&to=${v.version}`}>
                      {t('authoring.compareWithPrevious')}
                    </Link>
                  ) : null}{' '}
                  <a href={`/trainer/courses/${courseId}/export.zip?version=${v.version}`}>
                    {t('authoring.exportVersion')}
                  </a>
                  {!v.current ? (
                    <Form method="post" className="inline">
                      <input type="hidden" name="version" value={v.version} />
                      <button type="submit" className="button small secondary">
                        {t('authoring.rollbackTo', { version: v.version })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {versions.length > 0 ? (
        <Form method="get" className="compare">
          <fieldset>
            <legend>{t('authoring.compare')}</legend>
            <div className="field">
              <label htmlFor="from">{t('authoring.compareFrom')}</label>
              <select id="from" name="from" defaultValue={from ?? undefined}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('authoring.versionShort', { version: v.version })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="to">{t('authoring.compareTo')}</label>
              <select id="to" name="to" defaultValue={to ?? 'draft'}>
                <option value="draft">{t('authoring.theDraft')}</option>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('authoring.versionShort', { version: v.version })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button small">
              {t('authoring.compareButton')}
            </button>
          </fieldset>
        </Form>
      ) : null}
      <section aria-labelledby="changes">
        <h2 id="changes">
          {to
            ? t('authoring.changesBetween', { from: from ?? '—', to })
            : from
              ? t('authoring.changesSinceVersion', { version: from })
              : t('authoring.changesNew')}
        </h2>
        <CourseDiffView diff={loaderData.diff} />
      </section>
    </div>
  )
}
