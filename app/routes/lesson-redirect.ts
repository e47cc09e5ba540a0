import { redirect } from 'react-router'
import type { Route } from './+types/lesson-redirect'
import { findCourseOfLesson } from '#app/domain/courses.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** `lesson:<id>` links in lessons point here; the lesson's course may change, its id does not. */
export async function loader({ params }: Route.LoaderArgs) {
  const courseId = await findCourseOfLesson(params.lessonKey)
  invariantResponse(courseId, 'Lesson not found')
  return redirect(`/courses/${courseId}/${params.lessonKey}`)
}
