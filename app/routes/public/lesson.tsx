import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/lesson'
import { lessonComponents } from '#app/components/lesson-kit/index.ts'
import { LessonContext } from '#app/components/lesson-kit/lesson-context.tsx'
import { mdxComponentFor } from '#app/components/lesson-kit/mdx-component.ts'
import { getUser } from '#app/auth/authorize.server.ts'
import type { StoredQuizKey } from '#app/domain/course-import.server.ts'
import { viewerOrganisationIds } from '#app/domain/course-visibility.server.ts'
import { getCompiledLesson, getPublishedLesson, lessonRef } from '#app/domain/courses.server.ts'
import { workProcessTitles } from '#app/domain/dossiers.server.ts'
import { learnerLessonState, saveReflection } from '#app/domain/lesson-state.server.ts'
import { recordCompletion, recordQuizAttempt } from '#app/domain/progress.server.ts'
import { quizAttemptHistory } from '#app/domain/quiz-attempts.server.ts'
import {
  gradeQuiz,
  revealAfterOf,
  revealsKey,
  withoutKey,
} from '#app/domain/quiz-grading.server.ts'
import { formatDate, localized, type Translate } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { LESSON_TYPE_LABEL, textFor } from '#app/i18n/labels.ts'
import { LocalizedText } from '#app/i18n/localized-text.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { PackagePlayer } from '#app/components/package-player.tsx'
import {
  hasOpenAttempt,
  launchPackageLesson,
  packageActivity,
} from '#app/packages/package-player.server.ts'
import packagePlayerStyles from '#app/styles/package-player.css?url'
import quizStyles from '#app/styles/quiz.css?url'
import { invariantResponse } from '#app/utils/invariant.ts'

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: quizStyles },
  { rel: 'stylesheet', href: packagePlayerStyles },
]

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Les' }]

/**
 * A lesson page. The compiled lesson comes from the database (compiled at import, never per
 * request); quiz answers stay on the server until the learner submits.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request)
  const found = await getPublishedLesson(
    params.courseId,
    params.lessonKey,
    await viewerOrganisationIds(user),
  )
  invariantResponse(found, 'Lesson not found')
  const { course, lesson, previous, next } = found
  const locale = getLocale(request)
  // A package lesson (#21) has no text of ours: it is played from its package instead.
  const isPackage = lesson.type === 'package'
  const english = locale === 'en' && lesson.codeEnHash !== null
  const hash = isPackage ? null : english ? lesson.codeEnHash! : lesson.codeNlHash
  invariantResponse(isPackage || hash, 'Lesson has no compiled text')
  const compiled = hash ? await getCompiledLesson(hash) : null
  invariantResponse(isPackage || compiled, 'Compiled lesson missing')
  const [workProcesses, mine, packageStarted, activity] = await Promise.all([
    workProcessTitles(
      course.dossierSlug,
      lesson.workProcesses.map((w) => w.workProcessCode),
    ),
    user ? learnerLessonState(user.id, lesson.lessonKey) : null,
    user && isPackage ? hasOpenAttempt(user.id, lesson.lessonKey) : false,
    isPackage ? packageActivity(course.versionId, lesson.lessonKey) : null,
  ])
  const title = english && lesson.titleEn ? lesson.titleEn : lesson.titleNl
  return {
    title,
    hash,
    code: compiled?.code ?? null,
    packageStarted,
    // What the trainer set as done for this package (shown to the learner beside the player).
    packageDone: activity && { when: activity.doneWhen, minScore: activity.minScore },
    completedAt: mine?.completedAt ?? null,
    attempts: mine?.attempts ?? [],
    translated: english || locale === 'nl' || isPackage,
    course: {
      id: course.id,
      titleNl: course.titleNl,
      titleEn: course.titleEn,
      dossierSlug: course.dossierSlug,
    },
    lesson: { key: lesson.lessonKey, type: lesson.type, duration: lesson.duration },
    workProcesses,
    previous: previous && {
      key: previous.lessonKey,
      titleNl: previous.titleNl,
      titleEn: previous.titleEn,
    },
    next: next && { key: next.lessonKey, titleNl: next.titleNl, titleEn: next.titleEn },
    signedIn: !!user,
    reflections: mine?.reflections ?? {},
  }
}

/** The learner's words for the trainer's done rule of a package (app/packages/done-rule.ts). */
function packageCompletes(t: Translate, done: { when: string; minScore: number | null }) {
  if (done.when === 'score' && done.minScore !== null) {
    return t('packagePlayer.completesWhen.score', { score: done.minScore })
  }
  return t(
    done.when === 'passed'
      ? 'packagePlayer.completesWhen.passed'
      : 'packagePlayer.completesWhen.completed',
  )
}

const ReflectionSchema = z.object({
  intent: z.literal('reflection'),
  reflectionId: z.string().min(1).max(100),
  text: z.string().max(5000),
})

export async function action({ request, params }: Route.ActionArgs) {
  const user = await getUser(request)
  const found = await getPublishedLesson(
    params.courseId,
    params.lessonKey,
    await viewerOrganisationIds(user),
  )
  invariantResponse(found, 'Lesson not found')
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'quiz') {
    invariantResponse(found.lesson.quizKey, 'This lesson has no quiz', { status: 400 })
    const key = JSON.parse(found.lesson.quizKey) as StoredQuizKey
    const graded = gradeQuiz(key, form, getLocale(request))
    // Graded for everyone; kept (history, progress) for a signed-in learner. A visitor's
    // attempts are not counted, so for them only a pass reveals the key.
    let history = { attempts: 1, passed: graded.passed }
    const revealAfter = user ? revealAfterOf(key) : null
    if (user) {
      await recordQuizAttempt(user.id, lessonRef(found), {
        score: graded.score,
        passMark: graded.passMark,
        passed: graded.passed,
        answers: graded.questions.map((q) => q.chosen),
      })
      history = await quizAttemptHistory(user.id, found.lesson.lessonKey)
    }
    const quizResult = revealsKey(revealAfter, history)
      ? graded
      : withoutKey(graded, revealAfter, history.attempts)
    return { quizResult, savedReflection: null }
  }
  if (intent === 'scenario-ending') {
    // Reaching an ending completes a scenario. The choice that leads there is a POST (the
    // page itself is a GET that never writes); then the learner sees the ending.
    const step = String(form.get('step') ?? '')
    invariantResponse(found.lesson.type === 'scenario', 'Not a scenario', { status: 400 })
    const compiled = found.lesson.codeNlHash && (await getCompiledLesson(found.lesson.codeNlHash))
    invariantResponse(compiled && compiled.endings.includes(step), 'Not an ending', { status: 400 })
    if (user) await recordCompletion(user.id, lessonRef(found), 'scenario')
    const target = `/courses/${found.course.id}/${found.lesson.lessonKey}`
    return redirect(`${target}?${new URLSearchParams({ step })}`, 303)
  }
  if (intent === 'launch') {
    // Playing a package writes an attempt and a launch, so it is a POST; the answer is the
    // URL the sandboxed player loads (app/components/package-player.tsx).
    invariantResponse(user, 'Log in to play this package', { status: 401 })
    invariantResponse(found.lesson.type === 'package', 'Not a package lesson', { status: 400 })
    const launchUrl = await launchPackageLesson(
      user.id,
      { versionId: found.course.versionId, lessonKey: found.lesson.lessonKey },
      // The host the learner is on: the sandbox's CSP and the cmi5 endpoint must match it.
      new URL(request.url).origin,
    )
    invariantResponse(launchUrl, 'This package cannot be started', { status: 404 })
    return { quizResult: null, savedReflection: null, launchUrl }
  }
  if (intent === 'done') {
    invariantResponse(user, 'Log in to keep your progress', { status: 401 })
    invariantResponse(
      found.lesson.type === 'lesson' || found.lesson.type === 'assignment',
      'Not a reading lesson',
      {
        status: 400,
      },
    )
    await recordCompletion(user.id, lessonRef(found), 'done')
    return { quizResult: null, savedReflection: null }
  }
  const parsed = ReflectionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return data({ quizResult: null, savedReflection: null }, { status: 400 })
  invariantResponse(user, 'Log in to save a reflection', { status: 401 })
  const { reflectionId, text } = parsed.data
  await saveReflection(user.id, found.lesson.lessonKey, reflectionId, text)
  return { quizResult: null, savedReflection: reflectionId }
}

export default function LessonPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { course, lesson, previous, next } = loaderData
  const Component =
    loaderData.hash && loaderData.code ? mdxComponentFor(loaderData.hash, loaderData.code) : null
  const launchUrl = (actionData && 'launchUrl' in actionData ? actionData.launchUrl : null) ?? null
  const titleOf = (l: { titleNl: string; titleEn: string | null }) =>
    locale === 'en' && l.titleEn ? l.titleEn : l.titleNl
  return (
    <div className="page lesson">
      <nav aria-label={t('lesson.breadcrumb')} className="breadcrumb">
        <Link to="/courses">{t('courses.title')}</Link> ›{' '}
        <Link to={`/courses/${course.id}`}>
          <LocalizedText row={course} field="title" />
        </Link>
      </nav>
      <h1>{loaderData.title}</h1>
      <p className="muted">
        {textFor(t, LESSON_TYPE_LABEL, lesson.type)}
        {/* A bought package does not say how long it takes; ours do. */}
        {lesson.duration > 0 ? ` · ${t('lesson.minutes', { minutes: lesson.duration })}` : null}
      </p>
      {!loaderData.translated ? <p className="notice">{t('course.dutchOnly')}</p> : null}
      <div className="trains">
        <span>{t('lesson.trains')}</span>
        <ul>
          {loaderData.workProcesses.map((w) => (
            <li key={w.code}>
              <Link to={`/dossiers/${course.dossierSlug}/${w.code}`}>
                <span className="code">{w.code}</span> {localized(w, 'title', locale)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <LessonContext.Provider
        value={{
          signedIn: loaderData.signedIn,
          reflections: loaderData.reflections,
          quizResult: actionData?.quizResult ?? null,
          savedReflection: actionData?.savedReflection ?? null,
        }}
      >
        {Component ? (
          <article className="lesson-body" lang={loaderData.translated ? locale : 'nl'}>
            {/* eslint-disable-next-line react-hooks/static-components -- one component per compiled lesson, cached by hash */}
            <Component components={lessonComponents} />
          </article>
        ) : (
          <PackagePlayer
            title={loaderData.title}
            lessonPath={`/courses/${course.id}/${lesson.key}`}
            signedIn={loaderData.signedIn}
            completed={loaderData.completedAt !== null}
            started={loaderData.packageStarted}
            launchUrl={launchUrl}
          />
        )}
      </LessonContext.Provider>
      {loaderData.signedIn ? (
        <section aria-labelledby="my-progress" className="my-progress">
          <h2 id="my-progress" className="kit-heading">
            {t('lesson.myProgress')}
          </h2>
          {loaderData.completedAt ? (
            <p role="status">✓ {t('lesson.completed')}</p>
          ) : lesson.type === 'package' ? (
            loaderData.packageDone ? (
              <p>{packageCompletes(t, loaderData.packageDone)}</p>
            ) : null
          ) : lesson.type === 'lesson' || lesson.type === 'assignment' ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="done" />
              <button type="submit" className="button">
                {t('lesson.markDone')}
              </button>
            </Form>
          ) : (
            <p>{t(lesson.type === 'quiz' ? 'lesson.quizCompletes' : 'lesson.scenarioCompletes')}</p>
          )}
          {loaderData.attempts.length > 0 ? (
            <>
              <h3 className="kit-heading">{t('lesson.attempts')}</h3>
              <ul>
                {loaderData.attempts.map((a) => (
                  <li key={a.id}>
                    {formatDate(a.createdAt, locale)}: {a.score}% (
                    {a.passed ? t('lesson.attemptPassed') : t('lesson.attemptFailed')})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <nav aria-label={t('lesson.pager')} className="pager">
        {previous ? (
          <Link to={`/courses/${course.id}/${previous.key}`} rel="prev">
            ← {titleOf(previous)}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/courses/${course.id}/${next.key}`} rel="next">
            {titleOf(next)} →
          </Link>
        ) : null}
      </nav>
    </div>
  )
}
