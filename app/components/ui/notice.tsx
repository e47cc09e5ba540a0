import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

export type NoticeKind = 'success' | 'info' | 'warning' | 'error'

const ICONS: Record<NoticeKind, LucideIcon> = {
  success: CircleCheck,
  info: Info,
  warning: TriangleAlert,
  error: CircleAlert,
}

/**
 * A message about the page or what just happened, coloured and iconed by kind so "saved"
 * never reads as a warning. Errors interrupt a screen reader (role=alert); the others are
 * announced politely (role=status).
 */
export function Notice({
  kind = 'info',
  title,
  children,
}: {
  kind?: NoticeKind
  title?: ReactNode
  children: ReactNode
}) {
  const Icon = ICONS[kind]
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`notice has-icon ${kind}`}>
      <Icon className="icon" aria-hidden="true" />
      <div className="notice-body">
        {title ? <p className="notice-title">{title}</p> : null}
        {typeof children === 'string' ? <p>{children}</p> : children}
      </div>
    </div>
  )
}
