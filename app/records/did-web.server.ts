import { fromJwk } from '@digitalbazaar/ed25519-multikey'
import { prisma, type Db } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { CONTEXT } from './json-ld-contexts.server.ts'
import { PROOF_ALGORITHM } from './signing-keys.server.ts'

/**
 * The platform's issuer identity: a did:web derived from PUBLIC_URL. `https://leren.example.nl`
 * is `did:web:leren.example.nl`, a port is percent-encoded (`did:web:localhost%3A3000`) and a
 * path becomes colon-separated segments. Its document is served at /.well-known/did.json
 * (or <path>/did.json), as the did:web method says.
 */
export function issuerDid(publicUrl: string = env.PUBLIC_URL) {
  const url = new URL(publicUrl)
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent)
  return ['did:web', encodeURIComponent(url.host), ...path].join(':')
}

export const verificationMethodId = (kid: string) => `${issuerDid()}#${kid}`

// JsonWebKey is not in the DID or Multikey contexts: defined inline, as the Controlled
// Identifiers vocabulary names it, so a JSON-LD processor reads the RS256 key too.
const JSON_WEB_KEY_TERMS = {
  JsonWebKey: 'https://w3id.org/security#JsonWebKey',
  publicKeyJwk: { '@id': 'https://w3id.org/security#publicKeyJwk', '@type': '@json' },
}

type VerificationMethod = { id: string; type: string; controller: string } & Record<string, unknown>

/** Every key ever used (retired ones too), so records signed before a rotation keep verifying. */
async function verificationMethods(db: Db): Promise<VerificationMethod[]> {
  const did = issuerDid()
  const rows = await db.signingKey.findMany({
    orderBy: { createdAt: 'asc' },
    select: { kid: true, algorithm: true, publicJwk: true },
  })
  return Promise.all(
    rows.map(async (row) => {
      const jwk = JSON.parse(row.publicJwk) as Record<string, string>
      const id = `${did}#${row.kid}`
      if (row.algorithm === PROOF_ALGORITHM) {
        const key = await fromJwk({ jwk })
        const { publicKeyMultibase } = await key.export({ publicKey: true })
        return { id, type: 'Multikey', controller: did, publicKeyMultibase }
      }
      const { kty, n, e, alg, kid } = jwk
      return { id, type: 'JsonWebKey', controller: did, publicKeyJwk: { kty, n, e, alg, kid } }
    }),
  )
}

export async function didDocument(db: Db = prisma) {
  const did = issuerDid()
  const methods = await verificationMethods(db)
  return {
    '@context': [CONTEXT.did, CONTEXT.multikey, JSON_WEB_KEY_TERMS],
    id: did,
    alsoKnownAs: [env.PUBLIC_URL],
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  }
}

/**
 * Our own DID, or one of its verification methods (`did:web:…#kid`), as a JSON-LD document;
 * null for anything else. Signing and our own verification resolve it locally.
 */
export async function resolveOwnDid(url: string, db: Db = prisma) {
  const [did, fragment] = url.split('#')
  if (did !== issuerDid()) return null
  const document = await didDocument(db)
  if (!fragment) return document
  const method = document.verificationMethod.find((m) => m.id === url)
  return method ? { '@context': document['@context'], ...method } : null
}
