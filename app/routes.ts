import { type RouteConfig, index, layout, prefix, route } from '@react-router/dev/routes'

// The one map from URL to file. Each area is a folder of app/routes with its own _layout
// (shared navigation, and an error page that says what to do next); a layout never guards
// its children: every loader and action calls its own guard.
export default [
  // Anyone: the dossier, the catalogue, lessons, and the public side of records.
  layout('routes/public/_layout.tsx', [
    index('routes/public/home.tsx'),
    route('dossiers', 'routes/public/dossiers.tsx'),
    route('dossiers/:slug', 'routes/public/dossier.tsx'),
    route('dossiers/:slug/:code', 'routes/public/work-process.tsx'),
    route('competencies', 'routes/public/competencies.tsx'),
    route('progress/rules', 'routes/public/progress-rules.tsx'),
    route('courses', 'routes/public/courses.tsx'),
    route('courses/:courseId', 'routes/public/course.tsx'),
    route('courses/:courseId/:lessonKey', 'routes/public/lesson.tsx'),
    route('lessons/:lessonKey', 'routes/public/lesson-redirect.ts'),
    route('records/:recordId', 'routes/public/record.tsx'),
    route('records/:recordId/credential.jwt', 'routes/public/record-jwt.ts'),
    route('records/:recordId/credential.json', 'routes/public/record-json.ts'),
    route('records/:recordId/certificate.pdf', 'routes/public/record-pdf.ts'),
    route('verify', 'routes/public/verify.tsx'),
    route('achievements/:dossierSlug/:code/badge.svg', 'routes/public/achievement-badge.ts'),
    // Every unknown path: the site's own 404 page, inside the layout.
    route('*', 'routes/public/not-found.tsx'),
  ]),

  // Our LRS (xAPI 1.0.3) and the cmi5 fetch URL, for package content in its sandbox (#21).
  ...prefix('xapi', [
    route('about', 'routes/xapi/about.ts'),
    route('statements', 'routes/xapi/statements.ts'),
    route('activities/state', 'routes/xapi/activities-state.ts'),
    route('activities/profile', 'routes/xapi/activities-profile.ts'),
    route('agents/profile', 'routes/xapi/agents-profile.ts'),
    route('cmi5/fetch/:token', 'routes/xapi/cmi5-fetch.ts'),
  ]),

  // LTI 1.3: learning platforms (Moodle, Canvas, itslearning) launching our lessons.
  ...prefix('lti', [
    route('login', 'routes/lti/login.ts'),
    route('launch', 'routes/lti/launch.ts'),
    route('problem/:reason', 'routes/lti/problem.tsx'),
    route('jwks', 'routes/lti/jwks.ts'),
    // Shown inside the platform's iframe or popup, so outside every area's layout.
    route('deep-linking/:requestId', 'routes/lti/deep-linking.tsx'),
    route('register/:token', 'routes/lti/register.tsx'),
  ]),

  // Signing in and out, joining by invitation, resetting a password.
  layout('routes/auth/_layout.tsx', [
    route('login', 'routes/auth/login.tsx'),
    route('logout', 'routes/auth/logout.ts'),
    route('signup', 'routes/auth/signup.tsx'),
    route('invite/:token', 'routes/auth/invite.tsx'),
    route('forgot-password', 'routes/auth/forgot-password.tsx'),
    route('reset-password/:token', 'routes/auth/reset-password.tsx'),
    route('auth/sso/callback', 'routes/auth/sso-callback.ts'),
  ]),

  // The signed-in person's own things: progress, evidence, records, account.
  layout('routes/me/_layout.tsx', [
    route('dashboard', 'routes/me/dashboard.tsx'),
    route('dashboard/xapi', 'routes/me/dashboard-xapi.ts'),
    route('account/data-export.zip', 'routes/me/data-export.ts'),
    route('work-processes/:dossierSlug/:code', 'routes/me/work-process.tsx'),
    route('evidence', 'routes/me/evidence.tsx'),
    route('evidence/new', 'routes/me/evidence-new.tsx'),
    route('evidence/:evidenceId', 'routes/me/evidence-detail.tsx'),
    route('evidence/:evidenceId/file', 'routes/me/evidence-file.ts'),
    route('records', 'routes/me/records.tsx'),
    route('records/clr.json', 'routes/me/records-clr.ts', { id: 'records-clr-json' }),
    route('records/clr.jwt', 'routes/me/records-clr.ts', { id: 'records-clr-jwt' }),
    route('records/:recordId/wallet', 'routes/me/record-wallet.tsx'),
    route('account', 'routes/me/account.tsx'),
    route('account/access-log', 'routes/me/access-log.tsx'),
    route('account/erasure', 'routes/me/erasure.tsx'),

    // Quality: the agent's own evaluations.
    route('evaluations', 'routes/me/evaluations.tsx'),
    route('evaluations/:evaluationId', 'routes/me/evaluation.tsx'),
    route('evaluations/:evaluationId/file', 'routes/me/evaluation-file.ts'),

    // Quality: the agent's own coaching records and trend.
    route('coaching', 'routes/me/coaching.tsx'),
    route('coaching/:sessionId', 'routes/me/coaching-session.tsx'),
    route('quality', 'routes/me/quality.tsx'),
  ]),

  // One organisation, managed by its employers, team leaders, trainers and assessors.
  route('employer', 'routes/orgs/employer-redirect.ts'),
  route('orgs/:slug', 'routes/orgs/$slug/_layout.tsx', [
    index('routes/orgs/$slug/index.ts'),
    route('matrix', 'routes/orgs/$slug/matrix.tsx'),
    route('members', 'routes/orgs/$slug/members.tsx'),
    route('members/:membershipId', 'routes/orgs/$slug/member.tsx'),
    route('members/:membershipId/xapi', 'routes/orgs/$slug/member-xapi.ts'),
    route('staff/:membershipId', 'routes/orgs/$slug/staff-member.tsx'),
    route('teams', 'routes/orgs/$slug/teams.tsx'),
    route('teams/:teamId/progress', 'routes/orgs/$slug/team-progress.tsx'),
    route('invitations', 'routes/orgs/$slug/invitations.tsx'),
    route('assignments', 'routes/orgs/$slug/assignments.tsx'),
    route('assessments', 'routes/orgs/$slug/assessments.tsx'),
    route('assessments/:evidenceId', 'routes/orgs/$slug/assessment.tsx'),
    route('criteria', 'routes/orgs/$slug/criteria.tsx'),
    route('criteria/:dossierSlug/:code', 'routes/orgs/$slug/criteria-edit.tsx'),
    route('api-tokens', 'routes/orgs/$slug/api-tokens.tsx'),
    route('provisioning', 'routes/orgs/$slug/provisioning.tsx'),
    route('sso', 'routes/orgs/$slug/sso.tsx'),
    route('lti/courses', 'routes/orgs/$slug/lti-courses.tsx'),
    route('lti', 'routes/orgs/$slug/lti.tsx'),
    route('lrs', 'routes/orgs/$slug/lrs.tsx'),
    route('audit', 'routes/orgs/$slug/audit.tsx'),
    // Privacy under the AVG (#22): one tab, its pages under /privacy.
    route('privacy', 'routes/orgs/$slug/privacy.tsx'),
    route('privacy/works-council', 'routes/orgs/$slug/works-council.tsx'),
    route('privacy/works-council.pdf', 'routes/orgs/$slug/works-council-pdf.ts'),
    route('privacy/retention', 'routes/orgs/$slug/retention.tsx'),
    route('privacy/erasure-requests', 'routes/orgs/$slug/erasure-requests.tsx'),
    route('privacy/access-log', 'routes/orgs/$slug/access-log.tsx'),
    route('progress.csv', 'routes/orgs/$slug/progress-csv.ts'),
    route('progress.xlsx', 'routes/orgs/$slug/progress-xlsx.ts'),
    route('records.csv', 'routes/orgs/$slug/records-csv.ts'),
    route('records.xlsx', 'routes/orgs/$slug/records-xlsx.ts'),

    // Quality monitoring (app/quality): scorecards and scored contacts.
    route('quality', 'routes/orgs/$slug/quality/index.tsx'),
    route('quality/scorecards', 'routes/orgs/$slug/quality/scorecards.tsx'),
    route('quality/scorecards/new', 'routes/orgs/$slug/quality/scorecard-new.tsx'),
    route('quality/scorecards/:scorecardId', 'routes/orgs/$slug/quality/scorecard.tsx'),
    route('quality/evaluations', 'routes/orgs/$slug/quality/evaluations.tsx'),
    route('quality/evaluations/new', 'routes/orgs/$slug/quality/evaluation-new.tsx'),
    route('quality/evaluations/:evaluationId', 'routes/orgs/$slug/quality/evaluation.tsx'),
    route('quality/evaluations/:evaluationId/file', 'routes/orgs/$slug/quality/evaluation-file.ts'),
    route('quality/evaluations.csv', 'routes/orgs/$slug/quality/evaluations-csv.ts'),
    route('quality/evaluations.xlsx', 'routes/orgs/$slug/quality/evaluations-xlsx.ts'),

    // Quality: rules, coaching and trends.
    route('quality/rules', 'routes/orgs/$slug/quality/rules.tsx'),
    route('quality/rules/:ruleId', 'routes/orgs/$slug/quality/rule.tsx'),
    route('quality/coaching', 'routes/orgs/$slug/quality/coaching.tsx'),
    route('quality/coaching/new', 'routes/orgs/$slug/quality/coaching-new.tsx'),
    route('quality/coaching/:sessionId', 'routes/orgs/$slug/quality/coaching-session.tsx'),
    route('quality/agents/:agentId/trend', 'routes/orgs/$slug/quality/agent-trend.tsx'),
    route('quality/teams/:teamId/trend', 'routes/orgs/$slug/quality/team-trend.tsx'),

    // Quality: calibration.
    route('quality/calibrations', 'routes/orgs/$slug/quality/calibrations.tsx'),
    route(
      'quality/calibrations/evaluators',
      'routes/orgs/$slug/quality/calibration-evaluators.tsx',
    ),
    route('quality/calibrations/:sessionId', 'routes/orgs/$slug/quality/calibration.tsx'),

    // Quality: imports from QA tools and KPI reports.
    route('quality/imports', 'routes/orgs/$slug/quality/imports.tsx'),
    route('quality/imports/evaluations', 'routes/orgs/$slug/quality/import-evaluations.tsx'),
    route('quality/imports/kpis', 'routes/orgs/$slug/quality/import-kpis.tsx'),
  ]),

  // Course authoring in the browser: drafts, live preview, versions, export and import.
  route('trainer', 'routes/trainer/_layout.tsx', [
    index('routes/trainer/index.tsx'),
    route('coverage', 'routes/trainer/coverage.tsx'),
    route('courses/new', 'routes/trainer/course-new.tsx'),
    route('courses/:courseId', 'routes/trainer/course.tsx'),
    route('courses/:courseId/lessons/:lessonId', 'routes/trainer/lesson.tsx'),
    route('courses/:courseId/lessons/:lessonId/try', 'routes/trainer/lesson-try.tsx'),
    route('courses/:courseId/versions', 'routes/trainer/course-versions.tsx'),
    route('courses/:courseId/export.zip', 'routes/trainer/course-export.ts'),
    route('import', 'routes/trainer/import.tsx'),
    route('packages/import', 'routes/trainer/package-import.tsx'),
    route('packages/:packageId', 'routes/trainer/package-mapping.tsx'),
    route('preview', 'routes/trainer/preview.ts'),
  ]),

  route('admin', 'routes/admin/_layout.tsx', [
    index('routes/admin/index.tsx'),
    route('outbox', 'routes/admin/outbox.tsx'),
    route('jobs', 'routes/admin/jobs.tsx'),
  ]),

  // Machine-readable: the HR API (JSON errors, no pages).
  ...prefix('api/v1', [
    route('openapi.json', 'routes/api/v1/openapi.ts'),
    route('orgs/:slug/staff', 'routes/api/v1/staff.ts'),
    route('orgs/:slug/records', 'routes/api/v1/records.ts'),
    route('orgs/:slug/evaluations', 'routes/api/v1/evaluations.ts'),
  ]),

  // SCIM 2.0 provisioning from the organisation's identity system (SCIM errors, no pages).
  ...prefix('scim/v2', [
    route('ServiceProviderConfig', 'routes/scim/v2/service-provider-config.ts'),
    route('ResourceTypes', 'routes/scim/v2/resource-types.ts'),
    route('Schemas', 'routes/scim/v2/schemas.ts'),
    route('Users', 'routes/scim/v2/users.ts'),
    route('Users/:userId', 'routes/scim/v2/user.ts'),
    route('Groups', 'routes/scim/v2/groups.ts'),
    route('Groups/:groupId', 'routes/scim/v2/group.ts'),
  ]),

  // OpenID4VCI 1.0: a learner's record into their own wallet (JSON for wallets, no pages).
  route('.well-known/openid-credential-issuer', 'routes/oid4vci/credential-issuer-metadata.ts'),
  route(
    '.well-known/oauth-authorization-server',
    'routes/oid4vci/authorization-server-metadata.ts',
  ),
  ...prefix('oid4vci', [
    route('offers/:offerReference', 'routes/oid4vci/offer.ts'),
    route('token', 'routes/oid4vci/token.ts'),
    route('nonce', 'routes/oid4vci/nonce.ts'),
    route('credential', 'routes/oid4vci/credential.ts'),
  ]),

  // Resources without a page: health and metrics, language switch, keys, the DID document,
  // the issuer profile, the published status lists, and large uploads in parts (JSON).
  route('healthz', 'routes/resources/healthz.ts'),
  route('readyz', 'routes/resources/readyz.ts'),
  route('metrics', 'routes/resources/metrics.ts'),
  route('resources/uploads', 'routes/resources/uploads.ts'),
  route('resources/uploads/:uploadId', 'routes/resources/upload.ts'),
  route('resources/uploads/:uploadId/parts/:partNumber', 'routes/resources/upload-part.ts'),
  route('resources/uploads/:uploadId/complete', 'routes/resources/upload-complete.ts'),
  route('lang', 'routes/resources/lang.ts'),
  route('.well-known/jwks.json', 'routes/resources/jwks.ts'),
  route('.well-known/did.json', 'routes/resources/did.ts'),
  route('issuer', 'routes/resources/issuer.ts'),
  route('status/:listId', 'routes/resources/status-list.ts'),
  // A launched content package's files in a sandbox, and its SCORM runtime (decision 031).
  route('package-content/:token/*', 'routes/resources/package-content.ts'),
] satisfies RouteConfig
