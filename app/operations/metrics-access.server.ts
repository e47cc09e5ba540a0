import { timingSafeEqual } from 'node:crypto'

/** Whether a scrape may read /metrics: METRICS_TOKEN as a bearer token, compared in constant time. */
export function metricsAccess(request: Request): 'allowed' | 'denied' | 'off' {
  const token = process.env.METRICS_TOKEN
  if (!token) return 'off'
  const presented = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? ''
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b) ? 'allowed' : 'denied'
}
