import { env } from '#app/env.server.ts'

/**
 * The issuer profile: the organisation that runs the platform and vouches for its records
 * (ISSUER_NAME, ISSUER_EMAIL; its id is the public /issuer document).
 */
export function issuerProfile() {
  return {
    id: `${env.PUBLIC_URL}/issuer`,
    type: ['Profile'],
    name: env.ISSUER_NAME,
    url: env.PUBLIC_URL,
    ...(env.ISSUER_EMAIL ? { email: env.ISSUER_EMAIL } : {}),
  }
}

export const recordUrl = (id: string) => `${env.PUBLIC_URL}/records/${id}`

/** The record id inside a credential id or jti (an https URL ending in the record's UUID). */
export function recordIdFrom(credentialId: string): string | null {
  const match = /\/records\/([0-9a-f-]{36})$/.exec(credentialId)
  return match ? match[1]! : null
}
