// The cluster primary's half of /metrics for the whole instance: a worker asks (its half is
// app/operations/cluster-metrics.server.ts, which names the same message types), the primary
// collects every listening worker's metrics, sums them with prom-client's aggregator and
// answers. A worker that does not answer in time (busy, or dying) is left out of that scrape
// rather than failing it.
import { AggregatorRegistry } from 'prom-client'

const ASK = 'leerplein:metrics-ask'
const ANSWER = 'leerplein:metrics-answer'
const COLLECT = 'leerplein:metrics-collect'
const COLLECTED = 'leerplein:metrics-collected'
const COLLECT_TIMEOUT_MS = 3_000

/** Answer the metrics questions of `worker`; `workers()` lists the ones to collect from. */
export function serveInstanceMetrics(worker, workers) {
  worker.on('message', (message) => {
    if (message?.type !== ASK) return
    collect(workers()).then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: message.id, text }),
      (error) =>
        worker.isConnected() && worker.send({ type: ANSWER, id: message.id, error: String(error) }),
    )
  })
}

async function collect(workers) {
  const results = await Promise.allSettled(workers.map(collectFrom))
  const metrics = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
  if (metrics.length === 0) throw new Error('no worker answered')
  return AggregatorRegistry.aggregate(metrics).metrics()
}

function collectFrom(worker) {
  const id = `${worker.id}-${Date.now()}-${Math.random()}`
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('exit', onExit)
    }
    const onMessage = (message) => {
      if (message?.type !== COLLECTED || message.id !== id) return
      done()
      if (message.error) reject(new Error(message.error))
      else resolve(message.metrics)
    }
    const onExit = () => {
      done()
      reject(new Error(`worker ${worker.id} exited`))
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error(`worker ${worker.id} did not answer`))
    }, COLLECT_TIMEOUT_MS)
    worker.on('message', onMessage)
    worker.on('exit', onExit)
    if (!worker.isConnected()) return onExit()
    worker.send({ type: COLLECT, id })
  })
}
