import type { ReactNode } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'

export function Callout({
  type = 'info',
  title,
  children,
}: {
  type?: string
  title?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const label = title ?? t(`kit.callout.${type}` as 'kit.callout.info')
  return (
    <aside className={`callout callout-${type}`} aria-label={label}>
      <p className="callout-title">{label}</p>
      {children}
    </aside>
  )
}

/** A glossary term: the definition is a tooltip and is read out by screen readers. */
export function Term({ definition, children }: { definition: string; children: ReactNode }) {
  return (
    <dfn className="term" title={definition}>
      {children}
      <span className="visually-hidden"> ({definition})</span>
    </dfn>
  )
}
