import { env } from '#app/env.server.ts'
import { issuerProfile } from '#app/records/issuer.server.ts'

/** The issuer profile every credential names (its `issuer.id` is this document). */
export async function loader() {
  return Response.json(
    {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      ...issuerProfile(),
      // Where verifiers find the keys that sign this issuer's credentials.
      publicKeys: `${env.PUBLIC_URL}/.well-known/jwks.json`,
    },
    { headers: { 'Access-Control-Allow-Origin': '*' } },
  )
}
