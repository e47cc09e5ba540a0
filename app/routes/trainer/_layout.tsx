import { Outlet, useRouteLoaderData } from 'react-router'
import type { RootData } from '#app/root.tsx'
import { AreaNav, type AreaTab } from '#app/components/area-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'

const TABS: AreaTab[] = [
  { to: '/trainer', label: 'trainer.tab.courses', end: true },
  { to: '/trainer/coverage', label: 'trainer.tab.coverage' },
  { to: '/trainer/import', label: 'trainer.tab.import' },
  { to: '/trainer/packages/import', label: 'packageAuthoring.tab' },
]

/** The trainer's workshop. Each page checks the author's rights itself. */
export default function TrainerLayout() {
  const { t } = useTranslation()
  // Coverage and import are for course authors; an assessor who opens /trainer sees only the
  // first tab, so no tab leads to a page that answers 403.
  const authors = (useRouteLoaderData('root') as RootData | undefined)?.areas.trainer ?? false
  const tabs = authors ? TABS : TABS.slice(0, 1)
  return (
    <>
      <div className="area-bar">
        <AreaNav label={t('nav.trainer')} tabs={tabs} />
      </div>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary next={{ to: '/trainer', label: 'error.back.trainer' }} />
}
