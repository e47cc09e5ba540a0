import { ltiJwks } from '#app/integrations/lti/tool-keys.server.ts'

/** Our LTI tool's public keys: platforms verify deep-linking responses and client assertions. */
export async function loader() {
  return Response.json(await ltiJwks(), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  })
}
