import type { ReactNode } from 'react'
import { Form, Link, useLocation } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { useLesson } from './lesson-context.tsx'

/** Free text, saved for the learner only. */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { t } = useTranslation()
  const { signedIn, reflections, savedReflection } = useLesson()
  const location = useLocation()
  const fieldId = `reflection-${id}`
  return (
    <section className="reflection" aria-labelledby={`${fieldId}-label`}>
      <h2 className="kit-heading" id={`${fieldId}-label`}>
        {t('kit.reflection.title')}
      </h2>
      {signedIn ? (
        <Form method="post" preventScrollReset className="stack">
          <input type="hidden" name="intent" value="reflection" />
          <input type="hidden" name="reflectionId" value={id} />
          <label htmlFor={fieldId}>{prompt}</label>
          <textarea
            id={fieldId}
            name="text"
            rows={5}
            maxLength={5000}
            defaultValue={reflections[id] ?? ''}
          />
          <p className="hint">{t('kit.reflection.private')}</p>
          {savedReflection === id ? (
            <p role="status" className="notice">
              {t('kit.reflection.saved')}
            </p>
          ) : null}
          <button type="submit" className="button secondary">
            {t('kit.reflection.save')}
          </button>
        </Form>
      ) : (
        <>
          <p>{prompt}</p>
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
              {t('kit.reflection.login')}
            </Link>
          </p>
        </>
      )}
    </section>
  )
}

export function Checklist({
  id,
  title,
  children,
}: {
  id: string
  title?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section className="checklist" aria-labelledby={`checklist-${id}`}>
      <h2 className="kit-heading" id={`checklist-${id}`}>
        {title ?? t('kit.checklist.title')}
      </h2>
      <ul>{children}</ul>
    </section>
  )
}

export function Item({ children }: { children: ReactNode }) {
  return (
    <li>
      <label>
        <input type="checkbox" /> {children}
      </label>
    </li>
  )
}
