import { createHash } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { XapiError } from './http.server.ts'

/**
 * The State, Activity Profile and Agent Profile resources: small documents keyed by kind,
 * agent, activity, registration and id, one row each (scopeKey), with a SHA-1 ETag for the
 * xAPI concurrency rules.
 */
export type DocumentKind = 'state' | 'activity-profile' | 'agent-profile'

export type DocumentScope = {
  kind: DocumentKind
  userId: string | null
  activityId: string | null
  registration: string | null
}

export const etagOf = (content: Uint8Array) => createHash('sha1').update(content).digest('hex')

const scopeKeyOf = (scope: DocumentScope, documentId: string) =>
  createHash('sha256')
    .update(
      JSON.stringify([scope.kind, scope.userId, scope.activityId, scope.registration, documentId]),
    )
    .digest('hex')

const inScope = (scope: DocumentScope) => ({
  kind: scope.kind,
  userId: scope.userId,
  activityId: scope.activityId,
  registration: scope.registration,
})

export async function getDocument(scope: DocumentScope, documentId: string) {
  return prisma.xapiDocument.findUnique({
    where: { scopeKey: scopeKeyOf(scope, documentId) },
    select: { content: true, contentType: true, etag: true, updatedAt: true },
  })
}

export async function documentIds(scope: DocumentScope, since?: Date) {
  const rows = await prisma.xapiDocument.findMany({
    where: { ...inScope(scope), ...(since ? { updatedAt: { gt: since } } : {}) },
    orderBy: { documentId: 'asc' },
    select: { documentId: true },
  })
  return rows.map((r) => r.documentId)
}

export type Preconditions = { ifMatch: string | null; ifNoneMatch: string | null }

const unquote = (tag: string) =>
  tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')

/** xAPI concurrency: 412 when If-Match / If-None-Match do not hold for what we hold. */
function checkPreconditions(held: { etag: string } | null, pre: Preconditions) {
  if (pre.ifMatch !== null) {
    const tags = pre.ifMatch.split(',').map(unquote)
    if (!held || !(tags.includes('*') || tags.includes(held.etag)))
      throw new XapiError(412, 'If-Match does not match the document')
  }
  if (pre.ifNoneMatch !== null) {
    const tags = pre.ifNoneMatch.split(',').map(unquote)
    if (held && (tags.includes('*') || tags.includes(held.etag)))
      throw new XapiError(412, 'If-None-Match: the document exists')
  }
}

const isJson = (type: string) => type.toLowerCase().startsWith('application/json')

function parseObject(content: Uint8Array, what: string) {
  try {
    const value = JSON.parse(new TextDecoder().decode(content)) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // falls through to the 400
  }
  throw new XapiError(400, `${what} is not a JSON object`)
}

/**
 * PUT replaces, POST merges JSON objects (top-level keys, as xAPI says). A profile PUT
 * without If-Match/If-None-Match on an existing document is a lost update waiting to
 * happen: 409. State may be written without them.
 */
export async function writeDocument(
  scope: DocumentScope,
  documentId: string,
  input: { method: 'PUT' | 'POST'; contentType: string; content: Uint8Array },
  pre: Preconditions,
) {
  const scopeKey = scopeKeyOf(scope, documentId)
  await prisma.$transaction(async (tx) => {
    const held = await tx.xapiDocument.findUnique({
      where: { scopeKey },
      select: { etag: true, content: true, contentType: true },
    })
    checkPreconditions(held, pre)
    if (
      input.method === 'PUT' &&
      scope.kind !== 'state' &&
      held &&
      pre.ifMatch === null &&
      pre.ifNoneMatch === null
    )
      throw new XapiError(409, 'Use If-Match or If-None-Match to change an existing profile')
    let { content, contentType } = input
    if (input.method === 'POST' && held) {
      if (!isJson(held.contentType) || !isJson(input.contentType))
        throw new XapiError(400, 'POST merges JSON documents only')
      const merged = {
        ...parseObject(held.content, 'The stored document'),
        ...parseObject(input.content, 'The body'),
      }
      content = new TextEncoder().encode(JSON.stringify(merged))
      contentType = 'application/json'
    } else if (input.method === 'POST' && isJson(input.contentType)) {
      parseObject(input.content, 'The body')
    }
    const data = {
      contentType,
      content: Buffer.from(content),
      etag: etagOf(content),
    }
    await tx.xapiDocument.upsert({
      where: { scopeKey },
      create: { scopeKey, ...inScope(scope), documentId, ...data },
      update: data,
    })
  })
}

/** Delete one document, or (state without stateId) all of the scope. */
export async function deleteDocuments(
  scope: DocumentScope,
  documentId: string | null,
  pre: Preconditions,
) {
  if (documentId === null) {
    await prisma.xapiDocument.deleteMany({ where: inScope(scope) })
    return
  }
  const scopeKey = scopeKeyOf(scope, documentId)
  const held = await prisma.xapiDocument.findUnique({ where: { scopeKey }, select: { etag: true } })
  checkPreconditions(held, pre)
  await prisma.xapiDocument.deleteMany({ where: { scopeKey } })
}
