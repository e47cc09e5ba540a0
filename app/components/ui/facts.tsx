import type { ReactNode } from 'react'

export type Fact = { label: ReactNode; value: ReactNode }

/**
 * Label/value pairs as a definition list, one <div> per pair: on a laptop the labels form a
 * column beside their values, on a phone each label sits above its value. Long values (an
 * e-mail address, a code) wrap inside their own cell (app.css `.facts`).
 */
export function Facts({
  items,
  className,
}: {
  items: ReadonlyArray<Fact | null | false>
  className?: string
}) {
  return (
    <dl className={className ? `facts ${className}` : 'facts'}>
      {items.map((item, i) =>
        item ? (
          <div key={i}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  )
}
