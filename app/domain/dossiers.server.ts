import { prisma } from '#app/db.server.ts'

/**
 * A dossier's outline as pages show it: core tasks with their work processes, in order, with
 * codes and titles, and whatever more of each work process a page asks (`workProcessExtra`).
 * One select for every page that lists work processes by core task.
 */
export function dossierOutlineSelect<W extends object>(workProcessExtra: W) {
  return {
    slug: true,
    qualificationNl: true,
    qualificationEn: true,
    coreTasks: {
      orderBy: { position: 'asc' as const },
      select: {
        code: true,
        titleNl: true,
        titleEn: true,
        workProcesses: {
          orderBy: { position: 'asc' as const },
          select: { code: true, titleNl: true, titleEn: true, ...workProcessExtra },
        },
      },
    },
  } as const
}
export const DOSSIER_OUTLINE = dossierOutlineSelect({})

/** The first row of each slug: with rows ordered newest version first, each dossier's newest. */
export function newestPerSlug<D extends { slug: string }>(rows: D[]): D[] {
  const seen = new Set<string>()
  return rows.filter((d) => !seen.has(d.slug) && seen.add(d.slug))
}

/** The outline of a dossier's newest version, or null. */
export function getDossierOutline(slug: string) {
  return prisma.dossier.findFirst({
    where: { slug },
    orderBy: { version: 'desc' },
    select: DOSSIER_OUTLINE,
  })
}

/** The newest version of every dossier, for the catalogue. */
export async function listCurrentDossiers() {
  const all = await prisma.dossier.findMany({
    orderBy: [{ slug: 'asc' }, { version: 'desc' }],
    select: {
      id: true,
      slug: true,
      version: true,
      qualificationNl: true,
      qualificationEn: true,
      qualificationCrebo: true,
      crebo: true,
      level: true,
      summaryNl: true,
      summaryEn: true,
      _count: { select: { coreTasks: true, workProcesses: true } },
    },
  })
  return newestPerSlug(all)
}

/** A dossier version (the newest unless `version` is given) with its whole structure. */
export async function getDossier(slug: string, version?: number) {
  const dossier = await prisma.dossier.findFirst({
    where: { slug, ...(version ? { version } : {}) },
    orderBy: { version: 'desc' },
    include: {
      coreTasks: {
        orderBy: { position: 'asc' },
        include: {
          workProcesses: {
            orderBy: { position: 'asc' },
            select: {
              code: true,
              titleNl: true,
              titleEn: true,
              competencies: { select: { competencyCode: true }, orderBy: { position: 'asc' } },
            },
          },
        },
      },
    },
  })
  if (!dossier) return null
  const versions = await prisma.dossier.findMany({
    where: { slug },
    orderBy: { version: 'desc' },
    select: { version: true, importedAt: true },
  })
  return { ...dossier, versions }
}

export async function getWorkProcess(slug: string, code: string, version?: number) {
  return prisma.workProcess.findFirst({
    where: { code, dossier: { slug, ...(version ? { version } : {}) } },
    orderBy: { dossier: { version: 'desc' } },
    include: {
      dossier: true,
      coreTask: { select: { code: true, titleNl: true, titleEn: true } },
      indicators: { orderBy: { position: 'asc' } },
      competencies: { orderBy: { position: 'asc' }, include: { competency: true } },
    },
  })
}

export async function listCompetencies() {
  return prisma.competency.findMany({ orderBy: { position: 'asc' } })
}

/** The core tasks of some dossier versions, in dossier order, with their titles. */
export function listCoreTasks(dossierIds: string[]) {
  return prisma.coreTask.findMany({
    where: { dossierId: { in: dossierIds } },
    orderBy: { position: 'asc' },
    select: { dossierId: true, code: true, titleNl: true, titleEn: true },
  })
}

/**
 * Titles of some work processes of a dossier, from its newest version that has each code:
 * what a lesson page shows under "trains".
 */
export function workProcessTitles(dossierSlug: string, codes: string[]) {
  return prisma.workProcess.findMany({
    where: { code: { in: codes }, dossier: { slug: dossierSlug } },
    orderBy: [{ dossier: { version: 'desc' } }],
    distinct: ['code'],
    select: { code: true, titleNl: true, titleEn: true },
  })
}
