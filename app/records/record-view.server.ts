import { prisma } from '#app/db.server.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import { type Credential, dossierFramework } from './credential.server.ts'
import { verifyRecord, type Verification } from './verify.server.ts'

type RecordRow = {
  level: string
  dossierSlug: string
  dossierVersion: number
  code: string
}

/** The achievement's title in a language, from the dossier version the record was issued on. */
async function titleOf(record: RecordRow, locale: Locale) {
  const pick = (x: { titleNl: string; titleEn: string } | null) =>
    x ? (locale === 'en' ? x.titleEn : x.titleNl) : record.code
  const dossier = { slug: record.dossierSlug, version: record.dossierVersion }
  if (record.level === 'work_process')
    return pick(
      await prisma.workProcess.findFirst({
        where: { code: record.code, dossier },
        select: { titleNl: true, titleEn: true },
      }),
    )
  if (record.level === 'core_task')
    return pick(
      await prisma.coreTask.findFirst({
        where: { code: record.code, dossier },
        select: { titleNl: true, titleEn: true },
      }),
    )
  const d = await prisma.dossier.findFirst({
    where: dossier,
    select: { qualificationNl: true, qualificationEn: true },
  })
  return d ? (locale === 'en' ? d.qualificationEn : d.qualificationNl) : record.code
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
      recipientName: true,
      credential: true,
      issuedAt: true,
      validUntil: true,
      organisation: { select: { name: true } },
      revocation: { select: { revokedAt: true, reason: true } },
    },
  })
  if (!record) return null
  const verification = (await verifyRecord(id)) as Verification
  const credential = JSON.parse(record.credential) as Credential
  const achievement = credential.credentialSubject.achievement as {
    criteria: { narrative: string }
    alignment: Array<{ targetCode: string; targetName: string; targetType: string }>
  }
  const dossier = await prisma.dossier.findFirst({
    where: { slug: record.dossierSlug, version: record.dossierVersion },
    select: {
      slug: true,
      version: true,
      crebo: true,
      edition: true,
      qualificationNl: true,
      qualificationEn: true,
      qualificationCrebo: true,
    },
  })
  // What a core-task or qualification record bundles: the records named in its evidence.
  const bundled = ((credential.evidence as Array<{ id?: string; name: string }>) ?? [])
    .filter((e) => e.id)
    .map((e) => ({ id: e.id!.split('/').at(-1)!, name: e.name }))
  return {
    ...record,
    title: await titleOf(record, locale),
    framework: dossier ? dossierFramework(dossier) : record.dossierSlug,
    qualification: dossier
      ? locale === 'en'
        ? dossier.qualificationEn
        : dossier.qualificationNl
      : '',
    criteria: achievement.criteria.narrative,
    alignment: achievement.alignment,
    bundled,
    status: verification.status,
    reason: verification.reason ?? null,
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
      level: true,
      dossierSlug: true,
      dossierVersion: true,
      code: true,
      issuedAt: true,
      validUntil: true,
      revocation: { select: { revokedAt: true, reason: true } },
    },
  })
  const now = Date.now()
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      title: await titleOf(r, locale),
      status: r.revocation
        ? ('revoked' as const)
        : r.validUntil && +r.validUntil <= now
          ? ('expired' as const)
          : ('valid' as const),
    })),
  )
}
