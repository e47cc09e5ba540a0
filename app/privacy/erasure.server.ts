import { keepStaffCounts } from '#app/employer/staff-counts.server.ts'
import { randomUUID } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import { TABLES } from '#app/db-tables.server.ts'
import { subjectId } from '#app/records/credential.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { ERASURE_POLICY, type BlankRule, type ErasurePolicy } from './erasure-policy.ts'
import { personalModels, type Datamodel } from './personal-models.ts'

/**
 * Erasing an account (AVG art. 17), carried out by the `privacy.erase` job once a request is
 * approved and nothing holds it (erasure-requests.server.ts). In one transaction:
 * 1. a pseudonym is made: a fresh account id without name, e-mail or password;
 * 2. every model that refers to a person is treated as ERASURE_POLICY says: the person's rows
 *    deleted, or moved to the pseudonym with their free text and files blanked;
 * 3. the account row is deleted;
 * 4. a generic pass replaces every remaining copy of the person's id, e-mail, name and
 *    credential subject id in any text column of any table (audit details, xAPI statements,
 *    SCORM data, e-mails about them to others).
 * The old id is then nowhere, so nothing links the pseudonym's rows to the person: organisation
 * totals stay right, and nobody can tell whose they were. Files go after the commit.
 */

/**
 * The generated client's datamodel: the `prisma-client` generator emits no Prisma.dmmf, but
 * every client carries the schema's models and relations as its runtime datamodel (untyped on
 * the generated class). Read by erasure and by the completeness tests.
 */
export function runtimeDatamodel(): Datamodel {
  return (prisma as unknown as { _runtimeDataModel: Datamodel })._runtimeDataModel
}

/** How an erased person's pseudonym shows in lists (the matrix, audit trails). */
export function pseudonymName(pseudonymId: string) {
  return `Gewist account ${pseudonymId.slice(0, 4).toUpperCase()}`
}

type Delegate = {
  findMany(args: object): Promise<Array<Record<string, unknown>>>
  updateMany(args: object): Promise<{ count: number }>
  deleteMany(args: object): Promise<{ count: number }>
}
const delegateName = (model: string) => model[0]!.toLowerCase() + model.slice(1)
const delegate = (tx: Tx, model: string) =>
  (tx as unknown as Record<string, Delegate>)[delegateName(model)]!

/** `userId` → { userId: id }; `evidence.userId` → { evidence: { userId: id } }. */
function whereColumn(path: string, id: string): object {
  const [head, ...rest] = path.split('.')
  return rest.length ? { [head!]: whereColumn(rest.join('.'), id) } : { [head!]: id }
}
const whereAny = (paths: readonly string[], id: string) => ({
  OR: paths.map((p) => whereColumn(p, id)),
})

export type ErasureOutcome = {
  pseudonymId: string
  /** Rows deleted and rows moved to the pseudonym, per model. */
  deleted: Record<string, number>
  pseudonymised: Record<string, number>
  /** Rows the generic pass cleaned, per model. */
  scrubbed: Record<string, number>
  filesDeleted: number
}

/** Erases one account; throws when there is no such (unerased) account. */
export async function eraseAccount(userId: string, now = new Date()): Promise<ErasureOutcome> {
  const person = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, erasedAt: true },
  })
  if (person.erasedAt) throw new Error(`account ${userId} is a pseudonym already`)
  const datamodel = runtimeDatamodel()
  const pseudonymId = randomUUID()
  const outcome: ErasureOutcome = {
    pseudonymId,
    deleted: {},
    pseudonymised: {},
    scrubbed: {},
    filesDeleted: 0,
  }
  const files = new Set<string>()
  const ownText = await textsOf(userId)

  await prisma.$transaction(
    async (tx) => {
      // Memberships and steps move to the pseudonym; the matrix totals follow whatever the
      // policy does with them, in this transaction.
      await keepStaffCounts(tx, [userId, pseudonymId], async () => {
        await tx.user.create({
          data: {
            id: pseudonymId,
            email: `${pseudonymId}@erased.invalid`,
            name: pseudonymName(pseudonymId),
            passwordHash: '',
            createdAt: now,
            passwordChangedAt: now,
            erasedAt: now,
          },
        })
        await eraseWhatColumnsDoNotName(tx, person)
        // Two passes: first blank and delete while every row still names the person (a rule
        // may reach them through another table, like the assessments of their evidence), then
        // move what stays to the pseudonym.
        const plan = [...personalModels(datamodel)].flatMap(([model, refs]) => {
          const policy = (ERASURE_POLICY as Record<string, ErasurePolicy>)[model]
          if (!policy) throw new Error(`${model} refers to a person and has no erasure policy`)
          if (policy.erase === 'account') return []
          const scalars = new Set(
            datamodel.models[model]!.fields.filter((f) => f.kind === 'scalar').map((f) => f.name),
          )
          return [
            {
              model,
              policy,
              rows: delegate(tx, model),
              columns: refs.filter((r) => scalars.has(r)),
            },
          ]
        })
        for (const { model, policy, rows, columns } of plan) {
          if (policy.erase === 'pseudonymise') {
            for (const rule of policy.blank ?? []) await blank(rows, rule, userId, files)
            continue
          }
          if (model === 'Upload') {
            for (const u of await rows.findMany({
              where: whereAny(columns, userId),
              select: { objectKey: true },
            }))
              files.add(String(u.objectKey))
          }
          outcome.deleted[model] = (
            await rows.deleteMany({ where: whereAny(columns, userId) })
          ).count
        }
        for (const { model, policy, rows, columns } of plan) {
          if (policy.erase !== 'pseudonymise') continue
          let moved = 0
          for (const column of columns) {
            moved += (
              await rows.updateMany({
                where: { [column]: userId },
                data: { [column]: pseudonymId },
              })
            ).count
          }
          outcome.pseudonymised[model] = moved
        }
        await tx.user.delete({ where: { id: userId } })
        outcome.scrubbed = await scrubIdentifiers(tx, datamodel, [
          [person.id, pseudonymId],
          [subjectId(person.id), subjectId(pseudonymId)],
          [person.email, `${pseudonymId}@erased.invalid`],
          [person.name, pseudonymName(pseudonymId)],
          ...ownText.map((text) => [text, ERASED_TEXT] as const),
        ])
      })
    },
    { timeout: 120_000, maxWait: 30_000 },
  )

  // After the commit: a failed delete leaves an orphaned object that no row points to, never
  // a row pointing to a missing file. The storage says nothing about whose an orphan was.
  for (const key of files) {
    await objectStorage()
      .delete(key)
      .catch((error: unknown) => console.warn('erasure: a file could not be deleted:', error))
    outcome.filesDeleted++
  }
  return outcome
}

async function blank(rows: Delegate, rule: BlankRule, userId: string, files: Set<string>) {
  const where = whereAny(rule.when, userId)
  for (const column of rule.files ?? []) {
    for (const row of await rows.findMany({ where, select: { [column]: true } }))
      if (row[column]) files.add(String(row[column]))
  }
  await rows.updateMany({ where, data: rule.set })
}

/**
 * What is about the person without a person column: e-mails to their address, invitations
 * to it, the directory's profile of their memberships, rate-limit counters keyed by their
 * address, the criterion and item comments on their assessments and evaluations, and the
 * records' own credential copy (kept with the achievement only, for the record page).
 */
async function eraseWhatColumnsDoNotName(tx: Tx, person: { id: string; email: string }) {
  await tx.email.deleteMany({ where: { to: person.email } })
  await tx.invitation.deleteMany({ where: { email: person.email } })
  await tx.scimProfile.deleteMany({ where: { membership: { userId: person.id } } })
  await tx.rateLimitCounter.deleteMany({ where: { key: { contains: person.email } } })
  await tx.criterionScore.updateMany({
    where: {
      assessment: { OR: [{ assessorId: person.id }, { evidence: { userId: person.id } }] },
    },
    data: { comment: '' },
  })
  await tx.evaluationItemScore.updateMany({
    where: { evaluation: { OR: [{ agentId: person.id }, { evaluatorId: person.id }] } },
    data: { comment: '' },
  })
  for (const record of await tx.completionRecord.findMany({
    where: { userId: person.id },
    select: { id: true, credential: true },
  })) {
    await tx.completionRecord.update({
      where: { id: record.id },
      data: { credential: JSON.stringify(withoutHolder(JSON.parse(record.credential))) },
    })
  }
}

/** A credential as the platform keeps it after erasure: what was achieved, not by whom. */
export function withoutHolder(credential: Record<string, unknown>) {
  const { proof: _proof, credentialSubject, evidence, ...rest } = credential
  const { achievement, type } = credentialSubject as Record<string, unknown>
  return {
    ...rest,
    credentialSubject: { type, achievement },
    // The evidence's names and narratives are the person's own words: only the links stay.
    ...(Array.isArray(evidence)
      ? {
          evidence: evidence.map((e: { id?: string; type?: unknown }) => ({
            id: e.id,
            type: e.type,
          })),
        }
      : {}),
  }
}

/** What a copy of the person's words is replaced by wherever it was quoted. */
export const ERASED_TEXT = '[gewist]'

/**
 * The person's own words, and the coaching notes about them, that other rows may quote: an
 * e-mail to an assessor naming their evidence, a team leader's coaching evidence citing the
 * agreements. Short texts are left out, so a common phrase in someone else's row is not hit;
 * the rows these come from are blanked by the policy anyway.
 */
async function textsOf(userId: string) {
  const [reflections, evidence, disputes, coaching] = await Promise.all([
    prisma.reflection.findMany({ where: { userId }, select: { text: true } }),
    prisma.evidence.findMany({ where: { userId }, select: { title: true, narrative: true } }),
    prisma.evaluation.findMany({ where: { agentId: userId }, select: { disputeReason: true } }),
    prisma.coachingSession.findMany({
      where: { agentId: userId },
      select: { discussed: true, agreements: true },
    }),
  ])
  const texts = [
    ...reflections.map((r) => r.text),
    ...evidence.flatMap((e) => [e.title, e.narrative]),
    ...disputes.map((d) => d.disputeReason ?? ''),
    ...coaching.flatMap((c) => [c.discussed, c.agreements]),
  ]
  // Longest first: a text that contains another is replaced whole.
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t.length >= 15))].sort(
    (a, b) => b.length - a.length,
  )
}

/**
 * Replaces each identifier by its pseudonymous counterpart in every text column of every
 * table. Rows are found by `contains` (case-insensitive on SQLite, exact on PostgreSQL, where
 * addresses are stored lowercased) and replaced case-insensitively.
 */
async function scrubIdentifiers(
  tx: Tx,
  datamodel: Datamodel,
  replacements: ReadonlyArray<readonly [string, string]>,
) {
  // A name of a few letters would hit unrelated words; ids and addresses are long.
  const pairs = replacements.filter(([from]) => from.trim().length >= 5)
  const scrubbed: Record<string, number> = {}
  for (const table of TABLES) {
    const model = table.model[0]!.toUpperCase() + table.model.slice(1)
    const textColumns = datamodel.models[model]!.fields.filter(
      (f) => f.kind === 'scalar' && f.type === 'String',
    ).map((f) => f.name)
    if (textColumns.length === 0) continue
    const rows = delegate(tx, model)
    const where = {
      OR: textColumns.flatMap((column) =>
        pairs.map(([from]) => ({ [column]: { contains: from } })),
      ),
    }
    const select = Object.fromEntries([...table.key, ...textColumns].map((c) => [c, true]))
    let count = 0
    for (const row of await rows.findMany({ where, select })) {
      const data: Record<string, string> = {}
      for (const column of textColumns) {
        const value = row[column]
        if (typeof value !== 'string') continue
        const cleaned = pairs.reduce((text, [from, to]) => replaceAll(text, from, to), value)
        if (cleaned !== value) data[column] = cleaned
      }
      if (Object.keys(data).length === 0) continue
      const key = Object.fromEntries(table.key.map((k) => [k, row[k]]))
      await rows.updateMany({ where: key, data })
      count++
    }
    if (count > 0) scrubbed[model] = count
  }
  return scrubbed
}

function replaceAll(text: string, from: string, to: string) {
  return text.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), to)
}
