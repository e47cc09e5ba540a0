import { generateToken, hashToken } from '#app/auth/tokens.server.ts'
import { hit, retryAfter } from '#app/auth/rate-limit.server.ts'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { parseJsonList, toJsonList } from '#app/utils/json-list.ts'
import { API_RATE_LIMIT, type ApiScope } from './api-scopes.ts'
import type { StaffScope } from './staff-scope.server.ts'

/** A new token; the plain value is returned once and never stored (only its SHA-256). */
export async function createApiToken(input: {
  organisationId: string
  name: string
  scopes: ApiScope[]
  actorId: string
}) {
  const token = `lp_${generateToken()}`
  await storeApiToken({ ...input, token })
  return token
}

/** Store a known token (the demo's); createApiToken is the normal way. */
export async function storeApiToken(input: {
  organisationId: string
  name: string
  scopes: ApiScope[]
  actorId: string
  token: string
}) {
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        organisationId: input.organisationId,
        name: input.name,
        tokenHash: hashToken(input.token),
        scopes: toJsonList(input.scopes),
        createdById: input.actorId,
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: input.actorId,
      organisationId: input.organisationId,
      action: 'api-token.created',
      subjectType: 'api-token',
      subjectId: row.id,
      detail: { name: input.name, scopes: input.scopes },
    })
  })
}

export async function revokeApiToken(organisationId: string, id: string, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, organisationId, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    if (count)
      await audit(tx, {
        actorId,
        organisationId,
        action: 'api-token.revoked',
        subjectType: 'api-token',
        subjectId: id,
      })
    return count > 0
  })
}

export async function listApiTokens(organisationId: string) {
  const tokens = await prisma.apiToken.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  })
  return tokens.map((token) => ({ ...token, scopes: parseJsonList(token.scopes) }))
}

const problem = (status: number, title: string, headers: Record<string, string> = {}) =>
  Response.json(
    { type: 'about:blank', title, status },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  )

/**
 * The organisation an API request may read, from its bearer token. A token answers for its
 * own organisation only: another organisation's path is 404, as for a missing one; a missing
 * scope is 403; more than API_RATE_LIMIT requests a minute is 429 with Retry-After.
 */
export async function requireApiScope(
  request: Request,
  orgSlug: string,
  needed: ApiScope,
): Promise<StaffScope> {
  const header = request.headers.get('Authorization') ?? ''
  const match = /^Bearer (lp_[a-z2-7]+)$/.exec(header)
  if (!match) throw problem(401, 'A bearer token is required', { 'WWW-Authenticate': 'Bearer' })
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: {
      id: true,
      scopes: true,
      revokedAt: true,
      organisation: { select: { id: true, slug: true, name: true, kind: true } },
    },
  })
  if (!token || token.revokedAt)
    throw problem(401, 'Unknown or revoked token', { 'WWW-Authenticate': 'Bearer' })
  if (token.organisation.slug !== orgSlug) throw problem(404, 'Not found')
  if (!parseJsonList(token.scopes).includes(needed)) throw problem(403, `Scope ${needed} required`)
  const limit = { key: `api:${token.id}`, max: API_RATE_LIMIT, windowMs: 60_000 }
  const wait = await retryAfter(limit)
  if (wait !== null) throw problem(429, 'Too many requests', { 'Retry-After': String(wait) })
  await hit(limit)
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } })
  return {
    organisationId: token.organisation.id,
    organisationSlug: token.organisation.slug,
    organisationName: token.organisation.name,
    organisationKind: token.organisation.kind,
    teamIds: null,
  }
}
