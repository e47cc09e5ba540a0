import { prisma } from '#app/db.server.ts'
import { immutableCache } from '#app/domain/immutable-cache.server.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import { type Credential, DOSSIER_REF, dossierFramework } from './credential.server.ts'
import { recordIdFrom } from './issuer.server.ts'
import { recordStatus } from './record-status.ts'
import { publishedRevocationBit } from './status-list.server.ts'
import { verifyJwt } from './verify.server.ts'

type RecordRow = {
  level: string
  dossierSlug: string
  dossierVersion: number
  code: string
  /** The name as issued (Dutch): what shows when its dossier version is not here. */
  name: string
}
/** The select that reads a RecordRow, what titlesOf needs of a record. */
const RECORD_TITLE_FIELDS = {
  level: true,
  dossierSlug: true,
  dossierVersion: true,
  code: true,
  name: true,
} as const satisfies Record<keyof RecordRow, true>

/**
 * The titles of records' achievements in a language, from the dossier versions they were
 * issued on: one query for any number of records.
 */
async function titlesOf(records: RecordRow[], locale: Locale) {
  if (records.length === 0) return (r: RecordRow) => r.name
  const versions = [
    ...new Map(records.map((r) => [`${r.dossierSlug}|${r.dossierVersion}`, r])).values(),
  ]
  const titles = await Promise.all(
    versions.map((r) => {
      const version = { slug: r.dossierSlug, version: r.dossierVersion }
      return dossierTitles(`${version.slug}|${version.version}`, () => loadTitles(version))
    }),
  )
  const pick = (x: { titleNl: string; titleEn: string }) =>
    locale === 'en' ? x.titleEn : x.titleNl
  const title = new Map<string, string>()
  for (const d of titles) {
    if (!d) continue
    const key = (code: string) => `${d.slug}|${d.version}|${code}`
    title.set(key(''), locale === 'en' ? d.qualificationEn : d.qualificationNl)
    for (const x of [...d.coreTasks, ...d.workProcesses]) title.set(key(x.code), pick(x))
  }
  return (r: RecordRow) =>
    title.get(
      `${r.dossierSlug}|${r.dossierVersion}|${r.level === 'qualification' ? '' : r.code}`,
    ) ?? r.name
}

function loadTitles(version: { slug: string; version: number }) {
  return prisma.dossier.findFirst({
    where: version,
    select: {
      slug: true,
      version: true,
      qualificationNl: true,
      qualificationEn: true,
      coreTasks: { select: { code: true, titleNl: true, titleEn: true } },
      workProcesses: { select: { code: true, titleNl: true, titleEn: true } },
    },
  })
}
// A dossier version never changes once imported: its titles are cached by slug and version.
const dossierTitles = immutableCache<Awaited<ReturnType<typeof loadTitles>>>(50)

/** The status of a record whose holder was erased: revocation, suspension, expiry, the list. */
async function registerStatus(record: {
  validUntil: Date | null
  revocation: object | null
  suspension: object | null
  statusListId: string | null
  statusListIndex: number | null
}) {
  return {
    status: recordStatus(record, new Date()),
    reason: undefined,
    statusListRevoked: await publishedRevocationBit(record),
  }
}

/**
 * Everything the public record page and the certificate show: the verification result, the
 * achievement in the reader's language and its place in the dossier.
 */
export async function getRecordView(id: string, locale: Locale) {
  const record = await prisma.completionRecord.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      organisationId: true,
      level: true,
      dossierSlug: true,
      dossierVersion: true,
      code: true,
      name: true,
      recipientName: true,
      credential: true,
      jwt: true,
      issuedAt: true,
      validUntil: true,
      organisation: { select: { name: true } },
      statusListId: true,
      statusListIndex: true,
      user: { select: { erasedAt: true } },
      revocation: { select: { revokedAt: true, reason: true } },
      // Only since when: the reason of a suspension is for the audit log, not the public.
      suspension: { select: { suspendedAt: true } },
    },
  })
  if (!record) return null
  // Checked as any verifier would: the stored JWT against the published keys. After the
  // holder's erasure the platform has no signed copy: the status is read from the register
  // and the published list, as a verifier of the holder's copy would find it.
  const erased = Boolean(record.user?.erasedAt)
  const verification = erased ? await registerStatus(record) : await verifyJwt(record.jwt)
  const credential = JSON.parse(record.credential) as Credential
  const achievement = credential.credentialSubject.achievement as {
    criteria: { narrative: string }
    alignment: Array<{ targetCode: string; targetName: string; targetType: string }>
  }
  const dossier = await prisma.dossier.findFirst({
    where: { slug: record.dossierSlug, version: record.dossierVersion },
    select: { ...DOSSIER_REF, qualificationEn: true },
  })
  // What a core-task or qualification record bundles: the records its evidence links to, in
  // the credential's order, named from their own rows.
  const partIds = ((credential.evidence as Array<{ id?: string }>) ?? []).flatMap((e) => {
    const partId = e.id ? recordIdFrom(e.id) : null
    return partId ? [partId] : []
  })
  const parts = new Map(
    (
      await prisma.completionRecord.findMany({
        where: { id: { in: partIds } },
        select: { id: true, ...RECORD_TITLE_FIELDS },
      })
    ).map((p) => [p.id, p]),
  )
  const title = await titlesOf([record, ...parts.values()], locale)
  const bundled = partIds.flatMap((partId) => {
    const part = parts.get(partId)
    return part ? [{ id: part.id, code: part.code, name: title(part) }] : []
  })
  return {
    ...record,
    title: title(record),
    framework: dossier ? dossierFramework(dossier) : record.dossierSlug,
    qualification: dossier
      ? locale === 'en'
        ? dossier.qualificationEn
        : dossier.qualificationNl
      : '',
    criteria: achievement.criteria.narrative,
    alignment: achievement.alignment,
    bundled,
    erased,
    status: verification.status,
    reason: verification.reason ?? null,
    statusListRevoked: verification.statusListRevoked ?? null,
  }
}
export type RecordView = NonNullable<Awaited<ReturnType<typeof getRecordView>>>

/** A learner's records, newest first, with their status (revocation and expiry). */
export async function listRecords(userId: string, locale: Locale) {
  const rows = await prisma.completionRecord.findMany({
    where: { userId },
    orderBy: [{ issuedAt: 'desc' }, { code: 'asc' }],
    select: {
      id: true,
      ...RECORD_TITLE_FIELDS,
      issuedAt: true,
      validUntil: true,
      revocation: { select: { revokedAt: true, reason: true } },
      // Only since when: the reason of a suspension is for the audit log, not the public.
      suspension: { select: { suspendedAt: true } },
    },
  })
  const now = new Date()
  const title = await titlesOf(rows, locale)
  return rows.map((r) => ({ ...r, title: title(r), status: recordStatus(r, now) }))
}
