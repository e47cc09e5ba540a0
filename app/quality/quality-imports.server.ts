import { prisma } from '#app/db.server.ts'

/** The organisation's imports (evaluations and KPIs), newest first, with who imported them. */
export async function listQualityImports(organisationId: string) {
  const rows = await prisma.qualityImport.findMany({
    where: { organisationId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      kind: true,
      fileName: true,
      rowCount: true,
      createdCount: true,
      createdAt: true,
      importedById: true,
    },
  })
  const people = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.importedById))] } },
    select: { id: true, name: true },
  })
  const names = new Map(people.map((p) => [p.id, p.name]))
  return rows.map(({ importedById, ...r }) => ({
    ...r,
    importedBy: names.get(importedById) ?? '—',
  }))
}
