import { didDocument } from '#app/records/did-web.server.ts'

/**
 * The issuer's DID document (did:web): every key that ever signed a record, RS256 for the
 * VC-JWTs and Ed25519 for the Data Integrity proofs, so verifiers resolve `issuer` to keys.
 */
export async function loader() {
  return Response.json(await didDocument(), {
    headers: {
      'Content-Type': 'application/did+json',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  })
}
