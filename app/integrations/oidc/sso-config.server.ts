import { prisma } from '#app/db.server.ts'
import type { Role } from '#app/auth/roles.ts'
import { audit } from '#app/domain/audit.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import type { GroupTeam } from './group-teams.ts'
import { openSecret, sealSecret } from './secret-box.server.ts'

export type SsoSettings = {
  issuer: string
  clientId: string
  domains: string[]
  jitEnabled: boolean
  jitRole: Role
  groupsClaim: string
  groupTeams: GroupTeam[]
  passwordLoginDisabled: boolean
}

/** What the configuration page shows: everything but the secret, of which only "set". */
export async function getSsoSettings(organisationId: string) {
  const [row, domains] = await Promise.all([
    prisma.organisationSso.findUnique({ where: { organisationId } }),
    prisma.ssoDomain.findMany({ where: { organisationId }, orderBy: { domain: 'asc' } }),
  ])
  if (!row) return null
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    secretSet: row.clientSecret !== '',
    domains: domains.map((d) => d.domain),
    jitEnabled: row.jitEnabled,
    jitRole: row.jitRole as Role,
    groupsClaim: row.groupsClaim,
    groupTeams: JSON.parse(row.groupTeams) as GroupTeam[],
    passwordLoginDisabled: row.passwordLoginDisabled,
  }
}

/** The provider of the organisation an e-mail domain belongs to, with the secret opened. */
export async function ssoForDomain(domain: string) {
  const claim = await prisma.ssoDomain.findUnique({
    where: { domain },
    select: { organisationId: true },
  })
  return claim ? ssoForOrganisation(claim.organisationId) : null
}

export async function ssoForOrganisation(organisationId: string) {
  const sso = await prisma.organisationSso.findUnique({ where: { organisationId } })
  if (!sso) return null
  return {
    organisationId,
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret: openSecret(sso.clientSecret),
    groupsClaim: sso.groupsClaim,
  }
}

export type SaveResult =
  | { ok: true }
  | { ok: false; field: 'domains' | 'clientSecret' | 'groupTeams'; message: string; detail: string }

/**
 * Store an organisation's configuration. An empty secret keeps the stored one. A domain
 * claimed by another organisation, or a team name the organisation lacks, is refused before
 * anything is written; all rows and the audit line are written in one transaction.
 */
export async function saveSsoSettings(input: {
  organisationId: string
  /** null: the demo seed. */
  actorId: string | null
  settings: SsoSettings
  clientSecret: string | null
}): Promise<SaveResult> {
  const { organisationId, settings } = input
  const current = await prisma.organisationSso.findUnique({
    where: { organisationId },
    select: { clientSecret: true },
  })
  if (!current && !input.clientSecret) {
    return { ok: false, field: 'clientSecret', message: 'sso.secretRequired', detail: '' }
  }
  const taken = await prisma.ssoDomain.findFirst({
    where: { domain: { in: settings.domains }, organisationId: { not: organisationId } },
    select: { domain: true },
  })
  if (taken) return domainTaken(taken.domain)
  const teams = new Set(
    (await prisma.team.findMany({ where: { organisationId }, select: { name: true } })).map(
      (t) => t.name,
    ),
  )
  const unknownTeam = settings.groupTeams.find((p) => !teams.has(p.team))
  if (unknownTeam) {
    return { ok: false, field: 'groupTeams', message: 'sso.unknownTeam', detail: unknownTeam.team }
  }

  const clientSecret = input.clientSecret ? sealSecret(input.clientSecret) : current!.clientSecret
  const row = {
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret,
    jitEnabled: settings.jitEnabled,
    jitRole: settings.jitRole,
    groupsClaim: settings.groupsClaim,
    groupTeams: JSON.stringify(settings.groupTeams),
    passwordLoginDisabled: settings.passwordLoginDisabled,
  }
  try {
    await prisma.$transaction(async (tx) => {
      await tx.organisationSso.upsert({
        where: { organisationId },
        create: { organisationId, ...row },
        update: row,
      })
      await tx.ssoDomain.deleteMany({ where: { organisationId } })
      for (const domain of settings.domains) {
        await tx.ssoDomain.create({ data: { domain, organisationId } })
      }
      // The audit line says what changed in words an auditor can read, never the secret.
      const { groupTeams, ...rest } = settings
      await audit(tx, {
        actorId: input.actorId,
        organisationId,
        action: 'sso.configured',
        subjectType: 'organisation',
        subjectId: organisationId,
        detail: { ...rest, groupTeams: groupTeams.length, secretReplaced: !!input.clientSecret },
      })
    })
  } catch (error) {
    // Another organisation claimed one of the domains between our check and our write.
    if (isUniqueViolation(error)) return domainTaken(settings.domains.join(', '))
    throw error
  }
  return { ok: true }
}

function domainTaken(domain: string): SaveResult {
  return { ok: false, field: 'domains', message: 'sso.domainTaken', detail: domain }
}

/** True when one of the person's organisations has switched password login off. */
export async function passwordLoginDisabledFor(userId: string): Promise<boolean> {
  const count = await prisma.membership.count({
    where: { userId, deactivatedAt: null, organisation: { sso: { passwordLoginDisabled: true } } },
  })
  return count > 0
}
