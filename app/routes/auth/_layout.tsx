import { Outlet } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

/** Signing in, joining and password resets: an error here offers the login page. */
export default function AuthLayout() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary next={{ to: '/login', label: 'error.back.login' }} />
}
