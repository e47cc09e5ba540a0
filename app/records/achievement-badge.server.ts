import { prisma } from '#app/db.server.ts'
import { badgeOf, type Badge } from './achievement-badge.ts'

/**
 * What a badge shows for a code of a dossier: a work process, a core task, or the
 * qualification (by its crebo, the code its records carry). Null for a code the dossier does
 * not have, so the URL cannot be made to draw any text.
 */
export async function findBadge(
  dossierSlug: string,
  code: string,
): Promise<(Badge & { name: string }) | null> {
  const [workProcess, coreTask, dossier] = await Promise.all([
    prisma.workProcess.findFirst({
      where: { code, dossier: { slug: dossierSlug } },
      orderBy: { dossier: { version: 'desc' } },
      select: { titleNl: true },
    }),
    prisma.coreTask.findFirst({
      where: { code, dossier: { slug: dossierSlug } },
      orderBy: { dossier: { version: 'desc' } },
      select: { titleNl: true },
    }),
    prisma.dossier.findFirst({
      where: { slug: dossierSlug, qualificationCrebo: code },
      orderBy: { version: 'desc' },
      select: { qualificationNl: true },
    }),
  ])
  if (workProcess) return { ...badgeOf({ level: 'work_process', code }), name: workProcess.titleNl }
  if (coreTask) return { ...badgeOf({ level: 'core_task', code }), name: coreTask.titleNl }
  if (dossier)
    return { ...badgeOf({ level: 'qualification', code }), name: dossier.qualificationNl }
  return null
}
