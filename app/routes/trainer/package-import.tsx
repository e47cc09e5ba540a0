import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/package-import'
import { ErrorList } from '#app/components/forms.tsx'
import { mayAuthor, ownerChoices, requireAuthor } from '#app/authoring/authoring-access.server.ts'
import { packageCourseChoices } from '#app/packages/package-authoring.server.ts'
import { storePackage } from '#app/packages/package-import.server.ts'
import { PACKAGE_MAX_BYTES } from '#app/packages/package-zip.server.ts'
import { localizePackageProblem } from '#app/packages/package-problems.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, 'packageAuthoring.importTitle')

// The zip itself may be as large as what it unpacks to (stored, not deflated, video).
const MAX_UPLOAD = PACKAGE_MAX_BYTES + 64 * 1024

const UploadSchema = z.object({
  owner: z.string().min(1, 'packageAuthoring.ownerRequired'),
  /** Empty: a new course; otherwise the package course this is a new version of. */
  courseId: z.string().max(100).optional(),
})

export async function loader({ request }: Route.LoaderArgs) {
  const scope = await requireAuthor(request)
  const courses = await packageCourseChoices(scope)
  return {
    owners: ownerChoices(scope),
    courses: courses.map((c) => ({
      courseId: c.courseId,
      title: c.title,
      version: c.currentVersion,
      owner: c.organisationId ?? 'platform',
    })),
    preselected: new URL(request.url).searchParams.get('course'),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const scope = await requireAuthor(request)
  assertBodyWithin(request, MAX_UPLOAD)
  const form = await request.formData()
  const fail = (errors: Record<string, string[]>) => data({ errors }, { status: 400 })
  const parsed = UploadSchema.safeParse({
    owner: form.get('owner') ?? '',
    courseId: form.get('courseId') || undefined,
  })
  if (!parsed.success) {
    return fail(
      Object.fromEntries(
        Object.entries(parsed.error.flatten().fieldErrors).map(([k, v]) => [k, v ?? []]),
      ),
    )
  }
  const organisationId = parsed.data.owner === 'platform' ? null : parsed.data.owner
  if (!mayAuthor(scope, organisationId)) return fail({ owner: ['packageAuthoring.ownerInvalid'] })
  const file = fileField(form, 'file')
  if (!file) return fail({ file: ['packageAuthoring.zipRequired'] })
  const stored = await storePackage({
    zip: new Uint8Array(await file.arrayBuffer()),
    organisationId,
    courseId: parsed.data.courseId,
    uploadedById: scope.user.id,
  })
  if (!stored.ok)
    return fail({ [stored.field === 'course' ? 'courseId' : 'file']: stored.problems })
  throw redirect(`/trainer/packages/${stored.packageId}`)
}

export default function PackageImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const errors: Record<string, string[]> = actionData?.errors ?? {}
  const fileErrors = errors.file?.map((message) => localizePackageProblem(message, locale))
  return (
    <div className="page narrow">
      <p>
        <Link to="/trainer">← {t('trainer.title')}</Link>
      </p>
      <h1>{t('packageAuthoring.importTitle')}</h1>
      <p className="lead">{t('packageAuthoring.importIntro')}</p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="package-file">{t('packageAuthoring.zipFile')}</label>
          <p className="hint" id="package-file-hint">
            {t('packageAuthoring.zipHint')}
          </p>
          <input
            id="package-file"
            type="file"
            name="file"
            accept=".zip,application/zip"
            aria-describedby="package-file-hint"
          />
          <ErrorList errors={fileErrors} />
        </div>
        <div className="field">
          <label htmlFor="package-owner">{t('packageAuthoring.owner')}</label>
          <select id="package-owner" name="owner">
            {loaderData.owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.name ?? t('authoring.platformWide')}
              </option>
            ))}
          </select>
          <ErrorList errors={errors.owner} />
        </div>
        <div className="field">
          <label htmlFor="package-course">{t('packageAuthoring.versionOf')}</label>
          <select id="package-course" name="courseId" defaultValue={loaderData.preselected ?? ''}>
            <option value="">{t('packageAuthoring.newCourse')}</option>
            {loaderData.courses.map((c) => (
              <option key={c.courseId} value={c.courseId}>
                {t('packageAuthoring.newVersionOf', { title: c.title, version: c.version ?? 0 })}
              </option>
            ))}
          </select>
          <ErrorList errors={errors.courseId} />
        </div>
        <button type="submit" className="button" id="package-upload">
          {t('packageAuthoring.upload')}
        </button>
      </Form>
    </div>
  )
}
