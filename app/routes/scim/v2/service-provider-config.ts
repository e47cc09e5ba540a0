import { scimJson } from '#app/integrations/scim/errors.ts'
import { SERVICE_PROVIDER_CONFIG } from '#app/integrations/scim/discovery.ts'

/** Discovery needs no token (RFC 7644 §4): it says nothing about an organisation. */
export function loader() {
  return scimJson(SERVICE_PROVIDER_CONFIG)
}
