import { hit, retryAfter } from '#app/auth/rate-limit.server.ts'

/**
 * The token and nonce endpoints answer anyone: per client address, at most this many requests
 * a minute, so nobody fills the nonce table or hammers offers (PINs have their own limit).
 */
const PER_MINUTE = { token: 30, nonce: 60 } as const

/** Seconds to wait when this address is over its limit (nothing counted); else null, counted. */
export async function throttle(endpoint: keyof typeof PER_MINUTE, address: string) {
  const limit = {
    key: `oid4vci:${endpoint}:${address}`,
    max: PER_MINUTE[endpoint],
    windowMs: 60_000,
  }
  const wait = await retryAfter(limit)
  if (wait !== null) return wait
  await hit(limit)
  return null
}
