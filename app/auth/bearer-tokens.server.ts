import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { hit, retryAfter } from './rate-limit.server.ts'
import { generateToken, hashToken } from './tokens.server.ts'

/**
 * The mechanics the HR API's and SCIM's bearer tokens share: a token is shown once, only its
 * SHA-256 is stored, revoking it is audited, and each request is rate-limited per token and
 * marks it used. Each caller keeps its own model, scopes and error shape.
 */
export type BearerTokenKind = 'api-token' | 'scim-token'

/** A new token, `<prefix><160 random bits, base32>`; the plain value is never stored. */
export function newBearerToken(prefix: string) {
  return `${prefix}${generateToken()}`
}

/** Store a token's hash with `create`, audited as `<kind>.created` in the same transaction. */
export async function storeBearerToken(input: {
  kind: BearerTokenKind
  organisationId: string
  actorId: string
  token: string
  detail: Record<string, unknown>
  create: (tx: Tx, tokenHash: string) => Promise<{ id: string }>
}) {
  await prisma.$transaction(async (tx) => {
    const row = await input.create(tx, hashToken(input.token))
    await audit(tx, {
      actorId: input.actorId,
      organisationId: input.organisationId,
      action: `${input.kind}.created`,
      subjectType: input.kind,
      subjectId: row.id,
      detail: input.detail,
    })
  })
}

/**
 * Revoke one of an organisation's tokens with `revoke` (which counts the rows it changed),
 * audited as `<kind>.revoked`; false when there was no such unrevoked token.
 */
export async function revokeBearerToken(input: {
  kind: BearerTokenKind
  organisationId: string
  id: string
  actorId: string
  revoke: (tx: Tx, now: Date) => Promise<{ count: number }>
}) {
  return prisma.$transaction(async (tx) => {
    const { count } = await input.revoke(tx, new Date())
    if (count)
      await audit(tx, {
        actorId: input.actorId,
        organisationId: input.organisationId,
        action: `${input.kind}.revoked`,
        subjectType: input.kind,
        subjectId: input.id,
      })
    return count > 0
  })
}

/**
 * The hash of the request's bearer token, when its Authorization header matches `pattern`
 * (whose first group is the token); otherwise null.
 */
export function bearerTokenHash(request: Request, pattern: RegExp): string | null {
  const match = pattern.exec(request.headers.get('Authorization') ?? '')
  return match ? hashToken(match[1]!) : null
}

/**
 * Admit one request of a known token: past `max` requests a minute, throw what `tooMany`
 * makes of the seconds to wait; otherwise count it and mark the token used (`markUsed`).
 */
export async function admitBearerToken(input: {
  key: string
  max: number
  tooMany: (retryAfterSeconds: number) => Response
  markUsed: (now: Date) => Promise<unknown>
}) {
  const limit = { key: input.key, max: input.max, windowMs: 60_000 }
  const wait = await retryAfter(limit)
  if (wait !== null) throw input.tooMany(wait)
  await hit(limit)
  await input.markUsed(new Date())
}
