import { databaseHealth } from '#app/domain/health.server.ts'
import { checkStorage } from '#app/storage/object-storage.server.ts'

/**
 * Readiness, for the load balancer (/readyz): whether this instance should get traffic now.
 * Liveness (/healthz) only says the process answers. An instance that is shutting down
 * (SIGTERM) reports not ready at once, so the balancer stops sending before it goes.
 */
let draining = false

export function beginDrain() {
  draining = true
}

const CHECK_TIMEOUT_MS = 3_000

/** A dependency that hangs (a dropped network) counts as down after a few seconds. */
async function probe(check: () => Promise<boolean>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)
  })
  try {
    return (await Promise.race([check().catch(() => false), timeout])) ? 'ok' : 'down'
  } finally {
    clearTimeout(timer)
  }
}

export async function readiness() {
  const [database, storage] = await Promise.all([
    probe(async () => (await databaseHealth()).ok),
    probe(async () => {
      await checkStorage()
      return true
    }),
  ])
  const checks = { database, storage, draining }
  return { ready: !draining && database === 'ok' && storage === 'ok', checks }
}
