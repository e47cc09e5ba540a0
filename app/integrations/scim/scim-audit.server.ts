import type { Tx } from '#app/db.server.ts'
import { audit, type AuditAction } from '#app/domain/audit.server.ts'
import type { ScimClient } from './scim-tokens.server.ts'

/**
 * One audit line per provisioning change, in the change's transaction. The actor is the
 * directory, not a person: actorId stays null and `via` names the token it used.
 */
export function record(
  tx: Tx,
  client: ScimClient,
  action: AuditAction,
  subjectId: string,
  detail: Record<string, unknown>,
) {
  return audit(tx, {
    actorId: null,
    organisationId: client.organisationId,
    action,
    subjectType: action.startsWith('scim.group') ? 'team' : 'membership',
    subjectId,
    detail: { ...detail, via: client.tokenName },
  })
}
