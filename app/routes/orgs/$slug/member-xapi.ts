import type { Route } from './+types/member-xapi'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { getMember } from '#app/domain/organisations.server.ts'
import { xapiStatements } from '#app/domain/xapi.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** A staff member's learning record as xAPI, for their own organisation's employer only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, membership } = await requireOrgPermission(request, params.slug, 'read:progress:org')
  const member = await getMember(membership.organisation.id, params.membershipId)
  invariantResponse(member, 'Member not found')
  await logAccess({
    viewer: { userId: user.id },
    organisationId: membership.organisation.id,
    kind: 'member.xapi',
    people: member.user.id,
  })
  const statements = await xapiStatements(member.user.id)
  return new Response(JSON.stringify(statements, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="xapi-${params.membershipId}.json"`,
      'X-Experience-API-Version': '1.0.3',
    },
  })
}
