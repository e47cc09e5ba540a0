import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { data, Form } from 'react-router'
import type { Route } from './+types/deep-linking'
import { FormSubmit } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { getUser } from '#app/auth/authorize.server.ts'
import { localized, translator, type TextKey } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { DeepLinkingChoiceSchema } from '#app/integrations/lti/deep-linking-choice.ts'
import {
  deepLinkingCatalogue,
  deepLinkingResponse,
  type DeepLinkingRefusal,
} from '#app/integrations/lti/deep-linking.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * A teacher's deep-linking request, shown inside the platform's iframe: pick courses, lessons
 * or work processes, and the answer goes back to the platform in the browser (a form post of
 * the signed JWT to the platform's return URL). Compact: the iframe is often narrow.
 */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'ltiDeepLinking.title')

const REFUSAL_STATUS: Record<DeepLinkingRefusal, number> = {
  'not-found': 404,
  used: 410,
  expired: 410,
}

const refused = (reason: DeepLinkingRefusal | 'signed-out') =>
  data(
    { state: 'refused' as const, reason },
    { status: reason === 'signed-out' ? 401 : REFUSAL_STATUS[reason] },
  )

export async function loader({ request, params }: Route.LoaderArgs) {
  // Not requireUser: a login page inside the platform's iframe leads nowhere; the way back
  // in is a new launch from the platform.
  const user = await getUser(request)
  if (!user) return refused('signed-out')
  const catalogue = await deepLinkingCatalogue(params.requestId, user.id)
  if (!catalogue.ok) return refused(catalogue.reason)
  return { state: 'open' as const, ...catalogue }
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await getUser(request)
  if (!user) return refused('signed-out')
  const submission = parseWithZod(await request.formData(), { schema: DeepLinkingChoiceSchema })
  if (submission.status !== 'success') {
    return data({ state: 'invalid' as const, result: submission.reply() }, { status: 400 })
  }
  const locale = getLocale(request)
  const answer = await deepLinkingResponse(params.requestId, user.id, submission.value, {
    locale,
  })
  if (answer.ok) {
    const { returnUrl, jwt, platformName } = answer
    return { state: 'answered' as const, returnUrl, jwt, platformName }
  }
  if (answer.reason === 'unknown-pick' || answer.reason === 'one-item-only') {
    const t = translator(locale)
    const message =
      answer.reason === 'unknown-pick'
        ? t('ltiDeepLinking.unknownPick', { pick: answer.pick })
        : t('ltiDeepLinking.oneItemOnly', { count: answer.count, platform: answer.platformName })
    return data(
      { state: 'invalid' as const, result: submission.reply({ formErrors: [message] }) },
      { status: 400 },
    )
  }
  return refused(answer.reason)
}

const REFUSAL_TEXT: Record<DeepLinkingRefusal | 'signed-out', [TextKey, TextKey]> = {
  'signed-out': ['ltiDeepLinking.signedOutTitle', 'ltiDeepLinking.signedOutText'],
  'not-found': ['ltiDeepLinking.notFoundTitle', 'ltiDeepLinking.notFoundText'],
  used: ['ltiDeepLinking.usedTitle', 'ltiDeepLinking.usedText'],
  expired: ['ltiDeepLinking.expiredTitle', 'ltiDeepLinking.expiredText'],
}

export default function DeepLinking({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  if (actionData?.state === 'answered') return <ReturnToPlatform {...actionData} />
  const refusal = actionData?.state === 'refused' ? actionData : loaderData
  if (refusal.state === 'refused') {
    const [title, text] = REFUSAL_TEXT[refusal.reason]
    return (
      <div className="page">
        <h1>{t(title)}</h1>
        <p>{t(text)}</p>
      </div>
    )
  }
  return (
    <Catalogue
      catalogue={refusal}
      lastResult={actionData?.state === 'invalid' ? actionData.result : undefined}
    />
  )
}

const noSubscription = () => () => {}

type CatalogueData = Extract<Route.ComponentProps['loaderData'], { state: 'open' }>

function Catalogue({
  catalogue,
  lastResult,
}: {
  catalogue: CatalogueData
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t, locale } = useTranslation()
  const { request, courses, dossiers } = catalogue
  const [query, setQuery] = useState('')
  // True in the browser once hydrated, false on the server: the search field needs script.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [form, fields] = useForm({
    id: 'deep-linking',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeepLinkingChoiceSchema }),
  })
  const platform = request.platformName
  const type = request.acceptMultiple ? 'checkbox' : 'radio'
  const needle = query.trim().toLowerCase()
  const shown = (...texts: string[]) =>
    !needle || texts.some((text) => text.toLowerCase().includes(needle))
  const courseRows = courses.map((course) => {
    const title = localized(course, 'title', locale)
    const lessonTitles = course.lessons.map((l) => localized(l, 'title', locale))
    return { course, title, visible: shown(title, ...lessonTitles) }
  })
  const wpRows = dossiers.flatMap((dossier) =>
    dossier.workProcesses.map((wp) => {
      const title = `${wp.code} ${localized(wp, 'title', locale)}`
      return { wp, title, visible: shown(title) }
    }),
  )
  // After a refused submit without script, the page comes back with the choice still made.
  const picked = new Set([fields.pick.initialValue ?? []].flat())
  const option = (value: string, label: string) => (
    <label className="option" key={value}>
      <input type={type} name={fields.pick.name} value={value} defaultChecked={picked.has(value)} />{' '}
      {label}
    </label>
  )

  return (
    <div className="page">
      <h1>{t('ltiDeepLinking.title')}</h1>
      <p>
        {t(request.acceptMultiple ? 'ltiDeepLinking.intro' : 'ltiDeepLinking.introSingle', {
          platform,
        })}
      </p>
      {courses.length === 0 ? (
        <Notice>{t('ltiDeepLinking.empty')}</Notice>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          {/* Filtering needs the browser's script; without it the whole list simply shows. */}
          {hydrated ? (
            <div className="field">
              <label htmlFor="deep-linking-search">{t('ltiDeepLinking.search')}</label>
              <input
                id="deep-linking-search"
                className="input"
                type="search"
                value={query}
                placeholder={t('ltiDeepLinking.searchHint')}
                onChange={(event) => setQuery(event.target.value)}
              />
            </div>
          ) : null}

          {courseRows.some((row) => row.visible) ? <h2>{t('ltiDeepLinking.courses')}</h2> : null}
          {courseRows.map(({ course, title, visible }) => {
            const lessonValue = (lessonKey: string) => `lesson:${course.id}/${lessonKey}`
            return (
              <fieldset key={course.id} hidden={!visible}>
                <legend>{title}</legend>
                {option(`course:${course.id}`, t('ltiDeepLinking.wholeCourse'))}
                {/* Folded, so a long catalogue stays short; open while searching or when a
                    lesson of it was picked before a refused submit. */}
                <details
                  open={
                    Boolean(needle) ||
                    course.lessons.some((l) => picked.has(lessonValue(l.lessonKey)))
                  }
                >
                  <summary>{t('ltiDeepLinking.lessons', { count: course.lessons.length })}</summary>
                  {course.lessons.map((lesson) =>
                    option(lessonValue(lesson.lessonKey), localized(lesson, 'title', locale)),
                  )}
                </details>
              </fieldset>
            )
          })}

          {wpRows.some((row) => row.visible) ? <h2>{t('ltiDeepLinking.workProcesses')}</h2> : null}
          {wpRows.map(({ wp, title, visible }) => {
            const ref = `${wp.dossierSlug}/${wp.code}`
            // One item only: "all lessons" would place several, so it is not offered then.
            const allLessons =
              wp.lessons.length > 0 && (request.acceptMultiple || wp.lessons.length === 1)
            return (
              <fieldset key={ref} hidden={!visible}>
                <legend>{title}</legend>
                {option(`work-process:${ref}`, t('ltiDeepLinking.workProcessPage'))}
                {allLessons
                  ? option(
                      `work-process-lessons:${ref}`,
                      t('ltiDeepLinking.allLessons', { code: wp.code, count: wp.lessons.length }),
                    )
                  : null}
              </fieldset>
            )
          })}
          <div className="button-row sticky-submit">
            <FormSubmit
              form={{
                errorId: form.errorId,
                errors: [...(form.errors ?? []), ...(fields.pick.errors ?? [])],
              }}
            >
              {t('ltiDeepLinking.submit', { platform })}
            </FormSubmit>
          </div>
        </Form>
      )}
    </div>
  )
}

/**
 * The answer on its way: a form that posts the signed response to the platform, sent at once
 * by script, with a visible button for when it is not.
 */
function ReturnToPlatform({
  returnUrl,
  jwt,
  platformName,
}: {
  returnUrl: string
  jwt: string
  platformName: string
}) {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => formRef.current?.submit(), [])
  return (
    <div className="page">
      <h1>{t('ltiDeepLinking.returning', { platform: platformName })}</h1>
      <p>{t('ltiDeepLinking.returningText', { platform: platformName })}</p>
      <form ref={formRef} method="post" action={returnUrl}>
        <input type="hidden" name="JWT" value={jwt} />
        <Button type="submit">{t('ltiDeepLinking.back', { platform: platformName })}</Button>
      </form>
    </div>
  )
}
