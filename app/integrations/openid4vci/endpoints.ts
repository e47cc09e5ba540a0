import { env } from '#app/env.server.ts'

/** The credential issuer identifier is the site's public address; every endpoint hangs off it. */
export const credentialIssuer = () => env.PUBLIC_URL.replace(/\/$/, '')

export const endpoints = () => {
  const base = credentialIssuer()
  return {
    credential: `${base}/oid4vci/credential`,
    nonce: `${base}/oid4vci/nonce`,
    token: `${base}/oid4vci/token`,
    offer: (reference: string) => `${base}/oid4vci/offers/${reference}`,
  }
}

export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'
