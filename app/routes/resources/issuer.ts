import { env } from '#app/env.server.ts'
import { issuerProfile, profileUrl } from '#app/records/issuer.server.ts'

/**
 * The issuer profile. Records signed before the did:web name this document as their issuer;
 * it says which DID the issuer has signed with since.
 */
export async function loader() {
  const profile = issuerProfile()
  return Response.json(
    {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      ...profile,
      id: profileUrl(),
      otherIdentifier: [
        { type: 'IdentifierEntry', identifier: profile.id, identifierType: 'identifier' },
      ],
      // Where verifiers find the keys: the JWKS for VC-JWTs, the DID document for both kinds.
      publicKeys: `${env.PUBLIC_URL}/.well-known/jwks.json`,
    },
    { headers: { 'Access-Control-Allow-Origin': '*' } },
  )
}
