import { redirect } from 'react-router'
import type { Route } from './+types/index'
import { orgHome } from './org-tabs.ts'
import { requireUser, getMemberships } from '#app/auth/authorize.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** /orgs/<slug>: the member's first page of the organisation (progress, for employers). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const membership = (await getMemberships(user)).find((m) => m.organisation.slug === params.slug)
  invariantResponse(membership)
  const home = orgHome(membership.organisation.slug, membership.roles)
  invariantResponse(home, 'Forbidden', { status: 403 })
  return redirect(home)
}
