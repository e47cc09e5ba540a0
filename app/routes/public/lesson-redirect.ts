import { redirect } from 'react-router'
import type { Route } from './+types/lesson-redirect'
import { getUser } from '#app/auth/authorize.server.ts'
import { viewerOrganisationIds } from '#app/domain/course-visibility.server.ts'
import { findCourseOfLesson } from '#app/domain/courses.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** `lesson:<id>` links in lessons point here; the lesson's course may change, its id does not. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await viewerOrganisationIds(await getUser(request))
  const courseId = await findCourseOfLesson(params.lessonKey, viewer)
  invariantResponse(courseId, 'Lesson not found')
  return redirect(`/courses/${courseId}/${params.lessonKey}`)
}
