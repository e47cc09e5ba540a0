import { Link } from 'react-router'
import type { Route } from './+types/lesson-try'
import { lessonComponents } from '#app/components/lesson-kit/index.ts'
import { LessonContext } from '#app/components/lesson-kit/lesson-context.tsx'
import { mdxComponentFor } from '#app/components/lesson-kit/mdx-component.ts'
import { LessonPreview } from './lesson-preview.tsx'
import { requireAuthoredCourse } from '#app/authoring/authoring-access.server.ts'
import { getDraftLesson } from '#app/authoring/drafts.server.ts'
import { previewLesson } from '#app/authoring/lesson-preview.server.ts'
import { storedQuizKey } from '#app/domain/course-import.server.ts'
import { gradeQuiz } from '#app/domain/quiz-grading.server.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import quizStyles from '#app/styles/quiz.css?url'

// The same quiz layout as the learner's lesson page (long titles wrap inside their box).
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: quizStyles }]

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.title} · Trainer` : 'Trainer' },
]

/**
 * The draft of a lesson as a learner meets it: the quiz is graded and the scenario can be
 * walked, by the same components and grader as published lessons. Nothing is stored.
 */
async function load(request: Request, params: Route.LoaderArgs['params']) {
  await requireAuthoredCourse(request, params.courseId)
  const lesson = await getDraftLesson(params.courseId, params.lessonId)
  invariantResponse(lesson, 'Not found')
  return { lesson, preview: await previewLesson(lesson.bodyNl) }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { lesson, preview } = await load(request, params)
  return { title: lesson.titleNl, preview }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { preview } = await load(request, params)
  const form = await request.formData()
  if (form.get('intent') !== 'quiz' || !preview.ok || !preview.quiz) return { quizResult: null }
  return {
    quizResult: gradeQuiz(storedQuizKey(preview.quiz, null), form, getLocale(request)),
  }
}

export default function TryLesson({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { preview } = loaderData
  const editor = `/trainer/courses/${params.courseId}/lessons/${params.lessonId}`
  const Component = preview.ok ? mdxComponentFor(preview.hash, preview.code) : null
  return (
    <div className="page lesson">
      <p>
        <Link to={editor}>← {t('authoring.backToEditor')}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <p className="notice">{t('authoring.tryNotice')}</p>
      {Component ? (
        <LessonContext.Provider
          value={{
            signedIn: false,
            reflections: {},
            savedReflection: null,
            quizResult: actionData?.quizResult ?? null,
          }}
        >
          <article className="lesson-body" lang="nl">
            {/* eslint-disable-next-line react-hooks/static-components -- one component per compiled lesson, cached by hash */}
            <Component components={lessonComponents} />
          </article>
        </LessonContext.Provider>
      ) : (
        <LessonPreview preview={preview} />
      )}
    </div>
  )
}
