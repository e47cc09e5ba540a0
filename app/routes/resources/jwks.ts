import { publishedJwks } from '#app/records/signing-keys.server.ts'

/** The public keys credentials are signed with; a JWT's `kid` names one of them. */
export async function loader() {
  return Response.json(await publishedJwks(), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  })
}
