import {
  admitBearerToken,
  bearerTokenHash,
  newBearerToken,
  revokeBearerToken,
  storeBearerToken,
} from '#app/auth/bearer-tokens.server.ts'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { ScimError } from './errors.ts'

/**
 * The bearer tokens an identity system provisions one organisation with, kept like the HR
 * API's: shown once, only the SHA-256 stored, revocable, rate-limited per token.
 */
export const SCIM_TOKEN_PREFIX = 'scim_'
/** A brake on a runaway client, far above Entra's pace (a few requests a second). */
export const SCIM_RATE_LIMIT = 10_000
/** Token use is audited once per burst: the first request after this much quiet. */
export const SCIM_USE_AUDIT_GAP_MS = 15 * 60_000

/** What a SCIM request acts for: the organisation its token belongs to. */
export type ScimClient = { organisationId: string; tokenId: string; tokenName: string }

export async function createScimToken(input: {
  organisationId: string
  name: string
  actorId: string
}) {
  const token = newBearerToken(SCIM_TOKEN_PREFIX)
  await storeScimToken({ ...input, token })
  return token
}

/** Store a known token (the demo's); createScimToken is the normal way. */
export async function storeScimToken(input: {
  organisationId: string
  name: string
  actorId: string
  token: string
}) {
  await storeBearerToken({
    kind: 'scim-token',
    organisationId: input.organisationId,
    actorId: input.actorId,
    token: input.token,
    detail: { name: input.name },
    create: (tx, tokenHash) =>
      tx.scimToken.create({
        data: {
          organisationId: input.organisationId,
          name: input.name,
          tokenHash,
          createdById: input.actorId,
        },
        select: { id: true },
      }),
  })
}

export async function revokeScimToken(organisationId: string, id: string, actorId: string) {
  return revokeBearerToken({
    kind: 'scim-token',
    organisationId,
    id,
    actorId,
    revoke: (tx, now) =>
      tx.scimToken.updateMany({
        where: { id, organisationId, revokedAt: null },
        data: { revokedAt: now },
      }),
  })
}

export function listScimTokens(organisationId: string) {
  return prisma.scimToken.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  })
}

const unauthorized = (detail: string) =>
  new ScimError(401, detail).toResponse({ 'WWW-Authenticate': 'Bearer realm="scim"' })

/**
 * The organisation a SCIM request acts for, from its bearer token: missing, unknown or
 * revoked is 401, too many requests a minute is 429. Ids of other organisations' resources
 * are then simply not found (404), since every query is scoped to this organisation.
 */
export async function authenticateScim(request: Request): Promise<ScimClient> {
  // Surrounding whitespace is tolerated, as trim() would (\s is the same set).
  const tokenHash = bearerTokenHash(request, /^\s*Bearer\s+(scim_[a-z2-7]+)\s*$/i)
  if (!tokenHash) throw unauthorized('A SCIM bearer token is required')
  const token = await prisma.scimToken.findUnique({
    where: { tokenHash },
    select: { id: true, name: true, organisationId: true, revokedAt: true, lastUsedAt: true },
  })
  if (!token || token.revokedAt) throw unauthorized('Unknown or revoked token')
  await admitBearerToken({
    key: `scim:${token.id}`,
    max: SCIM_RATE_LIMIT,
    tooMany: (wait) =>
      new ScimError(429, 'Too many requests').toResponse({ 'Retry-After': String(wait) }),
    markUsed: (now) => {
      const burstStarts =
        !token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > SCIM_USE_AUDIT_GAP_MS
      return prisma.$transaction(async (tx) => {
        await tx.scimToken.update({ where: { id: token.id }, data: { lastUsedAt: now } })
        if (burstStarts)
          await audit(tx, {
            actorId: null,
            organisationId: token.organisationId,
            action: 'scim-token.used',
            subjectType: 'scim-token',
            subjectId: token.id,
            detail: { via: token.name },
          })
      })
    },
  })
  return { organisationId: token.organisationId, tokenId: token.id, tokenName: token.name }
}
