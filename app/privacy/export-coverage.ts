import type { ExportFile } from './export-files.ts'
import type { ModelCoverage } from './personal-models.ts'

type Coverage = ModelCoverage & { files?: readonly ExportFile[] }

const AUTHORSHIP =
  "Authorship only: the person appears as who made or changed the organisation's content or settings; the content is not about them, and the act itself is in audit-events.json where it is audited."

/**
 * How the personal data export accounts for every model that refers to a person (see
 * personal-models.ts): the files its rows are in, or why it is left out. The completeness test
 * fails when a personal model is missing here.
 */
export const EXPORT_COVERAGE = {
  User: { files: ['profile.json'], without: ['passwordHash'] },
  Membership: { files: ['memberships.json'] },
  Session: { files: ['sessions.json'], without: ['id'] },
  PasswordResetToken: {
    excluded:
      'A short-lived secret (only its hash is stored); the reset e-mail itself is listed in emails.json.',
  },
  /** Not found by its columns (the address is text), exported all the same. */
  Email: { files: ['emails.json'], without: ['text'] },
  Invitation: { files: ['invitations.json'], without: ['tokenHash'] },
  Reflection: { files: ['reflections.json'] },
  Enrolment: { files: ['enrolments.json'] },
  LessonCompletion: { files: ['lesson-completions.json'] },
  QuizAttempt: { files: ['quiz-attempts.json'] },
  LearningEvent: { files: ['learning-events.json', 'xapi-statements.json'] },
  WorkProcessStatus: { files: ['work-process-statuses.json'] },
  Evidence: { files: ['evidence.json', 'evidence-files/'], without: ['fileKey'] },
  Assessment: { files: ['evidence.json', 'assessments-given.json'] },
  AuditEvent: { files: ['audit-events.json'] },
  CompletionRecord: { files: ['records.json', 'records/'] },
  RecordRevocation: { files: ['records.json'], without: ['revokedById'] },
  RecordSuspension: { files: ['records.json'], without: ['suspendedById'] },
  WalletOffer: { files: ['records.json'], without: ['codeHash', 'pinHash'] },
  Assignment: { files: ['assignments.json'] },
  SsoIdentity: { files: ['sso-identities.json'] },
  Upload: { files: ['uploads.json'], without: ['objectKey', 'storageUploadId'] },
  Evaluation: {
    files: ['evaluations.json', 'evaluation-files/'],
    without: ['fileKey', 'resolvedById'],
  },
  EvaluationWorkProcess: { files: ['evaluations.json'] },
  CalibrationSession: { files: ['calibration-sessions.json'] },
  CalibrationEvaluator: { files: ['calibration-sessions.json'] },
  CoachingSession: { files: ['coaching-sessions.json'] },
  QualityRuleFiring: { files: ['quality-rule-firings.json'] },
  KpiWeek: { files: ['kpi-weeks.json'] },
  LtiUser: { files: ['lti-users.json'] },
  LtiDeepLinkingRequest: {
    excluded:
      "Short-lived protocol state of a teacher's deep-linking choice (minutes), holding only the platform's opaque data.",
  },
  PackageAttempt: { files: ['package-attempts.json'] },
  XapiDocument: { files: ['xapi-documents.json'] },
  AccessLogEntry: { files: ['access-log.json'] },
  ErasureRequest: { files: ['privacy-requests.json'] },
  LegalHold: { files: ['privacy-requests.json'] },
  RetentionPolicy: { excluded: AUTHORSHIP },
  CourseVersion: { excluded: AUTHORSHIP },
  CourseDraft: { excluded: AUTHORSHIP },
  DraftLesson: { excluded: AUTHORSHIP },
  AssessmentCriteria: { excluded: AUTHORSHIP },
  ApiToken: { excluded: AUTHORSHIP },
  ScimToken: { excluded: AUTHORSHIP },
  ScorecardVersion: { excluded: AUTHORSHIP },
  QualityRule: { excluded: AUTHORSHIP },
  QualityImport: { excluded: AUTHORSHIP },
  LtiPlatform: { excluded: AUTHORSHIP },
  LtiRegistrationInvite: { excluded: AUTHORSHIP },
  ContentPackage: { excluded: AUTHORSHIP },
} as const satisfies Record<string, Coverage>
