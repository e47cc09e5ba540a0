import {
  admitBearerToken,
  bearerTokenHash,
  newBearerToken,
  revokeBearerToken,
  storeBearerToken,
} from '#app/auth/bearer-tokens.server.ts'
import { prisma } from '#app/db.server.ts'
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
  const token = newBearerToken('lp_')
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
  await storeBearerToken({
    kind: 'api-token',
    organisationId: input.organisationId,
    actorId: input.actorId,
    token: input.token,
    detail: { name: input.name, scopes: input.scopes },
    create: (tx, tokenHash) =>
      tx.apiToken.create({
        data: {
          organisationId: input.organisationId,
          name: input.name,
          tokenHash,
          scopes: toJsonList(input.scopes),
          createdById: input.actorId,
        },
        select: { id: true },
      }),
  })
}

export async function revokeApiToken(organisationId: string, id: string, actorId: string) {
  return revokeBearerToken({
    kind: 'api-token',
    organisationId,
    id,
    actorId,
    revoke: (tx, now) =>
      tx.apiToken.updateMany({
        where: { id, organisationId, revokedAt: null },
        data: { revokedAt: now },
      }),
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
): Promise<StaffScope & { apiTokenName: string }> {
  const tokenHash = bearerTokenHash(request, /^Bearer (lp_[a-z2-7]+)$/)
  if (!tokenHash) throw problem(401, 'A bearer token is required', { 'WWW-Authenticate': 'Bearer' })
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      name: true,
      scopes: true,
      revokedAt: true,
      organisation: { select: { id: true, slug: true, name: true, kind: true } },
    },
  })
  if (!token || token.revokedAt)
    throw problem(401, 'Unknown or revoked token', { 'WWW-Authenticate': 'Bearer' })
  if (token.organisation.slug !== orgSlug) throw problem(404, 'Not found')
  if (!parseJsonList(token.scopes).includes(needed)) throw problem(403, `Scope ${needed} required`)
  await admitBearerToken({
    key: `api:${token.id}`,
    max: API_RATE_LIMIT,
    tooMany: (wait) => problem(429, 'Too many requests', { 'Retry-After': String(wait) }),
    markUsed: (now) =>
      prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } }),
  })
  return {
    organisationId: token.organisation.id,
    organisationSlug: token.organisation.slug,
    organisationName: token.organisation.name,
    organisationKind: token.organisation.kind,
    teamIds: null,
    // The access log names the token (via api:<name>): it is what the org admin recognises.
    apiTokenName: token.name,
  }
}
