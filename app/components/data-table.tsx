import { useId, type ReactNode } from 'react'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * The one shape of a data table: a caption that names it for screen readers (hidden unless the
 * page shows it as a heading), column headers with scope, an optional unnamed-looking "actions"
 * column, and the rows the caller gives. The header row and (unless turned off) the first
 * column stay in view while the table scrolls inside its box (app.css `.table-scroll`).
 */
export function DataTable({
  caption,
  showCaption = false,
  className = 'table',
  columns,
  actions = false,
  stickyFirstColumn = true,
  children,
}: {
  caption: ReactNode
  showCaption?: boolean
  className?: string
  /** Column headings; a falsy entry is a column this page leaves out. */
  columns: ReactNode[]
  actions?: boolean
  /** Keep the first column (usually the row's name) in view while scrolling sideways. */
  stickyFirstColumn?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const captionId = useId()
  // A wide table scrolls within its own box instead of widening the whole page; the box is
  // focusable and named by the caption, so keyboard users can scroll it too.
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={stickyFirstColumn ? `${className} sticky-first` : className}>
        <caption id={captionId} className={showCaption ? undefined : 'visually-hidden'}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              column ? (
                <th key={i} scope="col">
                  {column}
                </th>
              ) : null,
            )}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{t('account.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

/** A row's one action (revoke, delete, end): a small form that posts the row's id and intent. */
export function RowAction({
  name,
  id,
  intent,
  children,
}: {
  name: string
  id: string
  intent: string
  children: ReactNode
}) {
  return (
    <Form method="post">
      <input type="hidden" name={name} value={id} />
      <button type="submit" name="intent" value={intent} className="link-button">
        {children}
      </button>
    </Form>
  )
}
