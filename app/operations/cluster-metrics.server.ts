import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'
import { metricsRegistry } from './metrics.server.ts'

/**
 * /metrics for the whole instance when server.mjs runs several workers: every worker counts
 * only its own requests, so the worker that answers a scrape asks the cluster primary, which
 * collects every worker's metrics and sums them (server/instance-metrics.mjs). The messages
 * travel over the cluster's IPC channel; their types are the ones that file uses.
 */
const ASK = 'leerplein:metrics-ask'
const ANSWER = 'leerplein:metrics-answer'
const COLLECT = 'leerplein:metrics-collect'
const COLLECTED = 'leerplein:metrics-collected'
/** Longer than the primary waits for a worker (it skips one that does not answer). */
const ASK_TIMEOUT_MS = 10_000

type Message = { type?: string; id?: string; text?: string; error?: string }

const waiting = new Map<string, (answer: Message) => void>()

/** In a cluster worker: give the primary this worker's metrics, and take its answers. */
export function joinClusterMetrics() {
  process.on('message', (message: Message) => {
    if (message?.type === COLLECT) {
      metricsRegistry.getMetricsAsJSON().then(
        (metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }),
        (error: unknown) =>
          process.send?.({ type: COLLECTED, id: message.id, error: String(error) }),
      )
    } else if (message?.type === ANSWER && message.id) {
      waiting.get(message.id)?.(message)
    }
  })
}

/** The Prometheus text of this instance: this process's, or the sum over all workers. */
export async function instanceMetrics(): Promise<string> {
  if (!cluster.isWorker) return metricsRegistry.metrics()
  const id = randomUUID()
  const answer = await new Promise<Message>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id)
      reject(new Error('the cluster primary did not answer with the metrics'))
    }, ASK_TIMEOUT_MS)
    waiting.set(id, (message) => {
      clearTimeout(timer)
      waiting.delete(id)
      resolve(message)
    })
    process.send!({ type: ASK, id })
  })
  if (answer.error !== undefined || answer.text === undefined)
    throw new Error(`collecting the workers' metrics failed: ${answer.error}`)
  return answer.text
}
