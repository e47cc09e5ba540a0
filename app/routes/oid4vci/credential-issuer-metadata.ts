import { PUBLIC_JSON } from '#app/integrations/openid4vci/http.server.ts'
import { credentialIssuerMetadata } from '#app/integrations/openid4vci/issuer-metadata.server.ts'

/** What this credential issuer offers wallets (OpenID4VCI 1.0, section 12.2). */
export function loader() {
  return Response.json(credentialIssuerMetadata(), { headers: PUBLIC_JSON })
}
