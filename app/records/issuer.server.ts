import { env } from '#app/env.server.ts'
import { issuerDid } from './did-web.server.ts'

/**
 * The issuer profile: the organisation that runs the platform and vouches for its records
 * (ISSUER_NAME, ISSUER_EMAIL). Its id is the platform's did:web, so a verifier finds the keys
 * from the credential alone. Records issued before that name `profileUrl()` (/issuer), which
 * stays published.
 */
export function issuerProfile() {
  return {
    id: issuerDid(),
    type: ['Profile'],
    name: env.ISSUER_NAME,
    url: env.PUBLIC_URL,
    ...(env.ISSUER_EMAIL ? { email: env.ISSUER_EMAIL } : {}),
  }
}

/** The /issuer document: the issuer id of records signed before the did:web. */
export const profileUrl = () => `${env.PUBLIC_URL}/issuer`

export const recordUrl = (id: string) => `${env.PUBLIC_URL}/records/${id}`

/** The record id inside a credential id or jti (an https URL ending in the record's UUID). */
export function recordIdFrom(credentialId: string): string | null {
  const match = /\/records\/([0-9a-f-]{36})$/.exec(credentialId)
  return match ? match[1]! : null
}
