// The production HTTP server: static assets, then every other request to React Router.
// Our own (instead of react-router-serve) so that the app learns the client's address,
// which login throttling needs (passed in a header clients cannot forge), every request gets
// an id, a JSON log line and a duration in the metrics, and SIGTERM drains instead of cutting.
// server.mjs runs it in its own process (WEB_CONCURRENCY=1) or as one of its cluster workers.
import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'
import compression from 'compression'
import express from 'express'
import { createRequestHandler } from '@react-router/express'
import { handoffsSettled } from './handoffs.mjs'

export const CLIENT_ADDRESS_HEADER = 'x-leerplein-client-address'

const build = await import('../build/server/index.js')
// The app's own logger and metrics (app/entry.server.tsx), not copies of them.
const ops = build.entry.module
const routeLabel = ops.routeLabeller(build.routes)
// A worker's /metrics answers for the whole instance: it asks the primary to collect them all.
if (cluster.isWorker) ops.joinClusterMetrics()
// How long in-flight requests may take to finish after SIGTERM before their sockets close.
const DRAIN_TIMEOUT_MS = Number(process.env.DRAIN_TIMEOUT_MS ?? 25_000)

const app = express()
app.disable('x-powered-by')
// Behind a load balancer, TRUST_PROXY=1 (the number of proxies) makes req.ip the client's
// address from X-Forwarded-For instead of the balancer's.
if (process.env.TRUST_PROXY)
  app.set('trust proxy', Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY)
app.use(compression())
app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
app.use(express.static('build/client', { maxAge: '1h' }))

let draining = false
app.use((req, res, next) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? ''
  // The balancer's request id when it sends a sane one, so its logs and ours line up.
  const incoming = req.get(ops.REQUEST_ID_HEADER)
  const requestId = incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID()
  req.headers[ops.REQUEST_ID_HEADER] = requestId
  res.setHeader('X-Request-Id', requestId)
  // While draining, keep-alive clients are told to reconnect (to another instance).
  if (draining) res.setHeader('Connection', 'close')
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const route = routeLabel(req.path)
    ops.httpRequestDuration.observe({ method: req.method, route, status: res.statusCode }, seconds)
    // The path without its query string: queries can carry tokens.
    ops.logger.info(
      {
        requestId,
        method: req.method,
        path: req.path,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
      },
      'request',
    )
  })
  next()
})
app.all('*', createRequestHandler({ build, mode: 'production' }))

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'
const server = app.listen(port, host, () => {
  ops.logger.info({ port, host }, 'listening')
  // In a cluster the primary says this once, not every worker.
  if (!cluster.isWorker)
    console.log(
      `Leerplein Contactcenter: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    )
  // Background work (e-mail delivery, the daily reminders) runs in every instance; JOBS=off
  // keeps an instance to serving requests only.
  ops.startJobs().catch((error) => {
    ops.logger.error({ err: error }, 'background jobs did not start')
  })
})

// SIGTERM (the orchestrator) or SIGINT (Ctrl-C): report not ready, stop accepting
// connections and taking jobs, let in-flight requests and jobs finish, then exit. A job
// still running at the deadline is run again by another instance once its lock expires.
async function shutDown(signal) {
  if (draining) return
  draining = true
  ops.logger.info({ signal }, 'draining')
  ops.beginDrain()
  const closed = new Promise((resolve) => server.close(resolve))
  server.closeIdleConnections()
  setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS).unref()
  await Promise.all([closed, ops.stopJobs(DRAIN_TIMEOUT_MS), handoffsSettled()])
  ops.logger.info('stopped')
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutDown(signal))
// A restart (SIGHUP) is the primary's to run; a worker that gets one too (a closed terminal
// signals the whole process group) keeps serving until the primary replaces it.
if (cluster.isWorker) process.on('SIGHUP', () => {})
