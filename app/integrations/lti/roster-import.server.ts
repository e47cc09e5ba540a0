import { z } from 'zod'
import { prisma, type Tx } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { generateToken } from '#app/auth/tokens.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { addMember } from '#app/domain/organisations.server.ts'
import { roleForLtiRoles, SCOPE } from './claims.ts'
import { placeholderEmail } from './lti-people.server.ts'
import { LtiServiceError, platformRequest } from './platform-http.server.ts'
import { serviceToken } from './service-token.server.ts'

/**
 * Names and Role Provisioning Services: an org admin imports a platform course's roster as
 * members of their organisation. The whole roster is fetched first (all pages), then written
 * in one transaction: a platform that fails halfway leaves nothing behind. People are matched
 * by the platform's user id, else by e-mail among this organisation's own members (the
 * admin's explicit import confirms that match); never to an account outside it.
 */
const MEMBERSHIP_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json'
const MAX_PAGES = 40
const MAX_MEMBERS = 2000

const Member = z.object({
  user_id: z.string().min(1).max(255),
  status: z.enum(['Active', 'Inactive', 'Deleted']).default('Active'),
  name: z.string().max(200).nullish(),
  given_name: z.string().max(100).nullish(),
  family_name: z.string().max(100).nullish(),
  email: z.string().max(254).nullish(),
  roles: z.array(z.string().max(300)).max(50).default([]),
})
type Member = z.infer<typeof Member>
const Container = z.object({ members: z.array(z.unknown()).max(MAX_MEMBERS) })

export type RosterRefusal = 'not-found' | 'no-roster-service' | 'platform-inactive' | 'too-large'

/** An import that cannot start, or a roster too large to import at once. */
export class RosterImportError extends Error {
  constructor(readonly reason: RosterRefusal) {
    super(`roster import refused: ${reason}`)
    this.name = 'RosterImportError'
  }
}

export type RosterImportCounts = {
  /** New accounts made for platform people. */
  created: number
  /** Existing members of the organisation now linked to their platform account, or given
   *  the role or team the roster implies. */
  linked: number
  unchanged: number
  /** Not active in the platform course. */
  skippedInactive: number
  /** Deactivated here by an admin: the roster does not bring them back. */
  skippedDeactivated: number
}

/**
 * Import the roster of one of the organisation's platform courses (`LtiContext.id`). Throws
 * RosterImportError, or LtiServiceError when the platform is unreachable or refuses.
 */
export async function importRoster(input: {
  organisationId: string
  contextId: string
  intoTeam: boolean
  actorId: string
}): Promise<RosterImportCounts> {
  const context = await prisma.ltiContext.findFirst({
    where: { id: input.contextId, platform: { organisationId: input.organisationId } },
    select: {
      id: true,
      title: true,
      membershipsUrl: true,
      platform: {
        select: { id: true, clientId: true, authTokenUrl: true, status: true },
      },
    },
  })
  if (!context) throw new RosterImportError('not-found')
  if (!context.membershipsUrl) throw new RosterImportError('no-roster-service')
  if (context.platform.status !== 'active') throw new RosterImportError('platform-inactive')

  const members = await fetchRoster(context.platform, context.membershipsUrl)
  const active = members.filter((m) => m.status === 'Active')
  const platformId = context.platform.id
  // Passwords nobody knows for the people who may need an account, hashed before the
  // transaction so it stays short.
  const known = new Set(
    (
      await prisma.ltiUser.findMany({
        where: { platformId, subject: { in: active.map((m) => m.user_id) } },
        select: { subject: true },
      })
    ).map((u) => u.subject),
  )
  const passwordHashes = new Map<string, string>()
  for (const member of active) {
    if (!known.has(member.user_id)) {
      passwordHashes.set(member.user_id, await hashPassword(generateToken()))
    }
  }

  return prisma.$transaction(
    async (tx) => {
      const counts: RosterImportCounts = {
        created: 0,
        linked: 0,
        unchanged: 0,
        skippedInactive: members.length - active.length,
        skippedDeactivated: 0,
      }
      const teamName = context.title.trim().slice(0, 100) || 'LTI'
      const team = input.intoTeam
        ? await tx.team.upsert({
            where: {
              organisationId_name: { organisationId: input.organisationId, name: teamName },
            },
            create: { organisationId: input.organisationId, name: teamName },
            update: {},
            select: { id: true },
          })
        : null
      for (const member of active) {
        const outcome = await importMember(tx, {
          organisationId: input.organisationId,
          platformId,
          member,
          teamId: team?.id ?? null,
          passwordHash: passwordHashes.get(member.user_id),
        })
        counts[outcome] += 1
      }
      await tx.ltiContext.update({
        where: { id: context.id },
        data: { lastRosterImportAt: new Date() },
      })
      await audit(tx, {
        actorId: input.actorId,
        organisationId: input.organisationId,
        action: 'lti.roster-imported',
        subjectType: 'lti-context',
        subjectId: context.id,
        detail: { ...counts, team: team ? teamName : null },
      })
      return counts
    },
    { timeout: 60_000, maxWait: 20_000 },
  )
}

type MemberOutcome = 'created' | 'linked' | 'unchanged' | 'skippedDeactivated'

async function importMember(
  tx: Tx,
  input: {
    organisationId: string
    platformId: string
    member: Member
    teamId: string | null
    passwordHash: string | undefined
  },
): Promise<MemberOutcome> {
  const { organisationId, platformId, member, teamId } = input
  const role = roleForLtiRoles(member.roles)
  const email = rosterEmail(member.email)
  const ltiUser = await tx.ltiUser.findUnique({
    where: { platformId_subject: { platformId, subject: member.user_id } },
    select: { userId: true },
  })
  let userId = ltiUser?.userId ?? null
  if (!userId && email) {
    // Only an account that is a member of this organisation is matched by e-mail (a launch
    // never matches by e-mail; the admin's explicit import confirms this match).
    const sameEmail = await tx.membership.findFirst({
      where: { organisationId, user: { email } },
      select: { userId: true },
    })
    userId = sameEmail?.userId ?? null
  }
  let created = false
  if (!userId) {
    const taken = email ? (await tx.user.count({ where: { email } })) > 0 : true
    const user = await tx.user.create({
      data: {
        email: taken ? placeholderEmail(platformId, member.user_id) : email!,
        name: displayName(member),
        passwordHash: input.passwordHash ?? (await hashPassword(generateToken())),
      },
      select: { id: true },
    })
    userId = user.id
    created = true
  }
  const membership = await tx.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
    select: {
      deactivatedAt: true,
      roles: { select: { role: true } },
      teams: { select: { teamId: true } },
    },
  })
  if (membership?.deactivatedAt) return 'skippedDeactivated'
  const complete =
    membership &&
    membership.roles.some((r) => r.role === role) &&
    (!teamId || membership.teams.some((t) => t.teamId === teamId))
  if (!complete) {
    await addMember(tx, { organisationId, userId, roles: [role], teamIds: teamId ? [teamId] : [] })
  }
  if (!ltiUser) {
    await tx.ltiUser.create({ data: { platformId, subject: member.user_id, userId } })
  }
  if (created) return 'created'
  return ltiUser && complete ? 'unchanged' : 'linked'
}

async function fetchRoster(
  platform: { id: string; clientId: string; authTokenUrl: string },
  membershipsUrl: string,
): Promise<Member[]> {
  const token = await serviceToken(platform, [SCOPE.contextMembership])
  if (!token.scopes.includes(SCOPE.contextMembership)) {
    throw new LtiServiceError('refused', 'the platform did not grant the roster scope')
  }
  const origin = new URL(membershipsUrl).origin
  const members = new Map<string, Member>()
  let next: string | null = membershipsUrl
  for (let page = 0; next; page += 1) {
    if (page >= MAX_PAGES) throw new RosterImportError('too-large')
    // Paging links are followed on the roster's own host only.
    if (new URL(next).origin !== origin) {
      throw new LtiServiceError('invalid-response', 'the roster pages to another host')
    }
    const answer = await platformRequest(next, {
      headers: { Authorization: `Bearer ${token.token}`, Accept: MEMBERSHIP_MEDIA_TYPE },
      maxBytes: 4_000_000,
    })
    if (answer.status < 200 || answer.status > 299) {
      throw new LtiServiceError(
        answer.status >= 500 ? 'unreachable' : 'refused',
        `the roster was refused (${answer.status})`,
        answer.status,
      )
    }
    for (const member of parsePage(answer.body)) members.set(member.user_id, member)
    if (members.size > MAX_MEMBERS) throw new RosterImportError('too-large')
    next = nextLink(answer.headers.get('Link'))
  }
  return [...members.values()]
}

function parsePage(body: string): Member[] {
  let container: z.infer<typeof Container>
  try {
    container = Container.parse(JSON.parse(body))
  } catch {
    throw new LtiServiceError('invalid-response', 'the roster is not a membership container')
  }
  // A malformed member is left out rather than failing the whole roster.
  return container.members.flatMap((raw) => {
    const member = Member.safeParse(raw)
    return member.success ? [member.data] : []
  })
}

/** The `rel="next"` target of a Link header (RFC 8288), or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part)
    if (match && /\brel="?next"?/i.test(match[2]!)) return match[1]!
  }
  return null
}

const EmailSchema = z.string().trim().toLowerCase().email().max(254)

function rosterEmail(email: string | null | undefined) {
  const parsed = EmailSchema.safeParse(email ?? '')
  return parsed.success ? parsed.data : null
}

function displayName(member: Member) {
  const name =
    member.name?.trim() || [member.given_name, member.family_name].filter(Boolean).join(' ').trim()
  return name.slice(0, 200) || member.user_id.slice(0, 200)
}
