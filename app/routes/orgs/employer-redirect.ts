import { redirect } from 'react-router'
import type { Route } from './+types/employer-redirect'
import { requireAnyRole } from '#app/auth/authorize.server.ts'
import { can, EMPLOYER_ROLES } from '#app/auth/roles.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/**
 * The old employer screen, now /orgs/<slug>/matrix. With ?org= the new address is known
 * for everyone: a permanent 301 that keeps the filters. Without it, the target depends on
 * who asks (their first organisation), so that answer is a temporary 302: a browser must
 * not remember one person's organisation for the next person on the same machine.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const org = url.searchParams.get('org')
  url.searchParams.delete('org')
  const query = url.searchParams.size ? `?${url.searchParams}` : ''
  if (org) return redirect(`/orgs/${encodeURIComponent(org)}/matrix${query}`, 301)
  const { memberships } = await requireAnyRole(request, EMPLOYER_ROLES)
  const first = memberships.find(
    (m) => can(m.roles, 'read:progress:org') || can(m.roles, 'read:progress:team'),
  )
  invariantResponse(first, 'Forbidden', { status: 403 })
  return redirect(`/orgs/${first.organisation.slug}/matrix${query}`, 302)
}
