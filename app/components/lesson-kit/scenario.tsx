import { Children, createContext, isValidElement, useContext, type ReactNode } from 'react'
import { Form, Link, useSearchParams } from 'react-router'
import { useLesson } from './lesson-context.tsx'
import type { TextKey } from '#app/i18n/i18n.ts'
import { labelFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

// The ids of the scenario's endings, so a choice knows whether it finishes the scenario.
const EndingIds = createContext<ReadonlySet<string>>(new Set())

/**
 * A branching conversation. The current step is in the URL (`?step=…`), so every choice is
 * an ordinary link: it works without JavaScript, by keyboard, and the back button undoes it.
 * For a signed-in learner a choice that reaches an ending is a small form instead: reaching
 * an ending completes the scenario, and a page view (GET) never writes.
 */
export function Scenario({
  title,
  start,
  children,
}: {
  title: string
  start: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const steps = Children.toArray(children).filter(isValidElement) as Array<
    React.ReactElement<{ id: string }>
  >
  const endings = new Set(steps.filter((s) => s.type === Ending).map((s) => s.props.id))
  const wanted = params.get('step') ?? start
  const current =
    steps.find((s) => s.props.id === wanted) ?? steps.find((s) => s.props.id === start)
  return (
    <section className="scenario" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{title}</h2>
      <EndingIds.Provider value={endings}>
        <div aria-live="polite">{current}</div>
      </EndingIds.Provider>
      {current && current.props.id !== start ? (
        <p>
          <Link to="?" preventScrollReset>
            {t('kit.scenario.restart')}
          </Link>
        </p>
      ) : null}
    </section>
  )
}

export function Step({ speaker, children }: { id: string; speaker?: string; children: ReactNode }) {
  const parts = Children.toArray(children)
  const isChoice = (c: unknown) => isValidElement(c) && c.type === Choice
  const choices = parts.flatMap((c) =>
    isValidElement<{ children?: ReactNode }>(c) && c.type === 'p'
      ? Children.toArray(c.props.children).filter(isChoice)
      : isChoice(c)
        ? [c]
        : [],
  )
  const text = parts
    .map((c) =>
      isValidElement<{ children?: ReactNode }>(c) && c.type === 'p'
        ? Children.toArray(c.props.children).filter((x) => !isChoice(x))
        : isChoice(c)
          ? null
          : c,
    )
    .filter((c) => c !== null && !(Array.isArray(c) && c.length === 0))
  const { t } = useTranslation()
  return (
    <div className="step">
      {speaker ? <p className="speaker">{speaker}</p> : null}
      <div className="step-text">
        {text.map((c, i) => (Array.isArray(c) ? <p key={i}>{c}</p> : c))}
      </div>
      <p className="muted">{t('kit.scenario.choose')}</p>
      <ul className="choices">
        {choices.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
    </div>
  )
}

export function Choice({ to, children }: { to: string; children: ReactNode }) {
  const { signedIn } = useLesson()
  const endings = useContext(EndingIds)
  if (signedIn && endings.has(to)) {
    return (
      <Form method="post" preventScrollReset className="choice-form">
        <input type="hidden" name="intent" value="scenario-ending" />
        <input type="hidden" name="step" value={to} />
        <button type="submit" className="choice">
          {children}
        </button>
      </Form>
    )
  }
  return (
    <Link to={`?step=${encodeURIComponent(to)}`} preventScrollReset className="choice">
      {children}
    </Link>
  )
}

const RESULT_LABEL = {
  good: 'kit.scenario.result.good',
  mixed: 'kit.scenario.result.mixed',
  poor: 'kit.scenario.result.poor',
} satisfies Record<string, TextKey>

export function Ending({ result, children }: { id: string; result: string; children: ReactNode }) {
  const { t } = useTranslation()
  const resultKey = labelFor(RESULT_LABEL, result)
  return (
    <div className={`ending ending-${result}`}>
      {resultKey ? <p className="ending-result">{t(resultKey)}</p> : null}
      {children}
    </div>
  )
}
