import { redirect } from 'react-router'
import { prisma } from '#app/db.server.ts'
import { assessmentQueue } from '#app/assessment/evidence.server.ts'
import { safeRedirect } from '#app/utils/form-schemas.ts'
import { can } from './roles.ts'
import { getMemberships, getUser } from './authorize.server.ts'

/**
 * Where someone lands after signing in: the page their work is on, not the same learner
 * dashboard for everyone (docs/decisions/029-landing-pages.md). In this order, each for the
 * first organisation (by name) where it applies:
 * 1. evidence waiting for their judgement: the assessment queue (a learner waits on it);
 * 2. employer admin or team leader: the organisation's progress matrix;
 * 3. quality coach: the organisation's quality page;
 * 4. trainer: the authoring area;
 * 5. platform admin: the platform's admin page;
 * 6. everyone else (learners): the dashboard.
 */
export async function landingPage(user: { id: string; isPlatformAdmin: boolean }) {
  const memberships = await getMemberships(user)
  for (const m of memberships) {
    if (!can(m.roles, 'assess:evidence:org')) continue
    if ((await assessmentQueue(m.organisation.id, user.id)).length > 0)
      return `/orgs/${m.organisation.slug}/assessments`
  }
  const employer = memberships.find(
    (m) => can(m.roles, 'read:progress:org') || can(m.roles, 'read:progress:team'),
  )
  if (employer) return `/orgs/${employer.organisation.slug}/matrix`
  const coach = memberships.find((m) => m.roles.includes('quality_coach'))
  if (coach) return `/orgs/${coach.organisation.slug}/quality`
  if (memberships.some((m) => can(m.roles, 'author:courses:org'))) return '/trainer'
  if (user.isPlatformAdmin) return '/admin'
  return '/dashboard'
}

/**
 * The page to open after a login (password, work account, invitation): the page the person
 * asked for when it is a path on this site, otherwise their landing page.
 */
export async function pageAfterLogin(userId: string, requested?: string | null) {
  const asked = safeRedirect(requested, '')
  if (asked) return asked
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, isPlatformAdmin: true },
  })
  return landingPage(user)
}

/** Pages for the signed-out (login, signup): a signed-in visitor goes to their landing page. */
export async function requireAnonymous(request: Request) {
  const user = await getUser(request)
  if (user) throw redirect(await landingPage(user))
}
