import { PUBLIC_JSON } from '#app/integrations/openid4vci/http.server.ts'
import { authorizationServerMetadata } from '#app/integrations/openid4vci/issuer-metadata.server.ts'

/** The issuer's own authorization server: the token endpoint (RFC 8414). */
export function loader() {
  return Response.json(authorizationServerMetadata(), { headers: PUBLIC_JSON })
}
