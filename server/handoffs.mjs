// Both halves of a draining cluster worker's last round trip. The primary accepts every
// connection and hands it to a worker over IPC, and closes its own copy only when the worker
// acknowledges it. Connections it sent before it learnt that a worker closed its server are
// still on their way; the worker hands them back when they arrive, but if it exited first they
// would stay open in the primary with nobody to answer. So a worker asks the primary once more
// before it exits: the channel keeps messages in order, so every connection sent before the
// answer has arrived first. (docs/decisions/038-one-worker-per-core.md)
import cluster from 'node:cluster'

const SETTLE = 'leerplein:settle-handoffs'
const SETTLED = 'leerplein:handoffs-settled'
/** A primary that is gone cannot hand over anything more. */
const TIMEOUT_MS = 5_000

/** In the primary: answer this worker's round trip. */
export function answerHandoffRoundTrips(worker) {
  worker.on('message', (message) => {
    if (message?.type === SETTLE && worker.isConnected()) worker.send({ type: SETTLED })
  })
}

/** In a worker whose server has closed: resolves once no connection is on its way to it. */
export function handoffsSettled() {
  if (!cluster.isWorker || !process.connected) return Promise.resolve()
  return new Promise((resolve) => {
    const settled = () => {
      clearTimeout(timer)
      process.off('message', onMessage)
      resolve()
    }
    const onMessage = (message) => message?.type === SETTLED && settled()
    const timer = setTimeout(settled, TIMEOUT_MS)
    process.on('message', onMessage)
    process.send({ type: SETTLE })
  })
}
