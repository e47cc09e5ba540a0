import { generateToken, hashToken } from '#app/auth/tokens.server.ts'
import { hit, retryAfter } from '#app/auth/rate-limit.server.ts'
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
  const token = `${SCIM_TOKEN_PREFIX}${generateToken()}`
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
  await prisma.$transaction(async (tx) => {
    const row = await tx.scimToken.create({
      data: {
        organisationId: input.organisationId,
        name: input.name,
        tokenHash: hashToken(input.token),
        createdById: input.actorId,
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: input.actorId,
      organisationId: input.organisationId,
      action: 'scim-token.created',
      subjectType: 'scim-token',
      subjectId: row.id,
      detail: { name: input.name },
    })
  })
}

export async function revokeScimToken(organisationId: string, id: string, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.scimToken.updateMany({
      where: { id, organisationId, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    if (count)
      await audit(tx, {
        actorId,
        organisationId,
        action: 'scim-token.revoked',
        subjectType: 'scim-token',
        subjectId: id,
      })
    return count > 0
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
  const header = request.headers.get('Authorization') ?? ''
  const match = /^Bearer\s+(scim_[a-z2-7]+)$/i.exec(header.trim())
  if (!match) throw unauthorized('A SCIM bearer token is required')
  const token = await prisma.scimToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, name: true, organisationId: true, revokedAt: true, lastUsedAt: true },
  })
  if (!token || token.revokedAt) throw unauthorized('Unknown or revoked token')
  const limit = { key: `scim:${token.id}`, max: SCIM_RATE_LIMIT, windowMs: 60_000 }
  const wait = await retryAfter(limit)
  if (wait !== null)
    throw new ScimError(429, 'Too many requests').toResponse({ 'Retry-After': String(wait) })
  await hit(limit)
  const now = new Date()
  const burstStarts =
    !token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > SCIM_USE_AUDIT_GAP_MS
  await prisma.$transaction(async (tx) => {
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
  return { organisationId: token.organisationId, tokenId: token.id, tokenName: token.name }
}
