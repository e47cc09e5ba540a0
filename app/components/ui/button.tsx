import type { ComponentProps, ReactNode } from 'react'
import { Link } from 'react-router'

export type ButtonVariant = 'primary' | 'secondary' | 'danger'

/** The classes every button-looking control shares (also usable on a plain <a> or <button>). */
export function buttonClass({
  variant = 'primary',
  small = false,
  className,
}: {
  variant?: ButtonVariant
  small?: boolean
  className?: string
}) {
  return ['button', variant === 'primary' ? null : variant, small ? 'small' : null, className]
    .filter(Boolean)
    .join(' ')
}

type Look = { variant?: ButtonVariant; small?: boolean; icon?: ReactNode }

/** A button that does something on this page or sends its form. */
export function Button({
  variant,
  small,
  icon,
  className,
  type = 'button',
  children,
  ...props
}: Look & ComponentProps<'button'>) {
  return (
    <button type={type} className={buttonClass({ variant, small, className })} {...props}>
      {icon}
      {children}
    </button>
  )
}

/** A link that looks like a button: for the one next step a page offers. */
export function ButtonLink({
  variant,
  small,
  icon,
  className,
  children,
  ...props
}: Look & ComponentProps<typeof Link>) {
  return (
    <Link className={buttonClass({ variant, small, className })} {...props}>
      {icon}
      {children}
    </Link>
  )
}
