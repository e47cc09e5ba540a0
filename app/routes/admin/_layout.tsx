import { Outlet } from 'react-router'
import { AreaNav, type AreaTab } from '#app/components/area-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'

const TABS: AreaTab[] = [
  { to: '/admin', label: 'admin.organisations', end: true },
  { to: '/admin/outbox', label: 'admin.outbox' },
  { to: '/admin/jobs', label: 'admin.jobs' },
]

/** Platform administration. Each page checks requirePlatformAdmin itself. */
export default function AdminLayout() {
  const { t } = useTranslation()
  return (
    <>
      <div className="area-bar">
        <AreaNav label={t('nav.admin')} tabs={TABS} />
      </div>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary next={{ to: '/admin', label: 'error.back.admin' }} />
}
