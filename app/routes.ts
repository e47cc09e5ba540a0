import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('dossiers', 'routes/dossiers.tsx'),
  route('dossiers/:slug', 'routes/dossier.tsx'),
  route('dossiers/:slug/:code', 'routes/work-process.tsx'),
  route('competencies', 'routes/competencies.tsx'),
  route('courses', 'routes/courses.tsx'),
  route('courses/:courseId', 'routes/course.tsx'),
  route('courses/:courseId/:lessonKey', 'routes/lesson.tsx'),
  route('lessons/:lessonKey', 'routes/lesson-redirect.ts'),

  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('signup', 'routes/signup.tsx'),
  route('invite/:token', 'routes/invite.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password/:token', 'routes/reset-password.tsx'),
  route('account', 'routes/account.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('dashboard/xapi', 'routes/dashboard-xapi.ts'),
  route('progress/rules', 'routes/progress-rules.tsx'),

  route('employer', 'routes/employer.tsx'),
  route('orgs/:slug/members', 'routes/org-members.tsx'),
  route('orgs/:slug/members/:memberId', 'routes/org-member.tsx'),
  route('orgs/:slug/members/:memberId/xapi', 'routes/org-member-xapi.ts'),
  route('orgs/:slug/teams', 'routes/org-teams.tsx'),
  route('orgs/:slug/invitations', 'routes/org-invitations.tsx'),
  route('trainer', 'routes/trainer.tsx'),
  route('trainer/coverage', 'routes/trainer-coverage.tsx'),
  route('admin', 'routes/admin.tsx'),
  route('admin/outbox', 'routes/admin-outbox.tsx'),

  route('lang', 'routes/lang.ts'),
  route('healthz', 'routes/healthz.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
