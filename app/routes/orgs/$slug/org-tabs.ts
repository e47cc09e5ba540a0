import type { AreaTab } from '#app/components/area-nav.tsx'
import { can, QUALITY_PERMISSIONS, type Permission, type Role } from '#app/auth/roles.ts'
import type { TextKey } from '#app/i18n/i18n.ts'

type OrgPage = { path: string; label: TextKey; needs: readonly Permission[] }
const PROGRESS: readonly Permission[] = ['read:progress:org', 'read:progress:team']

/** Every page of an organisation, with the permission its own loader checks. */
const PAGES: readonly OrgPage[] = [
  { path: 'matrix', label: 'org.tab.progress', needs: PROGRESS },
  { path: 'assignments', label: 'assignments.title', needs: PROGRESS },
  { path: 'quality', label: 'quality.title', needs: QUALITY_PERMISSIONS },
  { path: 'members', label: 'org.members', needs: ['read:members:org'] },
  { path: 'teams', label: 'org.teams', needs: ['manage:teams:org'] },
  { path: 'invitations', label: 'org.invitations', needs: ['manage:members:org'] },
  { path: 'assessments', label: 'assessment.queue', needs: ['assess:evidence:org'] },
  { path: 'criteria', label: 'criteria.title', needs: ['author:courses:org'] },
  { path: 'api-tokens', label: 'api.title', needs: ['manage:members:org'] },
  { path: 'provisioning', label: 'scim.title', needs: ['manage:members:org'] },
  { path: 'sso', label: 'sso.title', needs: ['manage:members:org'] },
  { path: 'lti', label: 'ltiAdmin.title', needs: ['manage:members:org'] },
  { path: 'lrs', label: 'lrsForwarding.title', needs: ['manage:members:org'] },
  { path: 'audit', label: 'audit.title', needs: ['read:members:org'] },
  { path: 'privacy', label: 'privacy.orgTab', needs: ['manage:members:org'] },
]

/**
 * The tabs a member of an organisation sees: the pages whose guard their roles pass. The
 * mirror of the server's checks, so nobody is offered a page that answers 403.
 */
export function orgTabs(slug: string, roles: readonly Role[]): AreaTab[] {
  return PAGES.filter((p) => p.needs.some((perm) => can(roles, perm))).map((p) => ({
    to: `/orgs/${slug}/${p.path}`,
    label: p.label,
  }))
}

/** Where a member lands on /orgs/<slug>: their first tab (progress for employers). */
export function orgHome(slug: string, roles: readonly Role[]): string | null {
  return orgTabs(slug, roles)[0]?.to ?? null
}
