import { prisma } from '#app/db.server.ts'
import { immutableCache } from './immutable-cache.server.ts'

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

type DossierOutline = NonNullable<Awaited<ReturnType<typeof loadOutline>>>

function loadOutline(id: string) {
  return prisma.dossier.findUnique({ where: { id }, select: { ...DOSSIER_OUTLINE, version: true } })
}
// An imported dossier version is never changed (a changed file becomes a new version), so its
// outline is cached by its id: pages that show progress per work process ask for it on every
// request (issue 23). Which version is the newest is asked every time, in one small query.
const outlines = immutableCache<DossierOutline | null>(50)

/** The newest version of every dossier, highest level first, then by slug. */
async function currentDossierIds() {
  const rows = await prisma.$queryRaw<Array<{ id: string; slug: string }>>`
    SELECT "id", "slug" FROM "Dossier" ORDER BY "level" DESC, "slug" ASC, "version" DESC`
  return newestPerSlug(rows).map((r) => r.id)
}

/** The outlines of every dossier's newest version, highest level first, then by slug. */
export async function currentDossierOutlines(): Promise<DossierOutline[]> {
  const ids = await currentDossierIds()
  const all = await Promise.all(ids.map((id) => outlines(id, () => loadOutline(id))))
  return all.filter((d) => d !== null)
}

/** The outline of a dossier's newest version, or null. */
export async function getDossierOutline(slug: string): Promise<DossierOutline | null> {
  return (await currentDossierOutlines()).find((d) => d.slug === slug) ?? null
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
 * what a lesson page shows under "trains". Usually the newest version has them all (cached
 * outline, no query); a code only an older version has is looked up there.
 */
export async function workProcessTitles(dossierSlug: string, codes: string[]) {
  const outline = await getDossierOutline(dossierSlug)
  const wanted = new Set(codes)
  const found = (outline?.coreTasks ?? [])
    .flatMap((k) => k.workProcesses)
    .filter((wp) => wanted.has(wp.code))
    .map(({ code, titleNl, titleEn }) => ({ code, titleNl, titleEn }))
  if (found.length === wanted.size) return found
  return prisma.workProcess.findMany({
    where: { code: { in: codes }, dossier: { slug: dossierSlug } },
    orderBy: [{ dossier: { version: 'desc' } }],
    distinct: ['code'],
    select: { code: true, titleNl: true, titleEn: true },
  })
}
