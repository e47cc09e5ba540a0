import { createHash } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import type { CompetenciesFile, DossierFile, Framework } from '#app/content/dossier-files.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'

export type DossierImportResult = {
  competencies: { created: number; updated: number }
  dossiers: Array<{ slug: string; version: number; status: 'created' | 'unchanged' }>
}

/**
 * Import a validated framework idempotently, all in one transaction.
 * - Competencies are upserted by code; only rows whose text changed are written.
 * - A dossier whose content hash equals its latest version is left alone. A changed dossier
 *   becomes a new version: existing versions are never rewritten, because progress,
 *   assessments and issued records point at them.
 */
export async function importFramework(
  framework: Framework,
  db: PrismaClient = prisma,
): Promise<DossierImportResult> {
  try {
    return await importOnce(framework, db)
  } catch (error) {
    // Another instance imported the same new version at the same moment: its import won,
    // and running ours again finds that version unchanged.
    if (isUniqueViolation(error)) return importOnce(framework, db)
    throw error
  }
}

function importOnce(framework: Framework, db: PrismaClient) {
  return db.$transaction(
    async (tx): Promise<DossierImportResult> => {
      const competencies = await syncCompetencies(tx, framework.competencies)
      const dossiers: DossierImportResult['dossiers'] = []
      for (const { file, data } of framework.dossiers) {
        dossiers.push(await importDossier(tx, file, data))
      }
      return { competencies, dossiers }
    },
    { timeout: 30_000 },
  )
}

type PrismaClient = typeof prisma

async function syncCompetencies(tx: Tx, file: CompetenciesFile) {
  const existing = new Map((await tx.competency.findMany()).map((c) => [c.code, c]))
  let created = 0
  let updated = 0
  for (const [position, c] of file.competencies.entries()) {
    const row = {
      position,
      titleNl: c.title.nl,
      titleEn: c.title.en,
      descriptionNl: c.description.nl,
      descriptionEn: c.description.en,
    }
    const current = existing.get(c.code)
    if (!current) {
      await tx.competency.create({ data: { code: c.code, ...row } })
      created++
    } else if (Object.entries(row).some(([k, v]) => current[k as keyof typeof row] !== v)) {
      await tx.competency.update({ where: { code: c.code }, data: row })
      updated++
    }
  }
  return { created, updated }
}

/** Hash of the parsed content, so comments and formatting in the file do not make versions. */
export function dossierContentHash(data: DossierFile): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex')
}

async function importDossier(tx: Tx, file: string, data: DossierFile) {
  const contentHash = dossierContentHash(data)
  const latest = await tx.dossier.findFirst({
    where: { slug: data.slug },
    orderBy: { version: 'desc' },
    select: { version: true, contentHash: true },
  })
  if (latest?.contentHash === contentHash) {
    return { slug: data.slug, version: latest.version, status: 'unchanged' as const }
  }
  const version = (latest?.version ?? 0) + 1
  const dossier = await tx.dossier.create({
    data: {
      slug: data.slug,
      version,
      contentHash,
      sourceFile: file,
      codePrefix: data.codePrefix,
      qualificationCrebo: data.qualification.crebo,
      qualificationNl: data.qualification.title.nl,
      qualificationEn: data.qualification.title.en,
      level: data.qualification.level,
      crebo: data.dossier.crebo,
      edition: data.dossier.edition,
      validFrom: new Date(data.dossier.validFrom),
      validTo: data.dossier.validTo ? new Date(data.dossier.validTo) : null,
      confidence: data.source.confidence,
      sourceNoteNl: data.source.note.nl,
      sourceNoteEn: data.source.note.en,
      summaryNl: data.summary.nl,
      summaryEn: data.summary.en,
    },
    select: { id: true },
  })
  for (const [k, coreTask] of data.coreTasks.entries()) {
    const { id: coreTaskId } = await tx.coreTask.create({
      data: {
        dossierId: dossier.id,
        code: coreTask.code,
        position: k,
        titleNl: coreTask.title.nl,
        titleEn: coreTask.title.en,
        descriptionNl: coreTask.description.nl,
        descriptionEn: coreTask.description.en,
      },
      select: { id: true },
    })
    for (const [w, wp] of coreTask.workProcesses.entries()) {
      await tx.workProcess.create({
        data: {
          dossierId: dossier.id,
          coreTaskId,
          code: wp.code,
          position: w,
          titleNl: wp.title.nl,
          titleEn: wp.title.en,
          descriptionNl: wp.description.nl,
          descriptionEn: wp.description.en,
          resultNl: wp.result.nl,
          resultEn: wp.result.en,
          competencies: {
            create: wp.competencies.map((competencyCode, position) => ({
              competencyCode,
              position,
            })),
          },
          indicators: {
            create: wp.indicators.map((i, position) => ({ position, textNl: i.nl, textEn: i.en })),
          },
        },
      })
    }
  }
  return { slug: data.slug, version, status: 'created' as const }
}
