/**
 * Roles a membership can hold in an organisation, and what each may do. Permission strings
 * read `action:resource:scope`; the server checks them in every loader and action, and the UI
 * uses the same table to show only what a person may do.
 */
export const ROLES = [
  'learner',
  'trainer',
  'assessor',
  'employer_admin',
  'team_leader',
  'quality_coach',
] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'read:members:org', // see the organisation's people
  'manage:members:org', // invite, change roles, deactivate
  'manage:teams:org',
  'read:progress:org', // all staff progress
  'read:progress:team', // progress of the teams one leads
  'author:courses:org',
  'assess:evidence:org',
  'learn:courses:own',
  // Quality monitoring (app/quality): scoring contacts, coaching, calibration, the org's rules.
  'evaluate:contacts:org', // score any agent's contacts (quality coach)
  'evaluate:contacts:team', // score and coach the agents of the teams one leads
  'read:evaluations:org', // every evaluation of the organisation (org admin)
  'calibrate:org', // run calibration sessions and see evaluators' deviations
  'manage:quality:org', // scorecards, rules, disputes, imports
] as const
export type Permission = (typeof PERMISSIONS)[number]

const GRANTS: Record<Role, readonly Permission[]> = {
  learner: ['learn:courses:own'],
  trainer: ['author:courses:org', 'learn:courses:own'],
  assessor: ['assess:evidence:org'],
  employer_admin: [
    'read:members:org',
    'manage:members:org',
    'manage:teams:org',
    'read:progress:org',
    'read:evaluations:org',
    'calibrate:org',
    'manage:quality:org',
  ],
  team_leader: ['read:progress:team', 'learn:courses:own', 'evaluate:contacts:team'],
  quality_coach: ['evaluate:contacts:org', 'calibrate:org'],
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => GRANTS[r].includes(permission))
}

/** Any of these opens the organisation's quality pages (app/quality decides the rest). */
export const QUALITY_PERMISSIONS: readonly Permission[] = [
  'evaluate:contacts:org',
  'evaluate:contacts:team',
  'read:evaluations:org',
  'calibrate:org',
  'manage:quality:org',
]

/** Roles that make someone "an employer": they see the employer area. */
export const EMPLOYER_ROLES: readonly Role[] = ['employer_admin', 'team_leader']
export const TRAINER_ROLES: readonly Role[] = ['trainer', 'assessor']
