import { PERMISSIONS, can, isRole, type Permission, type Role } from '#app/auth/roles.ts'
import type { ApiScope } from '#app/employer/api-scopes.ts'
import { translator, type Locale, type TextKey, type Translate } from '#app/i18n/i18n.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { EXPORT_FILES, type ExportFile } from './export-files.ts'
import type { WorksCouncilFacts } from './works-council-pack.server.ts'

/**
 * The works-council pack as a document: sections of paragraphs, lists and label/value pairs,
 * written in one language from the organisation's facts. The page and the PDF both render
 * this, so they say the same thing. Pure: no database, no request.
 */
export type PackBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; items: string[] }
  /** Label/value pairs; `descriptions` when the values are sentences rather than short facts. */
  | { kind: 'facts'; items: Array<{ label: string; value: string }>; descriptions?: true }

export type PackSection = { id: string; heading: string; blocks: PackBlock[] }

export type WorksCouncilDocument = {
  locale: Locale
  title: string
  subtitle: string
  sections: PackSection[]
}

// Keys written out (not built from the value), so a new role, permission or scope without
// its sentence fails the typecheck: the pack never silently leaves one out.
const ROLE_TEXT: Record<Role, TextKey> = {
  learner: 'wc.role.learner',
  team_leader: 'wc.role.team_leader',
  employer_admin: 'wc.role.employer_admin',
  quality_coach: 'wc.role.quality_coach',
  assessor: 'wc.role.assessor',
  trainer: 'wc.role.trainer',
}

const PERMISSION_TEXT: Record<Permission, TextKey> = {
  'learn:courses:own': 'wc.can.learn:courses:own',
  'read:members:org': 'wc.can.read:members:org',
  'manage:members:org': 'wc.can.manage:members:org',
  'manage:teams:org': 'wc.can.manage:teams:org',
  'read:progress:org': 'wc.can.read:progress:org',
  'read:progress:team': 'wc.can.read:progress:team',
  'author:courses:org': 'wc.can.author:courses:org',
  'assess:evidence:org': 'wc.can.assess:evidence:org',
  'evaluate:contacts:org': 'wc.can.evaluate:contacts:org',
  'evaluate:contacts:team': 'wc.can.evaluate:contacts:team',
  'read:evaluations:org': 'wc.can.read:evaluations:org',
  'calibrate:org': 'wc.can.calibrate:org',
  'manage:quality:org': 'wc.can.manage:quality:org',
}

const SCOPE_TEXT: Record<ApiScope, TextKey> = {
  'progress:read': 'wc.scope.progress:read',
  'records:read': 'wc.scope.records:read',
  'quality:read': 'wc.scope.quality:read',
}

/** In ROLE_TEXT's order: learners first, the people the works council speaks for. */
const ROLE_ORDER = Object.keys(ROLE_TEXT) as Role[]

export function worksCouncilDocument(
  facts: WorksCouncilFacts,
  locale: Locale,
): WorksCouncilDocument {
  const t = translator(locale)
  const organisation = facts.organisation.name
  const date = (value: Date) => formatAmsterdam(value, locale)
  const count = (n: number) => n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')
  const p = (text: string): PackBlock => ({ kind: 'paragraph', text })
  const lastUsed = (at: Date | null) =>
    at ? t('wc.lastUsed', { date: date(at) }) : t('wc.neverUsed')

  const about: PackSection = {
    id: 'about',
    heading: t('wc.about.heading'),
    blocks: [
      p(t('wc.about.purpose', { organisation })),
      p(t('wc.about.generated', { organisation, date: date(facts.generatedAt) })),
      {
        kind: 'facts',
        items: [
          { label: t('wc.about.members'), value: count(facts.members.active) },
          { label: t('wc.about.deactivated'), value: count(facts.members.deactivated) },
          { label: t('wc.about.teams'), value: count(facts.members.teams) },
        ],
      },
    ],
  }

  const { usage } = facts
  const recorded: PackSection = {
    id: 'recorded',
    heading: t('wc.recorded.heading'),
    blocks: [
      p(t('wc.recorded.intro', { organisation })),
      {
        kind: 'list',
        items: [
          t('wc.recorded.account'),
          t('wc.recorded.learning'),
          t('wc.recorded.ladder'),
          t('wc.recorded.evidence', {
            evidence: count(usage.evidence),
            records: count(usage.records),
          }),
          t('wc.recorded.quality', { count: count(usage.evaluations) }),
          t('wc.recorded.coaching', { count: count(usage.coachingSessions) }),
          t('wc.recorded.kpi', { count: count(usage.kpiWeeks) }),
          t('wc.recorded.assignments'),
          t('wc.recorded.logs'),
        ],
      },
      p(t('wc.recorded.notRecorded')),
      p(t('wc.recorded.appendix')),
    ],
  }

  const roles: PackSection = {
    id: 'roles',
    heading: t('wc.roles.heading'),
    blocks: [
      p(t('wc.roles.intro', { organisation })),
      ...ROLE_ORDER.flatMap((role): PackBlock[] => {
        const holders = facts.members.byRole[role]
        return [
          {
            kind: 'subheading',
            text: t('wc.roles.holders', { role: t(ROLE_TEXT[role]), count: holders }),
          },
          ...(holders === 0 ? [p(t('wc.roles.nobody', { organisation }))] : []),
          {
            kind: 'list',
            items: PERMISSIONS.filter((permission) => can([role], permission)).map((permission) =>
              t(PERMISSION_TEXT[permission]),
            ),
          },
        ]
      }),
      p(t('wc.roles.platform')),
    ],
  }

  const rules: PackSection = {
    id: 'rules',
    heading: t('wc.rules.heading'),
    blocks:
      facts.rules.length === 0
        ? [p(t('wc.rules.none'))]
        : [
            p(t('wc.rules.intro')),
            ...facts.rules.flatMap((rule): PackBlock[] => [
              {
                kind: 'subheading',
                text: t('wc.rules.ruleHeading', {
                  code: rule.workProcessCode,
                  title: rule.workProcessTitle[locale],
                  kind: t(
                    rule.kind === 'assign_lesson'
                      ? 'wc.rules.kind.assign_lesson'
                      : 'wc.rules.kind.demonstrated',
                  ),
                }),
              },
              p(
                rule.kind === 'assign_lesson'
                  ? t('wc.rules.assign_lesson', rule.parameters)
                  : t('wc.rules.demonstrated', rule.parameters),
              ),
              p(
                rule.firings > 0
                  ? t('wc.rules.firings', { count: rule.firings })
                  : t('wc.rules.neverFired'),
              ),
            ]),
            p(t('wc.rules.when')),
            p(t('wc.rules.limits')),
          ],
  }
  if (facts.rulesSwitchedOff > 0)
    rules.blocks.push(p(t('wc.rules.switchedOff', { count: facts.rulesSwitchedOff })))

  const { sso, scim, lrs } = facts
  const integrations: PackSection = {
    id: 'integrations',
    heading: t('wc.integrations.heading'),
    blocks: [
      p(t('wc.integrations.intro', { organisation })),
      { kind: 'subheading', text: t('wc.sso.title') },
      ...(sso
        ? [
            p(
              sso.domains.length > 0
                ? t('wc.sso.on', { domains: sso.domains.join(', '), issuer: sso.issuer })
                : t('wc.sso.noDomains', { issuer: sso.issuer }),
            ),
            p(
              sso.createsAccounts
                ? t('wc.sso.createsAccounts', { role: roleName(t, sso.newAccountRole) })
                : t('wc.sso.invitedOnly'),
            ),
            ...(sso.passwordLoginDisabled ? [p(t('wc.sso.passwordOff'))] : []),
          ]
        : [p(t('wc.sso.off'))]),
      { kind: 'subheading', text: t('wc.scim.title') },
      ...(scim.tokens.length > 0
        ? [
            p(
              t('wc.scim.on', {
                tokens: scim.tokens.map((s) => `${s.name}, ${lastUsed(s.lastUsedAt)}`).join('; '),
              }),
            ),
            ...(scim.brandAttribute
              ? [p(t('wc.scim.brand', { attribute: scim.brandAttribute }))]
              : []),
          ]
        : [p(t('wc.scim.off'))]),
      { kind: 'subheading', text: t('wc.lti.title') },
      p(
        facts.lti.length > 0
          ? t('wc.lti.on', {
              platforms: facts.lti
                .map((l) =>
                  l.status === 'pending' ? t('wc.lti.pending', { name: l.name }) : l.name,
                )
                .join(', '),
            })
          : t('wc.lti.off'),
      ),
      { kind: 'subheading', text: t('wc.lrs.title') },
      p(
        !lrs
          ? t('wc.lrs.off')
          : lrs.enabled
            ? t('wc.lrs.on', { host: lrs.host })
            : t('wc.lrs.paused', { host: lrs.host }),
      ),
      { kind: 'subheading', text: t('wc.hrApi.title') },
      ...(facts.hrApi.length > 0
        ? [
            p(t('wc.hrApi.on')),
            {
              kind: 'list' as const,
              items: facts.hrApi.map((token) =>
                t('wc.hrApi.token', {
                  name: token.name,
                  scopes:
                    token.scopes.map((s) => t(SCOPE_TEXT[s])).join(', ') || t('wc.hrApi.nothing'),
                  lastUsed: lastUsed(token.lastUsedAt),
                }),
              ),
            },
          ]
        : [p(t('wc.hrApi.off'))]),
    ],
  }

  const { retention } = facts
  const months = (n: number) => t('wc.retention.months', { count: n })
  const afterRecorded = (n: number) => t('wc.retention.afterRecorded', { months: months(n) })
  const retentionSection: PackSection = {
    id: 'retention',
    heading: t('wc.retention.heading'),
    blocks: [
      p(t(retention.ownPolicy ? 'wc.retention.own' : 'wc.retention.default', { organisation })),
      {
        kind: 'facts',
        items: [
          {
            label: t('wc.retention.examEvidence'),
            value: t('wc.retention.afterQualification', {
              months: months(retention.examEvidenceMonths),
            }),
          },
          {
            label: t('wc.retention.learningEvents'),
            value: afterRecorded(retention.learningEventMonths),
          },
          {
            label: t('wc.retention.evaluations'),
            value: afterRecorded(retention.evaluationMonths),
          },
          { label: t('wc.retention.kpis'), value: afterRecorded(retention.kpiMonths) },
        ],
      },
      p(t('wc.retention.job')),
      p(
        facts.activeLegalHolds > 0
          ? t('wc.retention.holds', { count: facts.activeLegalHolds })
          : t('wc.retention.noHolds'),
      ),
    ],
  }

  const rights: PackSection = {
    id: 'rights',
    heading: t('wc.rights.heading'),
    blocks: [
      {
        kind: 'list',
        items: [
          t('wc.rights.download'),
          t('wc.rights.accessLog'),
          t('wc.rights.erasure'),
          t('wc.rights.dispute'),
        ],
      },
      p(t('wc.rights.contact', { organisation })),
    ],
  }

  const appendix: PackSection = {
    id: 'appendix',
    heading: t('wc.appendix.heading'),
    blocks: [
      p(t('wc.appendix.intro')),
      {
        kind: 'facts',
        descriptions: true,
        items: (Object.keys(EXPORT_FILES) as ExportFile[]).map((file) => ({
          label: file,
          value: EXPORT_FILES[file][locale],
        })),
      },
    ],
  }

  return {
    locale,
    title: t('wc.title'),
    subtitle: t('wc.subtitle', { organisation, date: date(facts.generatedAt) }),
    sections: [about, recorded, roles, rules, integrations, retentionSection, rights, appendix],
  }
}

/** A role stored as text (the SSO's role for new accounts) in the pack's words. */
function roleName(t: Translate, role: string) {
  return isRole(role) ? t(ROLE_TEXT[role]) : role
}
