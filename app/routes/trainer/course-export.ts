import type { Route } from './+types/course-export'
import { requireAuthoredCourse } from '#app/authoring/authoring-access.server.ts'
import { snapshotZip } from '#app/authoring/course-files-export.server.ts'
import { draftSnapshot } from '#app/authoring/drafts.server.ts'
import { versionSnapshot } from '#app/authoring/versions.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { versionParam } from '#app/utils/version-param.ts'

/**
 * The course as a `courses/` folder in a zip: the draft, or a published version with
 * `?version=N`. Unzipped into `courses/`, it passes `npm run courses:check` as it is.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requireAuthoredCourse(request, params.courseId)
  const version = versionParam(request)
  const snapshot = version
    ? await versionSnapshot(params.courseId, version)
    : await draftSnapshot(params.courseId)
  invariantResponse(snapshot, 'Not found')
  const name = version ? `${snapshot.id}-v${version}` : snapshot.id
  return new Response(Buffer.from(snapshotZip(snapshot)), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${name}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
