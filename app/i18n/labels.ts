import type { RubricLevel } from '#app/assessment/assessment-rules.ts'
import type { AssessmentInput } from '#app/assessment/assessments.server.ts'
import type { WorkProcessVerdict } from '#app/assessment/evidence.server.ts'
import type { Role } from '#app/auth/roles.ts'
import type { SNIPPETS } from '#app/authoring/kit-snippets.ts'
import type { LessonType } from '#app/content/lesson-kit-spec.ts'
import type { AuditAction } from '#app/domain/audit.server.ts'
import type { InvitationState } from '#app/domain/invitations.server.ts'
import type { StepKey } from '#app/domain/progress-rules.ts'
import type { ApiScope } from '#app/employer/api-scopes.ts'
import type { listAssignments } from '#app/employer/assignments.server.ts'
import type { AccessKind } from '#app/privacy/access-kinds.ts'
import type { AchievementLevel } from '#app/records/credential.server.ts'
import type { VerificationStatus } from '#app/records/verify.server.ts'
import type { TextKey } from './catalog.ts'
import type { Locale, Translate } from './i18n.ts'

/*
 * The message for each value of the domain's enumerations. Keys are written out instead of built
 * from the value (`role.${r}`), so a value without a message fails the typecheck and a search for
 * a key finds its uses.
 */

/**
 * For a value that arrives as a plain string (a database column, a reason code): its message, or
 * undefined when the value has none, so the page can leave it out instead of failing to render.
 */
export function labelFor<T extends string>(
  labels: Record<T, TextKey>,
  value: string,
): TextKey | undefined {
  return Object.entries<TextKey>(labels).find(([known]) => known === value)?.[1]
}

/** The text of such a value: its message, or the value as stored when it has none. */
export function textFor<T extends string>(
  t: Translate,
  labels: Record<T, TextKey>,
  value: string,
): string {
  const key = labelFor(labels, value)
  return key ? t(key) : value
}

export const STEP_LABEL: Record<StepKey, TextKey> = {
  not_started: 'progress.step.not_started',
  learning: 'progress.step.learning',
  knowledge_complete: 'progress.step.knowledge_complete',
  demonstrated: 'progress.step.demonstrated',
  competent: 'progress.step.competent',
}

/** One letter per step, for the dense matrix cells. */
export const STEP_SHORT: Record<StepKey, TextKey> = {
  not_started: 'progress.short.0',
  learning: 'progress.short.1',
  knowledge_complete: 'progress.short.2',
  demonstrated: 'progress.short.3',
  competent: 'progress.short.4',
}

export const ROLE_LABEL: Record<Role, TextKey> = {
  learner: 'role.learner',
  trainer: 'role.trainer',
  assessor: 'role.assessor',
  employer_admin: 'role.employer_admin',
  team_leader: 'role.team_leader',
  quality_coach: 'role.quality_coach',
}

export const RUBRIC_LABEL: Record<RubricLevel, TextKey> = {
  beginnend: 'rubric.beginnend',
  gevorderd: 'rubric.gevorderd',
  bekwaam: 'rubric.bekwaam',
}

export const DECISION_LABEL: Record<AssessmentInput['decision'], TextKey> = {
  signed_off: 'assessment.decision.signed_off',
  not_yet: 'assessment.decision.not_yet',
}

export const VERDICT_LABEL: Record<WorkProcessVerdict, TextKey> = {
  awaiting: 'evidence.verdict.awaiting',
  awaiting_second: 'evidence.verdict.awaiting_second',
  signed_off: 'evidence.verdict.signed_off',
  not_yet: 'evidence.verdict.not_yet',
}

export const RECORD_LEVEL_LABEL: Record<AchievementLevel, TextKey> = {
  work_process: 'records.level.work_process',
  core_task: 'records.level.core_task',
  qualification: 'records.level.qualification',
}

export const VERIFICATION_LABEL: Record<VerificationStatus, TextKey> = {
  valid: 'verify.status.valid',
  revoked: 'verify.status.revoked',
  suspended: 'verify.status.suspended',
  expired: 'verify.status.expired',
  not_authentic: 'verify.status.not_authentic',
}

/** Why a record is not authentic: the reason codes of records/verify.server.ts. */
export const NOT_AUTHENTIC_LABEL = {
  malformed: 'verify.reason.malformed',
  unknown_key: 'verify.reason.unknown_key',
  signature: 'verify.reason.signature',
  claims: 'verify.reason.claims',
  unknown_record: 'verify.reason.unknown_record',
  differs: 'verify.reason.differs',
} satisfies Record<string, TextKey>

/** A lesson's type in a sentence ("les") and as a heading over several ("Lessen"). */
/** Authored lesson types, and a package's SCO/AU (never authored, imported; #21). */
export const LESSON_TYPE_LABEL: Record<LessonType | 'package', TextKey> = {
  lesson: 'lesson.type.lesson',
  quiz: 'lesson.type.quiz',
  scenario: 'lesson.type.scenario',
  assignment: 'lesson.type.assignment',
  package: 'lesson.type.package',
}
export const LESSON_TYPES_LABEL: Record<LessonType | 'package', TextKey> = {
  lesson: 'lesson.types.lesson',
  quiz: 'lesson.types.quiz',
  scenario: 'lesson.types.scenario',
  assignment: 'lesson.types.assignment',
  package: 'lesson.types.package',
}

export const LANGUAGE_LABEL: Record<Locale, TextKey> = {
  nl: 'course.language.nl',
  en: 'course.language.en',
}

export const AUDIT_ACTION_LABEL: Record<AuditAction, TextKey> = {
  'evidence.submitted': 'audit.action.evidence.submitted',
  'assessment.recorded': 'audit.action.assessment.recorded',
  'criteria.changed': 'audit.action.criteria.changed',
  'record.issued': 'audit.action.record.issued',
  'record.revoked': 'audit.action.record.revoked',
  'record.suspended': 'audit.action.record.suspended',
  'record.unsuspended': 'audit.action.record.unsuspended',
  'record.delivered-to-wallet': 'audit.action.record.delivered-to-wallet',
  'assignment.created': 'audit.action.assignment.created',
  'api-token.created': 'audit.action.api-token.created',
  'api-token.revoked': 'audit.action.api-token.revoked',
  'course.published': 'audit.action.course.published',
  'scim-token.created': 'audit.action.scim-token.created',
  'scim-token.revoked': 'audit.action.scim-token.revoked',
  'scim-token.used': 'audit.action.scim-token.used',
  'scim.user.created': 'audit.action.scim.user.created',
  'scim.user.updated': 'audit.action.scim.user.updated',
  'scim.user.deactivated': 'audit.action.scim.user.deactivated',
  'scim.user.reactivated': 'audit.action.scim.user.reactivated',
  'scim.user.deleted': 'audit.action.scim.user.deleted',
  'scim.manager.set': 'audit.action.scim.manager.set',
  'scim.group.created': 'audit.action.scim.group.created',
  'scim.group.renamed': 'audit.action.scim.group.renamed',
  'scim.group.members-changed': 'audit.action.scim.group.members-changed',
  'scim.group.deleted': 'audit.action.scim.group.deleted',
  'scim.group.client-set': 'audit.action.scim.group.client-set',
  'scim-settings.changed': 'audit.action.scim-settings.changed',
  'sso.configured': 'audit.action.sso.configured',
  'sso.login': 'audit.action.sso.login',
  'sso.account-created': 'audit.action.sso.account-created',
  'scorecard.changed': 'audit.action.scorecard.changed',
  'evaluation.recorded': 'audit.action.evaluation.recorded',
  'evaluation.acknowledged': 'audit.action.evaluation.acknowledged',
  'evaluation.disputed': 'audit.action.evaluation.disputed',
  'evaluation.dispute-resolved': 'audit.action.evaluation.dispute-resolved',
  'evaluations.imported': 'audit.action.evaluations.imported',
  'kpis.imported': 'audit.action.kpis.imported',
  'calibration.created': 'audit.action.calibration.created',
  'calibration.closed': 'audit.action.calibration.closed',
  'coaching.logged': 'audit.action.coaching.logged',
  'coaching.confirmed': 'audit.action.coaching.confirmed',
  'coaching.handed-in': 'audit.action.coaching.handed-in',
  'quality-rule.changed': 'audit.action.quality-rule.changed',
  'quality-rule.fired': 'audit.action.quality-rule.fired',
  'lti.account-created': 'audit.action.lti.account-created',
  'lti.roster-imported': 'ltiServices.audit.rosterImported',
  'lti-invite.created': 'ltiAdmin.audit.inviteCreated',
  'lti-platform.registered': 'ltiAdmin.audit.registered',
  'lti-platform.confirmed': 'ltiAdmin.audit.confirmed',
  'lti-platform.disabled': 'ltiAdmin.audit.disabled',
  'lti-platform.enabled': 'ltiAdmin.audit.enabled',
  'lti-platform.deleted': 'ltiAdmin.audit.deleted',
  'lti-deployment.added': 'ltiAdmin.audit.deploymentAdded',
  'lti-deployment.removed': 'ltiAdmin.audit.deploymentRemoved',
  'package.uploaded': 'packageAuthoring.audit.uploaded',
  'package.published': 'packageAuthoring.audit.published',
  'lrs-forwarding.configured': 'lrsForwarding.audit.configured',
  'lrs-forwarding.enabled': 'lrsForwarding.audit.enabled',
  'lrs-forwarding.disabled': 'lrsForwarding.audit.disabled',
  'lrs-forwarding.deleted': 'lrsForwarding.audit.deleted',
  'privacy.erasure-requested': 'erasure.audit.requested',
  'privacy.erasure-approved': 'erasure.audit.approved',
  'privacy.erasure-rejected': 'erasure.audit.rejected',
  'privacy.erasure-done': 'erasure.audit.done',
  'retention.changed': 'retention.audit.changed',
  'retention.applied': 'retention.audit.applied',
  'legal-hold.placed': 'legalHold.audit.placed',
  'legal-hold.lifted': 'legalHold.audit.lifted',
}

/** The learning events the dashboard lists (LearningEvent.verb is a plain column). */
export const EVENT_LABEL = {
  completed: 'event.completed',
  passed: 'event.passed',
  failed: 'event.failed',
  enrolled: 'event.enrolled',
  progressed: 'event.progressed',
} satisfies Record<string, TextKey>

export const ASSIGNMENT_STATUS_LABEL: Record<
  Awaited<ReturnType<typeof listAssignments>>[number]['status'],
  TextKey
> = {
  overdue: 'assignments.status.overdue',
  open: 'assignments.status.open',
  done: 'assignments.status.done',
}

export const API_SCOPE_LABEL: Record<ApiScope, TextKey> = {
  'progress:read': 'api.scope.progress',
  'records:read': 'api.scope.records',
  'quality:read': 'api.scope.quality',
}

export const INVITATION_STATE_LABEL: Record<InvitationState, TextKey> = {
  valid: 'invite.state.valid',
  expired: 'invite.state.expired',
  used: 'invite.state.used',
  revoked: 'invite.state.revoked',
  unknown: 'invite.state.unknown',
}

export const SNIPPET_LABEL: Record<keyof typeof SNIPPETS, TextKey> = {
  callout: 'authoring.snippet.callout',
  term: 'authoring.snippet.term',
  reflection: 'authoring.snippet.reflection',
  checklist: 'authoring.snippet.checklist',
  kpi: 'authoring.snippet.kpi',
  scenario: 'authoring.snippet.scenario',
}

export const ACCESS_KIND_LABEL: Record<AccessKind, TextKey> = {
  'staff.detail': 'accessLog.kind.staff.detail',
  'member.detail': 'accessLog.kind.member.detail',
  'member.xapi': 'accessLog.kind.member.xapi',
  'evidence.view': 'accessLog.kind.evidence.view',
  'evidence.file': 'accessLog.kind.evidence.file',
  'evaluation.view': 'accessLog.kind.evaluation.view',
  'evaluation.file': 'accessLog.kind.evaluation.file',
  'quality.trend': 'accessLog.kind.quality.trend',
  'coaching.view': 'accessLog.kind.coaching.view',
  'export.progress': 'accessLog.kind.export.progress',
  'export.records': 'accessLog.kind.export.records',
  'export.evaluations': 'accessLog.kind.export.evaluations',
  'api.staff': 'accessLog.kind.api.staff',
  'api.records': 'accessLog.kind.api.records',
  'api.evaluations': 'accessLog.kind.api.evaluations',
}
