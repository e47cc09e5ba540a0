import { Outlet } from 'react-router'
import { AreaNav, type AreaTab } from '#app/components/area-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'

const TABS: AreaTab[] = [
  { to: '/trainer', label: 'trainer.tab.courses', end: true },
  { to: '/trainer/coverage', label: 'trainer.tab.coverage' },
  { to: '/trainer/import', label: 'trainer.tab.import' },
]

/** The trainer's workshop. Each page checks the author's rights itself. */
export default function TrainerLayout() {
  const { t } = useTranslation()
  return (
    <>
      <div className="area-bar">
        <AreaNav label={t('nav.trainer')} tabs={TABS} />
      </div>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary next={{ to: '/trainer', label: 'error.back.trainer' }} />
}
