import type { ReactNode } from 'react'
import type { TextKey } from '#app/i18n/i18n.ts'
import { labelFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The heading of a callout without its own title; an unknown type reads as `info`. */
const TYPE_LABEL = {
  tip: 'kit.callout.tip',
  info: 'kit.callout.info',
  warning: 'kit.callout.warning',
  example: 'kit.callout.example',
} satisfies Record<string, TextKey>

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
  const label = title ?? t(labelFor(TYPE_LABEL, type) ?? TYPE_LABEL.info)
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
