import { Outlet } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

/**
 * The signed-in person's own pages. The site header already links the dashboard and records;
 * an error here leads back to the dashboard. Every page still calls requireUser itself.
 */
export default function MyLayout() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary next={{ to: '/dashboard', label: 'error.back.dashboard' }} />
}
