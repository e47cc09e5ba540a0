import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

/** Every unknown path ends here, so it gets the site's own 404 page with its layout. */
export function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
