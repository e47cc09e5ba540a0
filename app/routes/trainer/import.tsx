import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/import'
import { ErrorList } from '#app/components/forms.tsx'
import { mayAuthor, ownerChoices, requireAuthor } from '#app/authoring/authoring-access.server.ts'
import { ID_PATTERN } from '#app/authoring/authoring-forms.ts'
import { localizeProblem } from '#app/authoring/problem-messages.ts'
import {
  importRepositoryCourse,
  importZip,
  repositoryCourses,
} from '#app/authoring/import-course.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'authoring.import')

const MAX_ZIP = 10 * 1024 * 1024

const ImportSchema = z.object({
  intent: z.enum(['zip', 'repository']),
  owner: z.string().min(1),
  newId: z
    .string()
    .trim()
    .max(60)
    .transform((v) => v || undefined)
    .pipe(z.string().regex(ID_PATTERN, 'authoring.idFormat').optional()),
  folder: z.string().max(100).optional(),
})

export async function loader({ request }: Route.LoaderArgs) {
  const scope = await requireAuthor(request)
  return {
    owners: ownerChoices(scope),
    repository: await repositoryCourses(),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const scope = await requireAuthor(request)
  assertBodyWithin(request, MAX_ZIP + 64 * 1024)
  const form = await request.formData()
  const parsed = ImportSchema.safeParse({
    intent: form.get('intent'),
    owner: form.get('owner'),
    newId: form.get('newId') ?? '',
    folder: form.get('folder') ?? undefined,
  })
  const fail = (errors: Record<string, string[]>) =>
    data({ intent: String(form.get('intent')), errors }, { status: 400 })
  if (!parsed.success) {
    return fail(
      Object.fromEntries(
        Object.entries(parsed.error.flatten().fieldErrors).map(([k, v]) => [k, v ?? []]),
      ),
    )
  }
  const { intent, owner, newId, folder } = parsed.data
  const organisationId = owner === 'platform' ? null : owner
  if (!mayAuthor(scope, organisationId)) return fail({ owner: ['authoring.ownerInvalid'] })
  const input = { organisationId, newId }
  let outcome
  if (intent === 'zip') {
    const file = fileField(form, 'file')
    if (!file) return fail({ file: ['authoring.zipRequired'] })
    outcome = await importZip(new Uint8Array(await file.arrayBuffer()), input, scope.user.id)
  } else {
    outcome = await importRepositoryCourse(folder ?? '', input, scope.user.id)
  }
  if (!outcome.ok) return fail({ [outcome.field]: [outcome.message] })
  throw redirect(`/trainer/courses/${outcome.courseId}?imported=1`)
}

export default function TrainerImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  // Messages from the importer are the checker's English; trainers read them in Dutch.
  const errorsFor = (intent: string): Record<string, string[]> =>
    actionData?.intent === intent
      ? Object.fromEntries(
          Object.entries(actionData.errors as Record<string, string[]>).map(([field, list]) => [
            field,
            list.map((message) => localizeProblem(message, locale)),
          ]),
        )
      : {}
  const owner = (id: string) => (
    <div className="field">
      <label htmlFor={`${id}-owner`}>{t('authoring.owner')}</label>
      <select id={`${id}-owner`} name="owner">
        {loaderData.owners.map((o) => (
          <option key={o.value} value={o.value}>
            {o.name ?? t('authoring.platformWide')}
          </option>
        ))}
      </select>
    </div>
  )
  const newId = (id: string, errors: Record<string, string[]>) => (
    <div className="field">
      <label htmlFor={`${id}-newId`}>{t('authoring.newId')}</label>
      <p className="hint" id={`${id}-newId-hint`}>
        {t('authoring.newIdHint')}
      </p>
      <input id={`${id}-newId`} name="newId" aria-describedby={`${id}-newId-hint`} />
      <ErrorList errors={errors.newId ?? errors.id} />
    </div>
  )
  const zipErrors = errorsFor('zip')
  const repoErrors = errorsFor('repository')
  return (
    <div className="page narrow">
      <p>
        <Link to="/trainer">← {t('trainer.title')}</Link>
      </p>
      <h1>{t('authoring.import')}</h1>
      <p className="lead">{t('authoring.importIntro')}</p>
      <section aria-labelledby="zip">
        <h2 id="zip">{t('authoring.importZip')}</h2>
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="zip" />
          <div className="field">
            <label htmlFor="zip-file">{t('authoring.zipFile')}</label>
            <input id="zip-file" type="file" name="file" accept=".zip,application/zip" />
            <ErrorList errors={zipErrors.file} />
          </div>
          {owner('zip')}
          {newId('zip', zipErrors)}
          <ErrorList errors={zipErrors.owner} />
          <button type="submit" className="button">
            {t('authoring.importButton')}
          </button>
        </Form>
      </section>
      <section aria-labelledby="repo">
        <h2 id="repo">{t('authoring.importRepository')}</h2>
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="repository" />
          <div className="field">
            <label htmlFor="repo-folder">{t('authoring.repositoryCourse')}</label>
            <select id="repo-folder" name="folder">
              {loaderData.repository.map((folder) => (
                <option key={folder} value={folder}>
                  courses/{folder}
                </option>
              ))}
            </select>
            <ErrorList errors={repoErrors.source} />
          </div>
          {owner('repo')}
          {newId('repo', repoErrors)}
          <ErrorList errors={repoErrors.owner} />
          <button type="submit" className="button">
            {t('authoring.copyButton')}
          </button>
        </Form>
      </section>
    </div>
  )
}
