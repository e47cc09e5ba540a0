import { prisma } from '#app/db.server.ts'
import { recordStatus } from './record-status.ts'

export const ORGANISATION_RECORDS_PAGE = 200

/** A record as the organisation's record list and its export show it, with its status inputs. */
export const ORGANISATION_RECORD = {
  id: true,
  userId: true,
  recipientName: true,
  level: true,
  code: true,
  dossierSlug: true,
  dossierVersion: true,
  issuedAt: true,
  validUntil: true,
  user: { select: { email: true } },
  revocation: { select: { revokedAt: true, reason: true } },
  suspension: { select: { suspendedAt: true, reason: true } },
} as const

/** One page of the records earned in an organisation, newest first, with their status. */
export async function organisationRecords(organisationId: string, page: number) {
  const where = { organisationId }
  const [total, rows] = await Promise.all([
    prisma.completionRecord.count({ where }),
    prisma.completionRecord.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * ORGANISATION_RECORDS_PAGE,
      take: ORGANISATION_RECORDS_PAGE,
      select: ORGANISATION_RECORD,
    }),
  ])
  const now = new Date()
  return {
    total,
    pages: Math.max(1, Math.ceil(total / ORGANISATION_RECORDS_PAGE)),
    records: rows.map((r) => ({ ...r, status: recordStatus(r, now) })),
  }
}
