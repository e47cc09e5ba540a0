import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/domain/audit.server.ts'
import { batches } from '#app/utils/batches.ts'
import { evaluationContent, type ContactReference } from './evaluations.server.ts'
import { runRulesForAgent } from './rules.server.ts'
import {
  guessColumn,
  readChannel,
  readDateTime,
  readDuration,
  readEmail,
  readItemValue,
} from './import-values.ts'
import { requireManager, type QualityScope } from './quality-access.server.ts'
import { allItems, scoreContact, type ItemAnswer } from './scorecard-definition.ts'
import { getScorecardVersion } from './scorecards.server.ts'
import type { TabularFile } from './tabular-file.server.ts'
import {
  CONTACT_FIELDS,
  QA_TOOLS,
  REQUIRED_FIELDS,
  type ContactField,
  type QaTool,
} from './import-fields.ts'

/**
 * Evaluations exported from the QA tool an organisation used before (Playvox, Zendesk QA,
 * MaestroQA or a sheet of their own), imported onto one of the organisation's own scorecard
 * versions: each item of the version is read from a column of the export. Per-item scores, not
 * the tool's total, because everything downstream (section thresholds, work processes, rules,
 * the assessor queue) is computed from items; a total alone cannot say which work process was
 * weak. The file is checked whole first (every bad row named by its line) and imported in one
 * transaction, or not at all. The tool's id of each evaluation makes a re-import a no-op.
 */

export { CONTACT_FIELDS, QA_TOOLS, REQUIRED_FIELDS, type ContactField, type QaTool }

/** Header names each tool uses in its export, most specific first. */
const PRESETS: Record<QaTool, Partial<Record<ContactField, string[]>>> = {
  playvox: {
    externalId: ['Interaction ID', 'Interaction Reference', 'Evaluation ID'],
    agentEmail: ['Agent Email', 'Agent E-mail'],
    evaluatorEmail: ['Analyst Email', 'Evaluator Email'],
    contactAt: ['Interaction Date', 'Evaluation Date', 'Created At'],
    channel: ['Channel', 'Interaction Type'],
    durationSeconds: ['Interaction Duration', 'Duration'],
    clientBrand: ['Brand', 'Team'],
    comment: ['Feedback', 'Comments'],
  },
  'zendesk-qa': {
    externalId: ['Conversation ID', 'Ticket ID', 'Review ID'],
    agentEmail: ['Reviewee email', 'Reviewee'],
    evaluatorEmail: ['Reviewer email', 'Reviewer'],
    contactAt: ['Conversation created at', 'Review created at'],
    channel: ['Channel', 'Source type'],
    durationSeconds: ['Handle time', 'Duration'],
    clientBrand: ['Workspace', 'Brand'],
    comment: ['Comment', 'Review comment'],
  },
  maestroqa: {
    externalId: ['Ticket ID', 'Grade ID'],
    agentEmail: ['Agent Email', 'Agent'],
    evaluatorEmail: ['Grader Email', 'Grader'],
    contactAt: ['Ticket Date', 'Date Graded'],
    channel: ['Channel', 'Ticket Channel'],
    durationSeconds: ['Duration', 'Call Duration'],
    clientBrand: ['Brand', 'Client'],
    comment: ['Comments', 'Feedback'],
  },
  other: {
    externalId: ['Extern id', 'Contact id', 'External id', 'Id'],
    agentEmail: ['Agent e-mail', 'Medewerker e-mail', 'Agent'],
    evaluatorEmail: ['Beoordelaar e-mail', 'Evaluator e-mail', 'Beoordelaar'],
    contactAt: ['Contactdatum', 'Datum', 'Date'],
    channel: ['Kanaal', 'Channel'],
    durationSeconds: ['Duur', 'Gespreksduur', 'Duration'],
    clientBrand: ['Merk', 'Opdrachtgever', 'Brand'],
    comment: ['Opmerking', 'Toelichting', 'Comment'],
  },
}

export type EvaluationMapping = {
  fields: Record<ContactField, number | null>
  items: Record<string, number | null>
}

type Version = NonNullable<Awaited<ReturnType<typeof getScorecardVersion>>>

/** A first mapping from the header names: the chosen tool's names, then everyone's. */
export function guessEvaluationMapping(
  headers: string[],
  tool: QaTool,
  definition: Version['definition'],
): EvaluationMapping {
  const fields = Object.fromEntries(
    CONTACT_FIELDS.map((field) => {
      const names = [PRESETS[tool], ...QA_TOOLS.map((t) => PRESETS[t])].flatMap(
        (p) => p[field] ?? [],
      )
      return [field, guessColumn(headers, names)]
    }),
  ) as EvaluationMapping['fields']
  const items = Object.fromEntries(
    definition.sections.flatMap((section) =>
      section.items.map((item) => [
        item.key,
        guessColumn(headers, [
          item.key,
          item.nl,
          item.en,
          `${section.nl} - ${item.nl}`,
          `${section.en} - ${item.en}`,
        ]),
      ]),
    ),
  )
  return { fields, items }
}

/** The mapping a form sent: `field.<name>` and `item.<key>` each a column number or "". */
export function mappingFromForm(
  form: FormData,
  headers: string[],
  definition: Version['definition'],
): EvaluationMapping {
  const column = (name: string) => {
    const value = form.get(name)
    if (typeof value !== 'string' || !/^\d{1,3}$/.test(value)) return null
    const n = Number(value)
    return n < headers.length ? n : null
  }
  return {
    fields: Object.fromEntries(
      CONTACT_FIELDS.map((f) => [f, column(`field.${f}`)]),
    ) as EvaluationMapping['fields'],
    items: Object.fromEntries(allItems(definition).map((i) => [i.key, column(`item.${i.key}`)])),
  }
}

export type RowProblem = { line: number; messageKey: string; value: string }

export type PlannedEvaluation = {
  line: number
  agentId: string
  agentEmail: string
  evaluatorId: string
  evaluatorEmail: string
  contact: ContactReference & { externalId: string }
  answers: Record<string, ItemAnswer>
  comment: string
  score: number
  passed: boolean
}

export type EvaluationCheck = {
  /** Problems with the mapping itself (a required field or every item unmapped). */
  mappingProblems: string[]
  problems: RowProblem[]
  /** Rows that will be written. */
  planned: PlannedEvaluation[]
  /** Rows whose external id this organisation already imported from this tool. */
  alreadyImported: number
  rowCount: number
}

/** Active members of the organisation by e-mail: nobody outside it is ever found. */
async function membersByEmail(organisationId: string) {
  const rows = await prisma.membership.findMany({
    where: { organisationId, deactivatedAt: null },
    select: { userId: true, user: { select: { email: true } } },
  })
  return new Map(rows.map((r) => [r.user.email.toLowerCase(), r.userId]))
}

async function importedIds(organisationId: string, source: string, ids: string[]) {
  const found = new Set<string>()
  for (const batch of batches(ids)) {
    const rows = await prisma.evaluation.findMany({
      where: { organisationId, source, externalId: { in: batch } },
      select: { externalId: true },
    })
    for (const r of rows) if (r.externalId) found.add(r.externalId)
  }
  return found
}

/** The dry run: every row checked, nothing written. */
export async function checkEvaluations(
  organisationId: string,
  version: Version,
  tool: QaTool,
  mapping: EvaluationMapping,
  file: TabularFile,
): Promise<EvaluationCheck> {
  const mappingProblems = REQUIRED_FIELDS.filter((f) => mapping.fields[f] === null).map(
    (f) => `imports.evaluations.field.${f}`,
  )
  const items = allItems(version.definition)
  if (!items.some((i) => mapping.items[i.key] !== null))
    mappingProblems.push('imports.mapping.noItems')
  if (mappingProblems.length > 0)
    return { mappingProblems, problems: [], planned: [], alreadyImported: 0, rowCount: 0 }

  const members = await membersByEmail(organisationId)
  const cell = (cells: string[], column: number | null) =>
    column === null ? '' : (cells[column] ?? '').trim()
  const problems: RowProblem[] = []
  const candidates: PlannedEvaluation[] = []
  const seen = new Set<string>()
  for (const { line, cells } of file.rows) {
    const f = mapping.fields
    const rowProblems: RowProblem[] = []
    const problem = (messageKey: string, value: string) =>
      rowProblems.push({ line, messageKey, value })

    const externalId = cell(cells, f.externalId)
    if (!externalId || externalId.length > 200) problem('imports.row.externalId', externalId)
    else if (seen.has(externalId)) problem('imports.row.duplicateInFile', externalId)
    seen.add(externalId)

    const agentText = cell(cells, f.agentEmail)
    const agentEmail = readEmail(agentText)
    const agentId = agentEmail ? members.get(agentEmail) : undefined
    if (!agentId) problem('imports.row.agentUnknown', agentText)
    const evaluatorText = cell(cells, f.evaluatorEmail)
    const evaluatorEmail = readEmail(evaluatorText)
    const evaluatorId = evaluatorEmail ? members.get(evaluatorEmail) : undefined
    if (!evaluatorId) problem('imports.row.evaluatorUnknown', evaluatorText)
    if (agentId && agentId === evaluatorId) problem('imports.row.selfEvaluation', agentText)

    const dateText = cell(cells, f.contactAt)
    const contactAt = readDateTime(dateText)
    if (!contactAt) problem('imports.row.date', dateText)
    else if (+contactAt > Date.now() + 86400_000) problem('imports.row.dateFuture', dateText)
    const channelText = cell(cells, f.channel)
    const channel = readChannel(channelText)
    if (!channel) problem('imports.row.channel', channelText)
    const durationText = cell(cells, f.durationSeconds)
    const durationSeconds = durationText ? readDuration(durationText) : null
    if (durationSeconds === undefined) problem('imports.row.duration', durationText)

    const answers: Record<string, ItemAnswer> = {}
    for (const item of items) {
      const text = cell(cells, mapping.items[item.key] ?? null)
      const value = readItemValue(item.scale, text)
      if (value === undefined)
        problem(
          item.scale === 'yes_no' ? 'imports.row.yesNo' : 'imports.row.scale',
          `${item.key}: ${text}`,
        )
      else answers[item.key] = { value }
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems)
      continue
    }
    const result = scoreContact(version.definition, answers)
    candidates.push({
      line,
      agentId: agentId!,
      agentEmail: agentEmail!,
      evaluatorId: evaluatorId!,
      evaluatorEmail: evaluatorEmail!,
      contact: {
        externalId,
        contactAt: contactAt!,
        channel: channel!,
        durationSeconds: durationSeconds ?? null,
        clientBrand: cell(cells, f.clientBrand).slice(0, 100) || null,
      },
      answers,
      comment: cell(cells, f.comment).slice(0, 4000),
      score: result.score,
      passed: result.passed,
    })
  }
  const existing = await importedIds(
    organisationId,
    tool,
    candidates.map((c) => c.contact.externalId),
  )
  const planned = candidates.filter((c) => !existing.has(c.contact.externalId))
  return {
    mappingProblems,
    problems,
    planned,
    alreadyImported: candidates.length - planned.length,
    rowCount: file.rows.length,
  }
}

export class EvaluationImportRefused extends Error {
  constructor(readonly check: EvaluationCheck) {
    super('the file has problems')
  }
}

/**
 * Check the file again (the members or earlier imports may have changed since the dry run)
 * and write it: every new evaluation, the import record and its audit line in one
 * transaction. A file with any bad row writes nothing.
 */
export async function importEvaluations(input: {
  scope: QualityScope
  versionId: string
  tool: QaTool
  mapping: EvaluationMapping
  file: TabularFile
  fileName: string
}) {
  const { scope } = input
  requireManager(scope)
  const version = await getScorecardVersion(scope.organisationId, input.versionId)
  if (!version) throw new Response('Not found', { status: 404 })
  const check = await checkEvaluations(
    scope.organisationId,
    version,
    input.tool,
    input.mapping,
    input.file,
  )
  if (check.mappingProblems.length > 0 || check.problems.length > 0)
    throw new EvaluationImportRefused(check)
  const importId = await prisma.$transaction(
    async (tx) => {
      const record = await tx.qualityImport.create({
        data: {
          organisationId: scope.organisationId,
          kind: 'evaluations',
          fileName: input.fileName.slice(0, 200),
          mapping: JSON.stringify({
            tool: input.tool,
            scorecardVersionId: version.id,
            ...input.mapping,
          }),
          rowCount: check.rowCount,
          createdCount: check.planned.length,
          importedById: scope.userId,
        },
        select: { id: true },
      })
      await insertEvaluationsInBulk(tx, {
        organisationId: scope.organisationId,
        version,
        source: input.tool,
        importId: record.id,
        rows: check.planned,
      })
      await audit(tx, {
        actorId: scope.userId,
        organisationId: scope.organisationId,
        action: 'evaluations.imported',
        subjectType: 'quality-import',
        subjectId: record.id,
        detail: {
          tool: input.tool,
          fileName: input.fileName.slice(0, 200),
          rows: check.rowCount,
          created: check.planned.length,
          alreadyImported: check.alreadyImported,
        },
      })
      return record.id
    },
    // Thousands of rows in one transaction: the default 5 s is meant for forms.
    { timeout: 300_000, maxWait: 30_000 },
  )
  // Imported scores count like scored ones: the organisation's rules run for each agent
  // (after the import's own transaction, as after the scoring form; no e-mail per row).
  const agents = affectedAgents(check.planned)
  for (const agentId of agents) await runRulesForAgent(scope.organisationId, agentId)
  return {
    importId,
    created: check.planned.length,
    alreadyImported: check.alreadyImported,
    agents: agents.length,
    agentIds: agents,
  }
}

/**
 * What insertEvaluation writes for one evaluation (the evaluation, its item scores and its
 * work-process rows, computed by the same evaluationContent), written a few hundred at a time:
 * one nested create per evaluation took 61 s for 5,000 rows on SQLite, these batches a few
 * seconds (docs/benchmarks.md). Imported evaluations are never calibration scores.
 */
async function insertEvaluationsInBulk(
  tx: Tx,
  input: {
    organisationId: string
    version: Version
    source: string
    importId: string
    rows: PlannedEvaluation[]
  },
) {
  for (const batch of batches(input.rows, 250)) {
    const contents = batch.map((row) => evaluationContent(input.version.definition, row.answers))
    const created = await tx.evaluation.createManyAndReturn({
      data: batch.map((row, i) => ({
        organisationId: input.organisationId,
        scorecardVersionId: input.version.id,
        evaluatorId: row.evaluatorId,
        agentId: row.agentId,
        source: input.source,
        externalId: row.contact.externalId,
        contactAt: row.contact.contactAt,
        channel: row.contact.channel,
        durationSeconds: row.contact.durationSeconds,
        clientBrand: row.contact.clientBrand,
        score: contents[i]!.result.score,
        passed: contents[i]!.result.passed,
        criticalFailed: contents[i]!.result.criticalFailed,
        comment: row.comment.trim().slice(0, 4000),
        importId: input.importId,
      })),
      select: { id: true, externalId: true },
    })
    const idOf = new Map(created.map((c) => [c.externalId, c.id]))
    await tx.evaluationItemScore.createMany({
      data: batch.flatMap((row, i) =>
        contents[i]!.items.map((item) => ({
          evaluationId: idOf.get(row.contact.externalId)!,
          ...item,
        })),
      ),
    })
    await tx.evaluationWorkProcess.createMany({
      data: batch.flatMap((row, i) =>
        contents[i]!.result.workProcesses.map((wp) => ({
          evaluationId: idOf.get(row.contact.externalId)!,
          dossierSlug: input.version.dossierSlug,
          workProcessCode: wp.code,
          agentId: row.agentId,
          contactAt: row.contact.contactAt,
          score: wp.score,
          passed: wp.passed,
        })),
      ),
    })
  }
}

/** The agents whose evaluations changed: the organisation's rules must run for each. */
export function affectedAgents(planned: Pick<PlannedEvaluation, 'agentId'>[]) {
  return [...new Set(planned.map((p) => p.agentId))]
}
