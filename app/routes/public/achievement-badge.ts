import type { Route } from './+types/achievement-badge'
import { badgeSvg } from '#app/records/achievement-badge.ts'
import { findBadge } from '#app/records/achievement-badge.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/**
 * The image of an achievement (the credential's `image`, the records pages): public and the
 * same for every holder, so browsers and wallets may cache it for a day.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const badge = await findBadge(params.dossierSlug, params.code)
  invariantResponse(badge)
  return new Response(badgeSvg(badge, `${badge.code} ${badge.name}`), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      // An SVG opened on its own is a document: it may run nothing and load nothing.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
