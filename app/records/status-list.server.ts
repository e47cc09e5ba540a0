import { randomBytes, randomInt } from 'node:crypto'
import { BitstringStatusList, decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { databaseEngine, prisma, type Db, type Tx } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { iso, wholeSeconds } from './credential.server.ts'
import { addDataIntegrityProof, type SignedDocument } from './data-integrity.server.ts'
import { issuerDid, resolveOwnDid } from './did-web.server.ts'
import { CONTEXT } from './json-ld-contexts.server.ts'
import { activeSigningKey, PROOF_ALGORITHM } from './signing-keys.server.ts'

/**
 * W3C Bitstring Status List: how anyone, offline or not, learns that one of our records was
 * revoked. Each record gets one random index in a list; the list is published at
 * /status/<id> as a BitstringStatusListCredential signed like our credentials. Open Badges
 * 3.0 allows one `credentialStatus` per credential, so the entry is the revocation entry
 * (decision 023).
 */
export const STATUS_PURPOSE = 'revocation'
/** 131,072 bits: the specification's minimum, so one list hides each holder among many. */
export const STATUS_LIST_LENGTH = 131_072
/** A new list once a quarter is in use: a random free index is then found in a try or two. */
const LIST_FILL_LIMIT = STATUS_LIST_LENGTH / 4
/** How long a verifier may cache the list (`ttl`, and the HTTP max-age). */
export const STATUS_LIST_TTL_SECONDS = 300
/** The signed list expires after an hour: a stale copy cannot vouch for a record for long. */
const VALID_FOR_MS = 60 * 60 * 1000
/** An unchanged list is signed afresh well before it expires. */
const RESIGN_AFTER_MS = 15 * 60 * 1000

export const statusListUrl = (listId: string) => `${env.PUBLIC_URL}/status/${listId}`

export type StatusEntry = {
  id: string
  type: 'BitstringStatusListEntry'
  statusPurpose: string
  statusListIndex: string
  statusListCredential: string
}

export function statusEntry(listId: string, index: number): StatusEntry {
  const url = statusListUrl(listId)
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: STATUS_PURPOSE,
    statusListIndex: String(index),
    statusListCredential: url,
  }
}

/**
 * A free random place in the current list (a new list when it is full enough). On PostgreSQL
 * the choosing is serialised by a transaction lock, so two issuings never pick the same index
 * and fail on the unique key halfway through a sign-off.
 */
export async function allocateStatusIndex(tx: Tx) {
  if (databaseEngine === 'postgresql')
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('status-list'))) AS l`
  let list = await tx.statusList.findFirst({
    where: { purpose: STATUS_PURPOSE },
    orderBy: { createdAt: 'desc' },
    select: { id: true, length: true, _count: { select: { records: true } } },
  })
  if (!list || list._count.records >= LIST_FILL_LIMIT) {
    const created = await tx.statusList.create({
      data: {
        id: randomBytes(12).toString('base64url'),
        purpose: STATUS_PURPOSE,
        length: STATUS_LIST_LENGTH,
      },
      select: { id: true, length: true },
    })
    list = { ...created, _count: { records: 0 } }
  }
  for (;;) {
    const index = randomInt(list.length)
    const taken = await tx.completionRecord.findFirst({
      where: { statusListId: list.id, statusListIndex: index },
      select: { id: true },
    })
    if (!taken) return { statusListId: list.id, statusListIndex: index }
  }
}

/** In the transaction that revokes a record: its list must be published afresh. */
export async function statusChanged(tx: Tx, recordId: string) {
  const record = await tx.completionRecord.findUnique({
    where: { id: recordId },
    select: { statusListId: true },
  })
  if (record?.statusListId)
    await tx.statusList.update({
      where: { id: record.statusListId },
      data: { version: { increment: 1 } },
    })
}

// Signed lists per instance, re-signed when the version moves or the copy grows old.
const published = new Map<
  string,
  { version: number; signedAt: number; credential: SignedDocument }
>()

/** The signed BitstringStatusListCredential for a list, or null for an unknown id. */
export async function statusListCredential(listId: string, db: Db = prisma) {
  const list = await db.statusList.findUnique({
    where: { id: listId },
    select: { id: true, purpose: true, length: true, version: true },
  })
  if (!list) return null
  const cached = published.get(list.id)
  if (cached && cached.version === list.version && Date.now() - cached.signedAt < RESIGN_AFTER_MS)
    return cached.credential
  // Read after the version: a revocation committed in between is in the bits, and the next
  // request sees the new version and signs again.
  const revoked = await db.completionRecord.findMany({
    where: { statusListId: list.id, revocation: { isNot: null } },
    select: { statusListIndex: true },
  })
  const bits = new BitstringStatusList({ length: list.length })
  for (const r of revoked) if (r.statusListIndex !== null) bits.setStatus(r.statusListIndex, true)
  const now = wholeSeconds(new Date())
  const url = statusListUrl(list.id)
  const credential = await addDataIntegrityProof(
    {
      '@context': [CONTEXT.credentialsV2],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuerDid(),
      validFrom: iso(now),
      validUntil: iso(new Date(now.getTime() + VALID_FOR_MS)),
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: list.purpose,
        encodedList: await bits.encode(),
        ttl: STATUS_LIST_TTL_SECONDS * 1000,
      },
    },
    await activeSigningKey(db, PROOF_ALGORITHM),
    (u) => resolveOwnDid(u, db),
  )
  published.set(list.id, { version: list.version, signedAt: Date.now(), credential })
  return credential
}

/** What the published list says of one record: its bit, as any verifier reads it. */
export async function publishedRevocationBit(record: {
  statusListId: string | null
  statusListIndex: number | null
}) {
  if (!record.statusListId || record.statusListIndex === null) return null
  const credential = await statusListCredential(record.statusListId)
  if (!credential) return null
  const subject = credential.credentialSubject as { encodedList: string }
  const list = await decodeList({ encodedList: subject.encodedList })
  return list.getStatus(record.statusListIndex)
}
