import type { Tx } from '#app/db.server.ts'

export type AuditAction =
  | 'evidence.submitted'
  | 'assessment.recorded'
  | 'criteria.changed'
  | 'record.issued'
  | 'record.revoked'
  | 'record.suspended'
  | 'record.unsuspended'
  | 'record.delivered-to-wallet'
  | 'assignment.created'
  | 'api-token.created'
  | 'api-token.revoked'
  | 'course.published'
  | 'scim-token.created'
  | 'scim-token.revoked'
  | 'scim-token.used'
  | 'scim.user.created'
  | 'scim.user.updated'
  | 'scim.user.deactivated'
  | 'scim.user.reactivated'
  | 'scim.user.deleted'
  | 'scim.manager.set'
  | 'scim.group.created'
  | 'scim.group.renamed'
  | 'scim.group.members-changed'
  | 'scim.group.deleted'
  | 'scim.group.client-set'
  | 'scim-settings.changed'
  | 'sso.configured'
  | 'sso.login'
  | 'sso.account-created'
  | 'scorecard.changed'
  | 'evaluation.recorded'
  | 'evaluation.acknowledged'
  | 'evaluation.disputed'
  | 'evaluation.dispute-resolved'
  | 'evaluations.imported'
  | 'kpis.imported'
  | 'calibration.created'
  | 'calibration.closed'
  | 'coaching.logged'
  | 'coaching.confirmed'
  | 'coaching.handed-in'
  | 'quality-rule.changed'
  | 'quality-rule.fired'
  | 'lti.account-created'
  | 'lti.roster-imported'
  | 'lti-invite.created'
  | 'lti-platform.registered'
  | 'lti-platform.confirmed'
  | 'lti-platform.disabled'
  | 'lti-platform.enabled'
  | 'lti-platform.deleted'
  | 'lti-deployment.added'
  | 'lti-deployment.removed'
  | 'package.uploaded'
  | 'package.published'
  | 'lrs-forwarding.configured'
  | 'lrs-forwarding.enabled'
  | 'lrs-forwarding.disabled'
  | 'lrs-forwarding.deleted'
  | 'privacy.erasure-requested'
  | 'privacy.erasure-approved'
  | 'privacy.erasure-rejected'
  | 'privacy.erasure-done'
  | 'retention.changed'
  | 'retention.applied'
  | 'legal-hold.placed'
  | 'legal-hold.lifted'

/**
 * Write one line of the audit trail, inside the transaction of the change it describes, so a
 * decision and its trail are stored together or not at all.
 */
export function audit(
  tx: Tx,
  entry: {
    actorId: string | null
    organisationId: string | null
    action: AuditAction
    subjectType: string
    subjectId: string
    detail?: Record<string, unknown>
  },
) {
  const { detail = {}, ...rest } = entry
  return tx.auditEvent.create({ data: { ...rest, detail: JSON.stringify(detail) } })
}
