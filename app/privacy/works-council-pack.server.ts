import { ROLES, isRole, type Role } from '#app/auth/roles.ts'
import { prisma } from '#app/db.server.ts'
import { API_SCOPES, type ApiScope } from '#app/employer/api-scopes.ts'
import { parseRuleParameters, type RuleParameters } from '#app/quality/rule-parameters.ts'
import { parseJsonList } from '#app/utils/json-list.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import { allNamed } from './personal-data.server.ts'
import { retentionPeriods, type RetentionPeriods } from './retention-policy.ts'
import { worksCouncilDocument } from './works-council-document.ts'

/**
 * What the works-council pack (ondernemingsraad, WOR art. 27 lid 1 sub l) says about one
 * organisation, read from its actual configuration at the moment it is asked for: the pack is
 * written from these facts, so it cannot drift from the settings. No secrets, no personal data
 * beyond counts: the pack is handed to the works council.
 */
export type WorksCouncilFacts = {
  organisation: { name: string; slug: string; kind: string }
  generatedAt: Date
  members: { active: number; deactivated: number; teams: number; byRole: Record<Role, number> }
  /** How much of each kind of record the organisation holds: whether a feature is in use. */
  usage: {
    evaluations: number
    coachingSessions: number
    kpiWeeks: number
    evidence: number
    records: number
  }
  sso: null | {
    issuer: string
    domains: string[]
    /** Accounts made on a first sign-in, with this role. */
    createsAccounts: boolean
    newAccountRole: string
    passwordLoginDisabled: boolean
  }
  scim: { tokens: Array<{ name: string; lastUsedAt: Date | null }>; brandAttribute: string | null }
  lti: Array<{ name: string; status: string }>
  lrs: null | { host: string; enabled: boolean }
  hrApi: Array<{ name: string; scopes: ApiScope[]; lastUsedAt: Date | null }>
  rules: Array<
    RuleParameters & {
      workProcessCode: string
      workProcessTitle: { nl: string; en: string }
      firings: number
    }
  >
  rulesSwitchedOff: number
  retention: RetentionPeriods & { ownPolicy: boolean }
  activeLegalHolds: number
}

/** The host of an LRS endpoint: enough for the works council, without paths or keys. */
function hostOf(endpoint: string) {
  try {
    return new URL(endpoint).host
  } catch {
    return endpoint
  }
}

export async function worksCouncilFacts(
  organisationId: string,
  now = new Date(),
): Promise<WorksCouncilFacts | null> {
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { name: true, slug: true, kind: true },
  })
  if (!organisation) return null
  const byOrg = { organisationId }
  const activeMember = { organisationId, deactivatedAt: null }
  const read = await allNamed({
    active: prisma.membership.count({ where: activeMember }),
    deactivated: prisma.membership.count({ where: { ...byOrg, deactivatedAt: { not: null } } }),
    teams: prisma.team.count({ where: byOrg }),
    roles: prisma.membershipRole.groupBy({
      by: ['role'],
      where: { membership: activeMember },
      _count: { _all: true },
    }),
    evaluations: prisma.evaluation.count({ where: { ...byOrg, calibrationSessionId: null } }),
    coachingSessions: prisma.coachingSession.count({ where: byOrg }),
    kpiWeeks: prisma.kpiWeek.count({ where: byOrg }),
    evidence: prisma.evidence.count({ where: byOrg }),
    records: prisma.completionRecord.count({ where: byOrg }),
    sso: prisma.organisationSso.findUnique({
      where: byOrg,
      select: { issuer: true, jitEnabled: true, jitRole: true, passwordLoginDisabled: true },
    }),
    ssoDomains: prisma.ssoDomain.findMany({ where: byOrg, orderBy: { domain: 'asc' } }),
    scimTokens: prisma.scimToken.findMany({
      where: { ...byOrg, revokedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { name: true, lastUsedAt: true },
    }),
    scimSettings: prisma.scimSettings.findUnique({ where: byOrg }),
    lti: prisma.ltiPlatform.findMany({
      where: { ...byOrg, status: { not: 'disabled' } },
      orderBy: { name: 'asc' },
      select: { name: true, status: true },
    }),
    lrs: prisma.lrsForwarding.findUnique({
      where: byOrg,
      select: { endpoint: true, enabled: true },
    }),
    apiTokens: prisma.apiToken.findMany({
      where: { ...byOrg, revokedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { name: true, scopes: true, lastUsedAt: true },
    }),
    rules: prisma.qualityRule.findMany({
      where: byOrg,
      orderBy: { createdAt: 'asc' },
      select: {
        kind: true,
        dossierSlug: true,
        workProcessCode: true,
        parameters: true,
        enabled: true,
        _count: { select: { firings: true } },
      },
    }),
    retention: prisma.retentionPolicy.findUnique({ where: byOrg }),
    legalHolds: prisma.legalHold.count({ where: { ...byOrg, liftedAt: null } }),
  })

  const byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>
  for (const row of read.roles) if (isRole(row.role)) byRole[row.role] = row._count._all

  const enabledRules = read.rules.filter((r) => r.enabled)
  const titles = await prisma.workProcess.findMany({
    where: {
      code: { in: enabledRules.map((r) => r.workProcessCode) },
      dossier: { slug: { in: enabledRules.map((r) => r.dossierSlug) } },
    },
    // Ordered by version, so the newest dossier's title wins (as on the rules page).
    orderBy: { dossier: { version: 'asc' } },
    select: { code: true, titleNl: true, titleEn: true, dossier: { select: { slug: true } } },
  })
  const titleOf = new Map(titles.map((t) => [`${t.dossier.slug}/${t.code}`, t]))

  return {
    organisation,
    generatedAt: now,
    members: { active: read.active, deactivated: read.deactivated, teams: read.teams, byRole },
    usage: {
      evaluations: read.evaluations,
      coachingSessions: read.coachingSessions,
      kpiWeeks: read.kpiWeeks,
      evidence: read.evidence,
      records: read.records,
    },
    sso: read.sso
      ? {
          issuer: read.sso.issuer,
          domains: read.ssoDomains.map((d) => d.domain),
          createsAccounts: read.sso.jitEnabled,
          newAccountRole: read.sso.jitRole,
          passwordLoginDisabled: read.sso.passwordLoginDisabled,
        }
      : null,
    scim: {
      tokens: read.scimTokens,
      brandAttribute: read.scimSettings?.brandAttribute ?? null,
    },
    lti: read.lti,
    lrs: read.lrs ? { host: hostOf(read.lrs.endpoint), enabled: read.lrs.enabled } : null,
    hrApi: read.apiTokens.map((t) => ({
      name: t.name,
      lastUsedAt: t.lastUsedAt,
      scopes: parseJsonList(t.scopes).filter((s): s is ApiScope =>
        (API_SCOPES as readonly string[]).includes(s),
      ),
    })),
    rules: enabledRules.map((r) => {
      const title = titleOf.get(`${r.dossierSlug}/${r.workProcessCode}`)
      return {
        ...parseRuleParameters(r.kind, r.parameters),
        workProcessCode: r.workProcessCode,
        workProcessTitle: {
          nl: title?.titleNl ?? r.workProcessCode,
          en: title?.titleEn || title?.titleNl || r.workProcessCode,
        },
        firings: r._count.firings,
      }
    }),
    rulesSwitchedOff: read.rules.length - enabledRules.length,
    retention: { ...retentionPeriods(read.retention), ownPolicy: read.retention !== null },
    activeLegalHolds: read.legalHolds,
  }
}

/** The pack of one organisation in one language: its facts, and the document written from them. */
export async function worksCouncilPack(organisationId: string, locale: Locale, now = new Date()) {
  const facts = await worksCouncilFacts(organisationId, now)
  return facts ? { facts, document: worksCouncilDocument(facts, locale) } : null
}
