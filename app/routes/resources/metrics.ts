import type { Route } from './+types/metrics'
import { instanceMetrics } from '#app/operations/cluster-metrics.server.ts'
import { metricsAccess } from '#app/operations/metrics-access.server.ts'
import { metricsRegistry } from '#app/operations/metrics.server.ts'

/**
 * Prometheus metrics of this instance, summed over its workers. Only for the scraper: a bearer
 * token (METRICS_TOKEN); without one configured the endpoint does not exist, so nothing leaks.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const access = metricsAccess(request)
  if (access !== 'allowed') return new Response(null, { status: access === 'off' ? 404 : 401 })
  return new Response(await instanceMetrics(), {
    headers: { 'Content-Type': metricsRegistry.contentType, 'Cache-Control': 'no-store' },
  })
}
