import { prisma } from '#app/db.server.ts'
import { dossierOutlineSelect, newestPerSlug } from '#app/domain/dossiers.server.ts'

/**
 * The work processes a learner can hand in evidence for: every current dossier, grouped by
 * core task. Codes carry their dossier's prefix (TL-, CM-), so a code names its dossier.
 */
export async function evidenceOptions() {
  const dossiers = await prisma.dossier.findMany({
    orderBy: [{ slug: 'asc' }, { version: 'desc' }],
    select: dossierOutlineSelect({
      competencies: { orderBy: { position: 'asc' }, select: { competencyCode: true } },
    } as const),
  })
  return newestPerSlug(dossiers)
}
export type EvidenceOptions = Awaited<ReturnType<typeof evidenceOptions>>

/** Where the chosen codes sit: their one dossier and their competencies, or why not. */
export function resolveChoice(
  options: EvidenceOptions,
  choice: { kind: string; workProcessCodes: string[]; coreTaskCode?: string },
):
  | {
      ok: true
      dossierSlug: string
      codes: string[]
      competencies: string[]
      coreTaskCode: string | null
    }
  | { ok: false; field: 'workProcessCodes' | 'coreTaskCode'; message: string } {
  if (choice.kind === 'proeve') {
    for (const d of options) {
      const ct = d.coreTasks.find((c) => c.code === choice.coreTaskCode)
      if (ct)
        return {
          ok: true,
          dossierSlug: d.slug,
          codes: ct.workProcesses.map((w) => w.code),
          competencies: unique(
            ct.workProcesses.flatMap((w) => w.competencies.map((c) => c.competencyCode)),
          ),
          coreTaskCode: ct.code,
        }
    }
    return { ok: false, field: 'coreTaskCode', message: 'evidence.chooseCoreTask' }
  }
  const found = options.flatMap((d) =>
    d.coreTasks.flatMap((c) =>
      c.workProcesses
        .filter((w) => choice.workProcessCodes.includes(w.code))
        .map((w) => ({ dossierSlug: d.slug, wp: w })),
    ),
  )
  if (found.length === 0 || found.length !== new Set(choice.workProcessCodes).size)
    return { ok: false, field: 'workProcessCodes', message: 'evidence.chooseWorkProcess' }
  if (new Set(found.map((f) => f.dossierSlug)).size > 1)
    return { ok: false, field: 'workProcessCodes', message: 'evidence.oneDossier' }
  return {
    ok: true,
    dossierSlug: found[0]!.dossierSlug,
    codes: found.map((f) => f.wp.code),
    competencies: unique(found.flatMap((f) => f.wp.competencies.map((c) => c.competencyCode))),
    coreTaskCode: null,
  }
}

const unique = (xs: string[]) => [...new Set(xs)]
