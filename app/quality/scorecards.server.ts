import { stringify } from 'yaml'
import { z } from 'zod'
import { parseYaml } from '#app/content/yaml-file.server.ts'
import { prisma, type Db } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { parseJsonList, toJsonList } from '#app/utils/json-list.ts'
import type { QualityScope } from './quality-access.server.ts'
import {
  CHANNELS,
  ScorecardDefinitionSchema,
  type Channel,
  type ScorecardDefinition,
} from './scorecard-definition.ts'

/**
 * Scorecards of an organisation. The sections and items are edited as a small YAML text (the
 * same language as course files, with line numbers in every error); each save is a new
 * version, so an evaluation always shows the scorecard it was scored on.
 */

export function parseDefinition(json: string): ScorecardDefinition {
  return ScorecardDefinitionSchema.parse(JSON.parse(json))
}

export function definitionAsYaml(definition: ScorecardDefinition) {
  return stringify(definition, { lineWidth: 100 })
}

export type DefinitionProblem = { line: number; col: number; message: string }

/** Parse the editor's YAML, and check every work process exists in the dossier. */
export async function readDefinition(
  text: string,
  dossierSlug: string,
): Promise<
  { ok: true; definition: ScorecardDefinition } | { ok: false; problems: DefinitionProblem[] }
> {
  const parsed = parseYaml(text, ScorecardDefinitionSchema, 'scorecard')
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.problems.map((p) => ({
        line: p.line,
        col: p.col,
        message: p.path ? `${p.path}: ${p.message}` : p.message,
      })),
    }
  const codes = [...new Set(parsed.data.sections.flatMap((s) => s.workProcesses))]
  const known = new Set(
    (
      await prisma.workProcess.findMany({
        where: { code: { in: codes }, dossier: { slug: dossierSlug } },
        select: { code: true },
      })
    ).map((w) => w.code),
  )
  const unknown = codes.filter((c) => !known.has(c))
  if (unknown.length > 0) {
    const lines = text.split('\n')
    return {
      ok: false,
      problems: unknown.map((code) => {
        const line = lines.findIndex((l) => l.includes(code)) + 1
        return {
          line: Math.max(line, 1),
          col: 1,
          message: `workProcesses: ${code} is not a work process of ${dossierSlug}`,
        }
      }),
    }
  }
  return { ok: true, definition: parsed.data }
}

export const ScorecardFieldsSchema = z.object({
  name: z.string().trim().min(3, 'scorecard.error.name').max(100, 'scorecard.error.name'),
  clientId: z
    .string()
    .trim()
    .transform((v) => v || null),
  channels: z.array(z.enum(CHANNELS)).min(1, 'scorecard.error.channels'),
  dossierSlug: z.string().trim().min(1),
})

export function listScorecards(organisationId: string) {
  return prisma.scorecard.findMany({
    where: { organisationId, archivedAt: null },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      channels: true,
      client: { select: { id: true, name: true } },
      versions: {
        orderBy: { version: 'desc' },
        take: 1,
        select: { id: true, version: true, dossierSlug: true, createdAt: true },
      },
      _count: { select: { versions: true } },
    },
  })
}

/** One scorecard of the organisation with every version, or null (404 for other orgs). */
export async function getScorecard(organisationId: string, id: string) {
  const card = await prisma.scorecard.findFirst({
    where: { id, organisationId },
    select: {
      id: true,
      name: true,
      channels: true,
      clientId: true,
      client: { select: { name: true } },
      versions: {
        orderBy: { version: 'desc' },
        select: {
          id: true,
          version: true,
          dossierSlug: true,
          definition: true,
          createdAt: true,
          _count: { select: { evaluations: true } },
        },
      },
    },
  })
  if (!card) return null
  return {
    ...card,
    channels: parseJsonList(card.channels) as Channel[],
    versions: card.versions.map((v) => ({ ...v, definition: parseDefinition(v.definition) })),
  }
}

/** The newest version of each scorecard an evaluator may score with (optionally one brand). */
export async function scoringChoices(organisationId: string) {
  const cards = await listScorecards(organisationId)
  return cards.flatMap((c) => {
    const v = c.versions[0]
    return v
      ? [
          {
            scorecardId: c.id,
            versionId: v.id,
            version: v.version,
            name: c.name,
            client: c.client?.name ?? null,
            channels: parseJsonList(c.channels) as Channel[],
          },
        ]
      : []
  })
}

export async function getScorecardVersion(organisationId: string, versionId: string) {
  const v = await prisma.scorecardVersion.findFirst({
    where: { id: versionId, scorecard: { organisationId } },
    select: {
      id: true,
      version: true,
      dossierSlug: true,
      definition: true,
      scorecard: { select: { id: true, name: true, channels: true, clientId: true } },
    },
  })
  return v ? { ...v, definition: parseDefinition(v.definition) } : null
}

export class ScorecardRefused extends Error {
  constructor(
    readonly field: 'name' | 'clientId' | 'dossierSlug',
    readonly messageKey: string,
  ) {
    super(messageKey)
  }
}

async function checkFields(
  db: Db,
  scope: QualityScope,
  fields: z.infer<typeof ScorecardFieldsSchema>,
) {
  if (fields.clientId) {
    const client = await db.clientOrganisation.findFirst({
      where: { id: fields.clientId, organisationId: scope.organisationId },
      select: { id: true },
    })
    if (!client) throw new ScorecardRefused('clientId', 'scorecard.error.client')
  }
  const dossier = await db.dossier.findFirst({
    where: { slug: fields.dossierSlug },
    select: { id: true },
  })
  if (!dossier) throw new ScorecardRefused('dossierSlug', 'scorecard.error.dossier')
}

/** A new scorecard with its first version; one transaction with its audit line. */
export async function createScorecard(
  scope: QualityScope,
  fields: z.infer<typeof ScorecardFieldsSchema>,
  definition: ScorecardDefinition,
) {
  await checkFields(prisma, scope, fields)
  const taken = await prisma.scorecard.findFirst({
    where: { organisationId: scope.organisationId, name: fields.name },
    select: { id: true },
  })
  if (taken) throw new ScorecardRefused('name', 'scorecard.error.nameTaken')
  return prisma.$transaction(async (tx) => {
    const card = await tx.scorecard.create({
      data: {
        organisationId: scope.organisationId,
        name: fields.name,
        clientId: fields.clientId,
        channels: toJsonList(fields.channels),
        versions: {
          create: {
            version: 1,
            dossierSlug: fields.dossierSlug,
            definition: JSON.stringify(definition),
            createdById: scope.userId,
          },
        },
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'scorecard.changed',
      subjectType: 'scorecard',
      subjectId: card.id,
      detail: { version: 1, name: fields.name },
    })
    return card
  })
}

/** Save an edit: the fields change in place, the sections become the next version. */
export async function reviseScorecard(
  scope: QualityScope,
  scorecardId: string,
  fields: z.infer<typeof ScorecardFieldsSchema>,
  definition: ScorecardDefinition,
) {
  await checkFields(prisma, scope, fields)
  return prisma.$transaction(async (tx) => {
    const card = await tx.scorecard.findFirst({
      where: { id: scorecardId, organisationId: scope.organisationId },
      select: {
        id: true,
        versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true } },
      },
    })
    if (!card) throw new Response('Not found', { status: 404 })
    const clash = await tx.scorecard.findFirst({
      where: { organisationId: scope.organisationId, name: fields.name, id: { not: card.id } },
      select: { id: true },
    })
    if (clash) throw new ScorecardRefused('name', 'scorecard.error.nameTaken')
    const version = (card.versions[0]?.version ?? 0) + 1
    await tx.scorecard.update({
      where: { id: card.id },
      data: { name: fields.name, clientId: fields.clientId, channels: toJsonList(fields.channels) },
    })
    const created = await tx.scorecardVersion.create({
      data: {
        scorecardId: card.id,
        version,
        dossierSlug: fields.dossierSlug,
        definition: JSON.stringify(definition),
        createdById: scope.userId,
      },
      select: { id: true, version: true },
    })
    await audit(tx, {
      actorId: scope.userId,
      organisationId: scope.organisationId,
      action: 'scorecard.changed',
      subjectType: 'scorecard',
      subjectId: card.id,
      detail: { version, name: fields.name },
    })
    return created
  })
}

/** What the scorecard form offers: the dossiers to map onto and the organisation's brands. */
export async function scorecardFormOptions(organisationId: string) {
  const [dossiers, clients] = await Promise.all([
    prisma.dossier.findMany({
      orderBy: [{ slug: 'asc' }, { version: 'desc' }],
      distinct: ['slug'],
      select: { slug: true, qualificationNl: true, qualificationEn: true },
    }),
    prisma.clientOrganisation.findMany({
      where: { organisationId },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
  ])
  return { dossiers, clients }
}

/** The form's fields and YAML, checked: the values to save, or errors per field / per line. */
export async function readScorecardForm(formData: FormData) {
  const fields = ScorecardFieldsSchema.safeParse({
    name: formData.get('name') ?? '',
    clientId: formData.get('clientId') ?? '',
    channels: formData.getAll('channels'),
    dossierSlug: formData.get('dossierSlug') ?? '',
  })
  const text = String(formData.get('definition') ?? '')
  const fieldErrors: Record<string, string[]> = {}
  if (!fields.success)
    for (const issue of fields.error.issues) fieldErrors[String(issue.path[0])] = [issue.message]
  if (text.length > 100_000) fieldErrors.definition = ['scorecard.error.tooLong']
  const definition =
    fields.success && !fieldErrors.definition
      ? await readDefinition(text, fields.data.dossierSlug)
      : null
  if (definition && !definition.ok)
    fieldErrors.definition = definition.problems.map((p) => `${p.line}:${p.col} ${p.message}`)
  if (!fields.success || !definition?.ok) return { ok: false as const, fieldErrors, text }
  return { ok: true as const, fields: fields.data, definition: definition.definition, text }
}
