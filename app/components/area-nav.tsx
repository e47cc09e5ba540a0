import { NavLink } from 'react-router'
import type { TextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

export type AreaTab = { to: string; label: TextKey; end?: boolean }

/** The tab bar an area's layout shows above its pages; the current page is marked by NavLink. */
export function AreaNav({ label, tabs }: { label: string; tabs: readonly AreaTab[] }) {
  const { t } = useTranslation()
  if (tabs.length < 2) return null
  return (
    <nav aria-label={label} className="tabs area-nav">
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end}>
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  )
}
