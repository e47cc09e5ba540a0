import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/package-mapping'
import { ErrorList } from '#app/components/forms.tsx'
import { requireAuthor } from '#app/authoring/authoring-access.server.ts'
import { getDossierOutline, listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { packageForMapping } from '#app/packages/package-authoring.server.ts'
import { DONE_WHEN } from '#app/packages/done-rule.ts'
import { publishPackage } from '#app/packages/package-import.server.ts'
import { STANDARD_LABEL } from '#app/packages/manifest/manifest-types.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { localized } from '#app/i18n/i18n.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, 'packageAuthoring.mappingTitle')

const DEFAULT_DOSSIER = 'contactcenter-teamleider'

export async function loader({ request, params }: Route.LoaderArgs) {
  const scope = await requireAuthor(request)
  const pkg = await packageForMapping(scope, params.packageId)
  invariantResponse(pkg, 'Not found', { status: 404 })
  const dossiers = await listCurrentDossiers()
  // The dossier is chosen with a GET form (works without JavaScript): ?dossier=slug.
  const asked = new URL(request.url).searchParams.get('dossier')
  const slugs = dossiers.map((d) => d.slug)
  const dossierSlug = [asked, pkg.previousDossier, DEFAULT_DOSSIER, slugs[0]].find(
    (s): s is string => !!s && slugs.includes(s),
  )
  const outline = dossierSlug ? await getDossierOutline(dossierSlug) : null
  return {
    pkg,
    standard: STANDARD_LABEL[pkg.standard],
    dossiers: dossiers.map((d) => ({
      slug: d.slug,
      titleNl: d.qualificationNl,
      titleEn: d.qualificationEn,
    })),
    dossierSlug: dossierSlug ?? '',
    coreTasks: outline?.coreTasks ?? [],
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const scope = await requireAuthor(request)
  const pkg = await packageForMapping(scope, params.packageId)
  invariantResponse(pkg, 'Not found', { status: 404 })
  const form = await request.formData()
  const mapping = pkg.activities.map((a, i) => {
    const min = String(form.get(`min-${i}`) ?? '').trim()
    return {
      identifier: a.identifier,
      workProcessCodes: form.getAll(`wp-${i}`).map(String),
      doneWhen: String(form.get(`done-${i}`) ?? ''),
      minScore: /^\d{1,3}$/.test(min) ? Number(min) : null,
    }
  })
  const outcome = await publishPackage({
    packageId: pkg.id,
    dossierSlug: String(form.get('dossierSlug') ?? ''),
    mapping,
    publishedById: scope.user.id,
  })
  if (!outcome.ok) {
    // Field names of the form: the activity's errors go to its row.
    const errors: Record<string, string[]> = {}
    for (const [key, list] of Object.entries(outcome.errors)) {
      const index = pkg.activities.findIndex((a) => a.identifier === key)
      errors[index >= 0 ? `activity-${index}` : key] = list
    }
    return data({ errors }, { status: 400 })
  }
  throw redirect(`/trainer?published=${encodeURIComponent(outcome.courseId)}#packages`)
}

export default function PackageMapping({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { pkg, coreTasks } = loaderData
  const errors: Record<string, string[]> = actionData?.errors ?? {}
  return (
    <div className="page narrow">
      <p>
        <Link to="/trainer">← {t('trainer.title')}</Link>
      </p>
      <h1>{pkg.title}</h1>
      <p className="lead">
        {loaderData.standard} · {t('packageAuthoring.fileCount', { count: pkg.fileCount })}
        {pkg.previousVersion
          ? ` · ${t('packageAuthoring.nextVersion', { version: pkg.previousVersion + 1 })}`
          : ''}
      </p>
      {pkg.published ? (
        <p role="status">{t('packageAuthoring.alreadyPublished')}</p>
      ) : (
        <>
          <p>{t('packageAuthoring.mappingIntro')}</p>
          <Form method="get" className="stack" aria-label={t('packageAuthoring.dossier')}>
            <div className="field">
              <label htmlFor="dossier-choice">{t('packageAuthoring.dossier')}</label>
              <select id="dossier-choice" name="dossier" defaultValue={loaderData.dossierSlug}>
                {loaderData.dossiers.map((d) => (
                  <option key={d.slug} value={d.slug}>
                    {locale === 'en' ? d.titleEn : d.titleNl}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button secondary">
              {t('packageAuthoring.chooseDossier')}
            </button>
          </Form>
          <Form method="post" className="stack" id="package-mapping">
            <input type="hidden" name="dossierSlug" value={loaderData.dossierSlug} />
            <ErrorList errors={errors.dossierSlug} />
            <ErrorList errors={errors.package} />
            {pkg.activities.map((a, i) => {
              const prefill = pkg.defaults[a.identifier]
              return (
                <fieldset key={a.identifier} className="card stack" id={`activity-${i}`}>
                  <legend>
                    <strong>{a.title}</strong>
                  </legend>
                  <dl className="facts">
                    <dt>{t('packageAuthoring.identifier')}</dt>
                    <dd>
                      <code>{a.identifier}</code>
                    </dd>
                    <dt>{t('packageAuthoring.launchFile')}</dt>
                    <dd>
                      <code>{a.launchPath}</code>
                    </dd>
                    <dt>{t('packageAuthoring.masteryScore')}</dt>
                    <dd>{a.masteryScore === null ? '—' : `${a.masteryScore}%`}</dd>
                    {a.moveOn ? (
                      <>
                        <dt>moveOn</dt>
                        <dd>{a.moveOn}</dd>
                      </>
                    ) : null}
                  </dl>
                  <fieldset>
                    <legend>{t('packageAuthoring.workProcesses')}</legend>
                    {coreTasks.map((task) => (
                      <div key={task.code}>
                        <p className="muted">
                          {task.code} {localized(task, 'title', locale)}
                        </p>
                        {task.workProcesses.map((wp) => (
                          <div key={wp.code} className="field checkbox">
                            <input
                              type="checkbox"
                              id={`wp-${i}-${wp.code}`}
                              name={`wp-${i}`}
                              value={wp.code}
                              defaultChecked={prefill?.workProcessCodes.includes(wp.code)}
                            />
                            <label htmlFor={`wp-${i}-${wp.code}`}>
                              {wp.code} {localized(wp, 'title', locale)}
                            </label>
                          </div>
                        ))}
                      </div>
                    ))}
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`done-${i}`}>{t('packageAuthoring.doneWhen')}</label>
                    <select
                      id={`done-${i}`}
                      name={`done-${i}`}
                      defaultValue={
                        prefill?.doneWhen ?? (a.masteryScore !== null ? 'passed' : 'completed')
                      }
                    >
                      {DONE_WHEN.map((rule) => (
                        <option key={rule} value={rule}>
                          {t(`packageAuthoring.done.${rule}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`min-${i}`}>{t('packageAuthoring.minScore')}</label>
                    <input
                      id={`min-${i}`}
                      name={`min-${i}`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      defaultValue={prefill?.minScore ?? a.masteryScore ?? ''}
                    />
                  </div>
                  <ErrorList errors={errors[`activity-${i}`]} />
                </fieldset>
              )
            })}
            <button type="submit" className="button" id="package-publish">
              {t('packageAuthoring.publish')}
            </button>
          </Form>
        </>
      )}
    </div>
  )
}
