import { prisma, type Db } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import type { RubricLevel } from './assessment-rules.ts'
import { CriteriaListSchema, type Criterion } from './criteria-schema.ts'

export type CriteriaSet = { version: number; criteria: Criterion[] }

/**
 * The criteria an organisation's assessors score a work process on. Until a trainer edits
 * them they are the dossier's indicators (version 0, required level "bekwaam"); every edit
 * is stored as the next version.
 */
export async function currentCriteria(
  organisationId: string,
  dossierSlug: string,
  workProcessCode: string,
  db: Db = prisma,
): Promise<CriteriaSet | null> {
  const stored = await db.assessmentCriteria.findFirst({
    where: { organisationId, dossierSlug, workProcessCode },
    orderBy: { version: 'desc' },
    select: { version: true, criteria: true },
  })
  if (stored) {
    return {
      version: stored.version,
      criteria: CriteriaListSchema.parse(JSON.parse(stored.criteria)),
    }
  }
  const workProcess = await db.workProcess.findFirst({
    where: { code: workProcessCode, dossier: { slug: dossierSlug } },
    orderBy: { dossier: { version: 'desc' } },
    select: {
      indicators: { orderBy: { position: 'asc' }, select: { textNl: true, textEn: true } },
    },
  })
  if (!workProcess) return null
  return {
    version: 0,
    criteria: workProcess.indicators.map((i) => ({
      nl: i.textNl,
      en: i.textEn,
      requiredLevel: 'bekwaam' as RubricLevel,
    })),
  }
}

export class StaleCriteriaError extends Error {
  constructor() {
    super('The criteria were changed by someone else in the meantime')
  }
}

/**
 * Store a trainer's edit as the next version. `basedOn` is the version the trainer saw: when
 * someone saved in between, the edit is refused instead of silently overwriting theirs (the
 * primary key makes two parallel saves of the same version collide).
 */
export async function saveCriteria(input: {
  organisationId: string
  dossierSlug: string
  workProcessCode: string
  basedOn: number
  criteria: Criterion[]
  actorId: string
}) {
  const { basedOn, criteria, actorId, ...where } = input
  return prisma.$transaction(async (tx) => {
    const current = await currentCriteria(
      where.organisationId,
      where.dossierSlug,
      where.workProcessCode,
      tx,
    )
    if (!current || current.version !== basedOn) throw new StaleCriteriaError()
    const version = basedOn + 1
    try {
      await tx.assessmentCriteria.create({
        data: { ...where, version, criteria: JSON.stringify(criteria), createdById: actorId },
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new StaleCriteriaError()
      throw error
    }
    await audit(tx, {
      actorId,
      organisationId: where.organisationId,
      action: 'criteria.changed',
      subjectType: 'work-process',
      subjectId: `${where.dossierSlug}/${where.workProcessCode}`,
      detail: { version, before: current.criteria, after: criteria },
    })
    return version
  })
}

/** The organisation's own criteria version per `dossier/work process` (absent: the dossier's). */
export async function criteriaVersions(organisationId: string): Promise<Record<string, number>> {
  const edited = await prisma.assessmentCriteria.groupBy({
    by: ['dossierSlug', 'workProcessCode'],
    where: { organisationId },
    _max: { version: true },
  })
  return Object.fromEntries(
    edited.map((e) => [`${e.dossierSlug}/${e.workProcessCode}`, e._max.version ?? 0]),
  )
}
