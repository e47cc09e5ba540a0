/**
 * Every table, parents before children, with the columns that order its rows stably.
 * Used to copy a database (db:copy) and to empty one in tests; a test checks it lists every
 * model of the schema, so a new model cannot be forgotten here.
 */
export const TABLES = [
  { model: 'competency', key: ['code'] },
  { model: 'dossier', key: ['id'] },
  { model: 'coreTask', key: ['id'] },
  { model: 'workProcess', key: ['id'] },
  { model: 'workProcessCompetency', key: ['workProcessId', 'competencyCode'] },
  { model: 'indicator', key: ['id'] },
  { model: 'user', key: ['id'] },
  { model: 'session', key: ['id'] },
  { model: 'organisation', key: ['id'] },
  { model: 'clientOrganisation', key: ['id'] },
  { model: 'team', key: ['id'] },
  { model: 'membership', key: ['id'] },
  { model: 'membershipRole', key: ['membershipId', 'role'] },
  { model: 'teamMember', key: ['teamId', 'membershipId'] },
  { model: 'invitation', key: ['id'] },
  { model: 'passwordResetToken', key: ['id'] },
  { model: 'rateLimitCounter', key: ['key', 'windowStart'] },
  { model: 'email', key: ['id'] },
  // A course points at its current version, which points back: that link is set afterwards.
  { model: 'course', key: ['id'], deferred: ['currentVersionId'] },
  { model: 'courseVersion', key: ['id'] },
  { model: 'lesson', key: ['id'] },
  { model: 'lessonWorkProcess', key: ['lessonId', 'workProcessCode'] },
  { model: 'compiledMdx', key: ['hash'] },
  { model: 'courseDraft', key: ['courseId'] },
  { model: 'draftModule', key: ['id'] },
  { model: 'draftLesson', key: ['id'] },
  { model: 'reflection', key: ['id'] },
  { model: 'enrolment', key: ['id'] },
  { model: 'lessonCompletion', key: ['userId', 'lessonKey'] },
  { model: 'quizAttempt', key: ['id'] },
  { model: 'learningEvent', key: ['id'] },
  { model: 'workProcessStatus', key: ['userId', 'dossierSlug', 'workProcessCode'] },
  {
    model: 'assessmentCriteria',
    key: ['organisationId', 'dossierSlug', 'workProcessCode', 'version'],
  },
  { model: 'evidence', key: ['id'] },
  { model: 'evidenceWorkProcess', key: ['evidenceId', 'workProcessCode'] },
  { model: 'assessment', key: ['id'] },
  { model: 'criterionScore', key: ['assessmentId', 'position'] },
  { model: 'auditEvent', key: ['id'] },
  { model: 'signingKey', key: ['kid'] },
  { model: 'completionRecord', key: ['id'] },
  { model: 'recordRevocation', key: ['recordId'] },
  { model: 'assignment', key: ['id'] },
  { model: 'apiToken', key: ['id'] },
  { model: 'organisationSso', key: ['organisationId'] },
  { model: 'ssoDomain', key: ['domain'] },
  { model: 'ssoIdentity', key: ['id'] },
  { model: 'ssoLoginAttempt', key: ['id'] },
  { model: 'scimToken', key: ['id'] },
  { model: 'scimProfile', key: ['membershipId'] },
  { model: 'scimSettings', key: ['organisationId'] },
] as const

export type TableName = (typeof TABLES)[number]['model']
export type Table = { model: TableName; key: readonly string[]; deferred?: readonly string[] }
