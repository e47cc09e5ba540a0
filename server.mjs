// The production server: WEB_CONCURRENCY workers behind one port (default: one per core;
// docs/decisions/038-one-worker-per-core.md).
// With 1 the HTTP server (server/worker.mjs) runs right here, in this process. With more,
// this process is the cluster primary: it serves no request itself but forks the workers,
// replaces one that dies, restarts them one by one on SIGHUP (a new build without losing a
// request) and on SIGTERM/SIGINT lets them all drain before it exits.
import cluster from 'node:cluster'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { answerHandoffRoundTrips } from './server/handoffs.mjs'
import { serveInstanceMetrics } from './server/instance-metrics.mjs'

const size = workerCount(process.env.WEB_CONCURRENCY)

if (size === 1) {
  await import('./server/worker.mjs')
} else {
  runPrimary(size)
}

function workerCount(setting) {
  // On SQLite too: its transactions take the write lock when they begin, so workers wait for
  // each other instead of failing (app/sqlite-immediate-transactions.server.ts).
  if (setting === undefined || setting === '') return os.availableParallelism()
  const count = Number(setting)
  if (!Number.isInteger(count) || count < 1) {
    console.error(`WEB_CONCURRENCY must be a whole number of at least 1, not "${setting}"`)
    process.exit(1)
  }
  return count
}

/** The primary writes JSON lines as the workers' logger does, so collectors read both. */
function log(level, fields, msg) {
  const line = { level, time: Date.now(), service: 'leerplein', pid: process.pid, ...fields, msg }
  console.log(JSON.stringify(line))
}
const INFO = 30
const ERROR = 50

// Workers that die before they listen, in a row: a broken build or configuration. The next
// one is forked after a growing pause, and after this many the primary gives up and exits,
// so the orchestrator sees the failure instead of a process that forks forever.
const MAX_FAILED_STARTS = 5
const MAX_PAUSE_MS = 30_000

function runPrimary(size) {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./server/worker.mjs', import.meta.url)) })
  /** Workers that listen; only they are asked for metrics. */
  const listening = new Set()
  /** Workers told to drain (a restart, or shutdown): their exit is expected. */
  const retiring = new Set()
  /** New workers of a restart that do not listen yet: if one dies, the restart stops there. */
  const trial = new Set()
  let failedStarts = 0
  let stopping = false
  let restarting = false
  let announced = false

  function fork() {
    const worker = cluster.fork()
    serveInstanceMetrics(worker, () => [...listening])
    answerHandoffRoundTrips(worker)
    worker.on('listening', ({ address, port }) => {
      listening.add(worker)
      trial.delete(worker)
      failedStarts = 0
      if (announced) return
      announced = true
      const host = address === '0.0.0.0' || address === '::' ? 'localhost' : address
      console.log(`Leerplein Contactcenter: http://${host}:${port} (${size} workers)`)
    })
    worker.on('exit', (code, signal) => {
      const started = listening.delete(worker)
      if (retiring.delete(worker) || trial.delete(worker) || stopping) return
      if (!started) failedStarts++
      const givingUp = failedStarts >= MAX_FAILED_STARTS && listening.size === 0
      const pause = started ? 0 : Math.min(MAX_PAUSE_MS, 1000 * 2 ** (failedStarts - 1))
      const fields = { worker: worker.process.pid, code, signal, listened: started }
      log(ERROR, givingUp ? fields : { ...fields, nextForkInMs: pause }, 'worker died')
      if (givingUp) {
        log(ERROR, { failedStarts }, 'workers keep dying before they listen; giving up')
        process.exit(1)
      }
      setTimeout(() => stopping || fork(), pause)
    })
    return worker
  }

  /** Tell a worker to drain (as SIGTERM does to a single process) and wait until it is gone. */
  function retire(worker, signal = 'SIGTERM') {
    if (worker.isDead()) return Promise.resolve()
    retiring.add(worker)
    const exited = new Promise((resolve) => worker.once('exit', resolve))
    worker.process.kill(signal)
    return exited
  }

  // SIGHUP: each worker in turn is replaced by a new one, which imports the build afresh; the
  // old one drains only once the new one listens, so the port never lacks a worker.
  async function restart() {
    if (restarting || stopping) return
    restarting = true
    log(INFO, {}, 'restarting the workers one by one')
    for (const old of Object.values(cluster.workers ?? {})) {
      if (stopping) break
      if (!old || retiring.has(old) || old.isDead()) continue
      const fresh = fork()
      trial.add(fresh)
      const up = await new Promise((resolve) => {
        fresh.once('listening', () => resolve(true))
        fresh.once('exit', () => resolve(false))
      })
      if (!up) {
        log(ERROR, {}, 'a new worker did not start; the old workers keep serving')
        restarting = false
        return
      }
      await retire(old)
    }
    restarting = false
    log(INFO, {}, 'restart done')
  }

  async function stop(signal) {
    if (stopping) return
    stopping = true
    log(INFO, { signal }, 'stopping the workers')
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => retire(w, signal)))
    log(INFO, {}, 'stopped')
    process.exit(0)
  }

  for (let i = 0; i < size; i++) fork()
  process.on('SIGHUP', () => void restart())
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal))
}
