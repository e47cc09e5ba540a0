import { Inbox, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

/**
 * What a list shows when there is nothing in it yet: what is missing, what to do next, and
 * the action that does it (a ButtonLink) when there is one.
 */
export function EmptyState({
  icon: Icon = Inbox,
  title,
  children,
  action,
}: {
  icon?: LucideIcon
  title: ReactNode
  /** What to do next. */
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className="empty-state">
      <Icon className="icon" aria-hidden="true" />
      <p className="empty-state-title">{title}</p>
      {children ? <div className="muted">{children}</div> : null}
      {action ? <div>{action}</div> : null}
    </div>
  )
}
