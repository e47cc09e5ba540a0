import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { jobQueueCounts } from '#app/jobs/index.server.ts'

/**
 * Prometheus metrics of this instance, served at /metrics (app/routes/resources/metrics.ts).
 * An own registry rather than prom-client's global one, so nothing a library registers
 * leaks into what we publish.
 */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'leerplein_' })

export const httpRequestDuration = new Histogram({
  name: 'leerplein_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern (not by URL, which would explode).',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
})

export const loginFailures = new Counter({
  name: 'leerplein_login_failures_total',
  help: 'Refused password logins: invalid (wrong e-mail or password) or throttled.',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
})

/** Read from the queue at scrape time: the depth, and the jobs retrying or out of attempts. */
export const jobs = new Gauge({
  name: 'leerplein_jobs',
  help: 'Background jobs by state: queued, active, failed (will retry), dead (out of attempts).',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  // Every worker reads the same shared queue: summing them would count each job once per worker.
  aggregator: 'max',
  async collect() {
    const counts = await jobQueueCounts()
    for (const [state, count] of Object.entries(counts)) this.set({ state }, count)
  },
})
