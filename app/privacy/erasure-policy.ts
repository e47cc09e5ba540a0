/**
 * What erasing an account (AVG art. 17) does to each model that refers to a person (see
 * personal-models.ts). Two ways, chosen per model:
 * - `rows`: the rows about the person go: they are only about them and count for nothing
 *   the organisation reports (sessions, identities, reflections, wallet offers).
 * - `pseudonymise`: the rows stay, moved to the person's pseudonym (a fresh account id with no
 *   name, e-mail or password), so organisation totals stay right; the free text and files
 *   listed in `blank` go from the rows that are about the person or written by them.
 * The completeness test fails when a personal model has no entry here, as the export's does.
 * Afterwards a generic pass (erasure.server.ts) replaces any remaining copy of the person's
 * id, e-mail or name in every text column of every table.
 */
/**
 * Free text and files that go from the rows where one of `when` is the person (a person
 * column, or `relation.column` for rows about the person's things, like the assessments of
 * their evidence). `set`: '' for text, null for optional columns; `files`: the columns holding
 * object-storage keys, whose files are deleted.
 */
export type BlankRule = {
  when: readonly string[]
  set: Readonly<Record<string, '' | null>>
  files?: readonly string[]
}

export type ErasurePolicy =
  | { erase: 'rows'; why: string }
  | {
      erase: 'pseudonymise'
      blank?: readonly BlankRule[]
      why: string
    }
  /** The account itself: replaced by the pseudonym, then deleted. */
  | { erase: 'account'; why: string }

const AUTHORSHIP =
  "Authorship of the organisation's content or settings: the content is not about the person and stays; who made it becomes the pseudonym."
const COUNTED =
  'Counted in organisation totals (progress, completions, records, quality): kept under the pseudonym.'

export const ERASURE_POLICY = {
  User: {
    erase: 'account',
    why: 'Replaced by a pseudonym without name, e-mail or password; the account row is deleted.',
  },
  Session: {
    erase: 'rows',
    why: 'Sign-in sessions with device and address: no value after erasure.',
  },
  PasswordResetToken: { erase: 'rows', why: 'Short-lived secrets.' },
  Membership: {
    erase: 'pseudonymise',
    why: `${COUNTED} The SCIM profile (directory names and ids) is deleted.`,
  },
  Invitation: {
    erase: 'pseudonymise',
    why: 'Invitations the person sent stay under the pseudonym; invitations to their address are deleted (by address, not by a person column).',
  },
  Reflection: { erase: 'rows', why: 'Free text the person wrote; counted nowhere.' },
  Enrolment: { erase: 'pseudonymise', why: COUNTED },
  LessonCompletion: { erase: 'pseudonymise', why: COUNTED },
  QuizAttempt: { erase: 'pseudonymise', why: `${COUNTED} Answers are choice ids, not text.` },
  LearningEvent: {
    erase: 'pseudonymise',
    why: `${COUNTED} Statements from packages (actor, names) are cleaned by the generic pass.`,
  },
  WorkProcessStatus: { erase: 'pseudonymise', why: COUNTED },
  Evidence: {
    erase: 'pseudonymise',
    blank: [
      {
        when: ['userId'],
        set: { title: '', narrative: '', fileKey: null, fileName: null, fileType: null },
        files: ['fileKey'],
      },
    ],
    why: `${COUNTED} Its text and file are the person's own and go.`,
  },
  Assessment: {
    erase: 'pseudonymise',
    blank: [{ when: ['assessorId', 'evidence.userId'], set: { comment: '' } }],
    why: `${COUNTED} The feedback is about the person (their evidence) or written by them (as assessor) and goes.`,
  },
  AuditEvent: {
    erase: 'pseudonymise',
    why: 'The append-only trail keeps its shape; the actor and subject become the pseudonym and the generic pass cleans the details.',
  },
  CompletionRecord: {
    erase: 'pseudonymise',
    blank: [{ when: ['userId'], set: { recipientName: '', jwt: '', dataIntegrity: null } }],
    why: 'The status stays published so the holder’s copy keeps verifying; the platform’s copy loses the name, the e-mail hash and the signed forms (the credential keeps only the achievement).',
  },
  RecordRevocation: { erase: 'pseudonymise', why: 'Part of the published status.' },
  RecordSuspension: { erase: 'pseudonymise', why: 'Part of the published status.' },
  WalletOffer: { erase: 'rows', why: 'Offers to the person’s wallet; no value after erasure.' },
  Assignment: { erase: 'pseudonymise', why: COUNTED },
  SsoIdentity: { erase: 'rows', why: 'Links the account to the identity provider’s subject.' },
  Upload: {
    erase: 'rows',
    why: 'Upload bookkeeping; the uploaded object is deleted too (handed-in files live on as evidence or evaluation files, blanked there).',
  },
  Evaluation: {
    erase: 'pseudonymise',
    blank: [
      {
        when: ['agentId'],
        set: {
          comment: '',
          disputeReason: null,
          resolutionNote: null,
          fileKey: null,
          fileName: null,
          fileType: null,
        },
        files: ['fileKey'],
      },
      { when: ['evaluatorId'], set: { comment: '' } },
      { when: ['resolvedById'], set: { resolutionNote: null } },
    ],
    why: `${COUNTED} About the person (as the agent): comments, dispute and recording go. Written by them (as evaluator or resolver): their text goes; another agent's recording stays.`,
  },
  EvaluationWorkProcess: { erase: 'pseudonymise', why: COUNTED },
  CalibrationSession: { erase: 'pseudonymise', why: COUNTED },
  CalibrationEvaluator: { erase: 'pseudonymise', why: COUNTED },
  CoachingSession: {
    erase: 'pseudonymise',
    blank: [{ when: ['agentId', 'coachId'], set: { discussed: '', agreements: '' } }],
    why: `${COUNTED} What was discussed and agreed is about the person or written by them and goes.`,
  },
  QualityRuleFiring: { erase: 'pseudonymise', why: COUNTED },
  KpiWeek: { erase: 'pseudonymise', why: COUNTED },
  LtiUser: {
    erase: 'rows',
    why: 'Links the account to a platform’s user id; its launches go with it.',
  },
  LtiDeepLinkingRequest: { erase: 'rows', why: 'Minutes-long protocol state.' },
  PackageAttempt: {
    erase: 'pseudonymise',
    why: `${COUNTED} The package's stored data (SCORM learner name and id) is cleaned by the generic pass.`,
  },
  XapiDocument: { erase: 'rows', why: 'Documents a package stored about the person: any content.' },
  ErasureRequest: {
    erase: 'pseudonymise',
    why: 'Proof that the request was honoured, naming the pseudonym.',
  },
  LegalHold: {
    erase: 'pseudonymise',
    blank: [{ when: ['userId'], set: { reason: '' } }],
    why: 'Lifted holds stay as proof; their reason is about the person and goes.',
  },
  AccessLogEntry: { erase: 'pseudonymise', why: 'Append-only log of views; it keeps its shape.' },
  CourseVersion: { erase: 'pseudonymise', why: AUTHORSHIP },
  CourseDraft: { erase: 'pseudonymise', why: AUTHORSHIP },
  DraftLesson: { erase: 'pseudonymise', why: AUTHORSHIP },
  AssessmentCriteria: { erase: 'pseudonymise', why: AUTHORSHIP },
  ApiToken: { erase: 'pseudonymise', why: AUTHORSHIP },
  ScimToken: { erase: 'pseudonymise', why: AUTHORSHIP },
  ScorecardVersion: { erase: 'pseudonymise', why: AUTHORSHIP },
  QualityRule: { erase: 'pseudonymise', why: AUTHORSHIP },
  QualityImport: { erase: 'pseudonymise', why: AUTHORSHIP },
  LtiPlatform: { erase: 'pseudonymise', why: AUTHORSHIP },
  LtiRegistrationInvite: { erase: 'pseudonymise', why: AUTHORSHIP },
  ContentPackage: { erase: 'pseudonymise', why: AUTHORSHIP },
  RetentionPolicy: { erase: 'pseudonymise', why: AUTHORSHIP },
} as const satisfies Record<string, ErasurePolicy>

/** The personal models the erasure policy does not account for. */
export function modelsWithoutErasurePolicy(personal: Iterable<string>): string[] {
  return [...personal].filter((model) => !(model in ERASURE_POLICY)).sort()
}
