import type { Route } from './+types/offer'
import { noStoreJson, oauthError } from '#app/integrations/openid4vci/http.server.ts'
import { credentialOfferByReference } from '#app/integrations/openid4vci/wallet-offers.server.ts'

/** A credential offer by reference, as the QR code's credential_offer_uri points to it. */
export async function loader({ params }: Route.LoaderArgs) {
  const reference = params.offerReference
  const offer =
    reference.length <= 100 && /^[A-Za-z0-9_-]+$/.test(reference)
      ? await credentialOfferByReference(reference)
      : null
  if (!offer) return oauthError(404, 'not_found', 'No such offer, or it is used or expired')
  return noStoreJson(offer)
}
