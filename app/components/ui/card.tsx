import type { ReactNode } from 'react'

/**
 * A bordered block for one thing (a course, an organisation, a record). `as="li"` inside a
 * `<ul className="cards">` grid; the heading level follows the page's outline.
 */
export function Card({
  as: Tag = 'section',
  title,
  headingLevel = 2,
  className,
  children,
}: {
  as?: 'section' | 'article' | 'li' | 'div'
  title?: ReactNode
  headingLevel?: 2 | 3 | 4
  className?: string
  children: ReactNode
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <Tag className={className ? `card ${className}` : 'card'}>
      {title ? <Heading>{title}</Heading> : null}
      {children}
    </Tag>
  )
}
