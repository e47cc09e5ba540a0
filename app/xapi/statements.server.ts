import { forwardStatementsSoon } from '#app/integrations/lrs/delivery.server.ts'
import validateStatement from '@learninglocker/xapi-validation'
import { prisma } from '#app/db.server.ts'
import { judgeStatements, settleCmi5 } from '#app/packages/cmi5-judge.server.ts'
import type { XapiScope } from './credentials.server.ts'
import { XapiError } from './http.server.ts'
import { learnerAgent } from './learner-agent.server.ts'
import {
  VERB_VOIDED,
  completeStatement,
  heldStatements,
  insertStatements,
  lessonColumns,
  sameStatement,
  voidedIds,
  type Statement,
} from './statement-store.server.ts'

/** At most this many statements in one POST: a batch is judged and stored in one go. */
export const MAX_STATEMENTS_PER_REQUEST = 100
/** Default and largest page of a GET. */
export const PAGE_LIMIT = 100

// The package is CommonJS with an `exports.default`; Node's ESM loader and Vite disagree on
// whether a default import is that function or the module object.
const validator = ((validateStatement as unknown as { default?: unknown }).default ??
  validateStatement) as (statement: unknown) => Array<{ name: string; path: string[] }>

/** The independent validator's findings, as "NameWarning at statement.path" lines. */
export function statementProblems(statement: unknown): string[] {
  return validator(statement).map((w) => `${w.name} at ${w.path.join('.')}`)
}

/** Whether an Agent (from a statement or a query) is exactly this learner. */
export const sameAgent = (a: unknown, b: ReturnType<typeof learnerAgent>) => {
  const agent = a as { objectType?: string; account?: { homePage?: string; name?: string } }
  const keys = Object.keys(agent ?? {}).filter((k) => k !== 'objectType' && k !== 'name')
  return (
    (agent.objectType ?? 'Agent') === 'Agent' &&
    keys.length === 1 &&
    agent.account?.homePage === b.account.homePage &&
    agent.account?.name === b.account.name
  )
}

/**
 * Take an AU's statements (one or an array): validate each with the independent validator
 * (400), check they are about this launch's learner and registration (403), apply the cmi5
 * rules (403), then store them all in one transaction or none. Returns their ids in order.
 */
export async function receiveStatements(
  scope: XapiScope,
  body: unknown,
  options: { statementId?: string } = {},
): Promise<string[]> {
  const list = Array.isArray(body) ? body : [body]
  if (options.statementId !== undefined && Array.isArray(body))
    throw new XapiError(400, 'PUT takes one statement')
  if (list.length === 0) throw new XapiError(400, 'No statements')
  if (list.length > MAX_STATEMENTS_PER_REQUEST)
    throw new XapiError(413, `At most ${MAX_STATEMENTS_PER_REQUEST} statements per request`)
  const problems: string[] = []
  list.forEach((statement, i) => {
    let received = statement
    if (options.statementId !== undefined && statement && typeof statement === 'object') {
      const id = (statement as { id?: unknown }).id
      if (id !== undefined && String(id).toLowerCase() !== options.statementId.toLowerCase())
        problems.push('statementId does not match the statement id')
      received = { ...statement, id: options.statementId }
    }
    for (const problem of statementProblems(received))
      problems.push(list.length > 1 ? `[${i}] ${problem}` : problem)
    list[i] = received
  })
  if (problems.length > 0) throw new XapiError(400, problems.join('; '))

  const learner = learnerAgent(scope.userId)
  const ids = new Set<string>()
  for (const statement of list as Array<Record<string, unknown>>) {
    if (!sameAgent(statement.actor, learner))
      throw new XapiError(403, 'The actor must be the learner this launch is for')
    const registration = (statement.context as { registration?: string } | undefined)?.registration
    if (registration?.toLowerCase() !== scope.registration)
      throw new XapiError(403, "context.registration must be this launch's registration")
    if (typeof statement.id === 'string') {
      const id = statement.id.toLowerCase()
      if (ids.has(id)) throw new XapiError(400, `Statement id ${id} appears twice`)
      ids.add(id)
    }
  }

  // Ids we already hold: the same statement again is accepted (and not stored twice).
  const held = new Map((await heldStatements([...ids])).map((row) => [row.id, row]))
  const stored = new Date()
  const fresh: Statement[] = []
  const allIds: string[] = []
  for (const received of list as Array<Record<string, unknown>>) {
    const id = typeof received.id === 'string' ? received.id.toLowerCase() : null
    const existing = id ? held.get(id) : undefined
    if (existing) {
      if (
        existing.userId !== scope.userId ||
        !existing.statement ||
        !sameStatement(received, JSON.parse(existing.statement) as Statement)
      )
        throw new XapiError(409, `Statement ${id} exists with other content`)
      allIds.push(existing.id)
      continue
    }
    // One millisecond apart, so the order of a batch is the order of its stored times.
    const statement = completeStatement(
      received,
      scope.launchId,
      new Date(stored.getTime() + fresh.length),
    )
    fresh.push(statement)
    allIds.push(statement.id)
  }
  await checkVoiding(scope, fresh)
  const lesson = fresh.length > 0 ? await lessonColumns(scope.lessonId) : null
  const change =
    lesson === null
      ? { judged: false, terminated: false }
      : await prisma.$transaction(async (tx) => {
          // One batch of a registration at a time: writing the attempt first takes its row
          // lock (SQLite: the write lock), so a second batch is judged only after this one is
          // stored. Otherwise two "completed" sent at once would both pass the judge.
          await tx.packageAttempt.update({
            where: { id: scope.attemptId },
            data: { updatedAt: new Date() },
          })
          const judged = await judgeStatements(scope, fresh, tx)
          await insertStatements(tx, scope.userId, lesson, fresh)
          return judged
        })
  await settleCmi5(scope, change)
  // The organisation's own LRS gets them too (and the LMS statements the judge wrote).
  if (fresh.length > 0) await forwardStatementsSoon(scope.userId)
  return allIds
}

/** A voiding statement may only void one of this learner's statements, never a voiding one. */
async function checkVoiding(scope: XapiScope, statements: Statement[]) {
  const targets = statements
    .filter((s) => (s.verb as { id: string }).id === VERB_VOIDED)
    .map((s) => s.object as { objectType?: string; id?: string })
  if (targets.some((t) => t.objectType !== 'StatementRef'))
    throw new XapiError(400, 'A voiding statement needs a StatementRef object')
  const rows = await heldStatements(targets.map((t) => t.id!.toLowerCase()))
  for (const row of rows) {
    if (row.userId !== scope.userId || row.registration !== scope.registration)
      throw new XapiError(403, "Only statements of this launch's registration can be voided")
    if (row.verbIri === VERB_VOIDED)
      throw new XapiError(400, 'A voiding statement cannot be voided')
  }
}

export type StatementQuery = {
  statementId?: string
  voidedStatementId?: string
  agent?: unknown
  verb?: string
  activity?: string
  registration?: string
  relatedActivities?: boolean
  since?: Date
  until?: Date
  limit?: number
  ascending?: boolean
  /** From a `more` URL: the last (storedAt, id) of the previous page. */
  after?: { storedAt: Date; id: string }
}

type Page = { statements: Statement[]; next: { storedAt: Date; id: string } | null }

/**
 * Statements this credential may read: its learner's, of its registration. Voided ones are
 * left out (except by voidedStatementId); ordered by stored time, newest first by default.
 */
export async function queryStatements(scope: XapiScope, query: StatementQuery): Promise<Page> {
  const base = { userId: scope.userId, registration: scope.registration, verb: 'xapi' }
  const voided = await voidedIds(scope.userId, scope.registration)
  if (query.statementId || query.voidedStatementId) {
    const id = (query.statementId ?? query.voidedStatementId)!.toLowerCase()
    const isVoided = voided.includes(id)
    if (query.statementId ? isVoided : !isVoided) return { statements: [], next: null }
    const row = await prisma.learningEvent.findFirst({
      where: { ...base, id },
      select: { statement: true },
    })
    return { statements: row ? [JSON.parse(row.statement!) as Statement] : [], next: null }
  }
  const learner = learnerAgent(scope.userId)
  if (query.agent !== undefined && !sameAgent(query.agent, learner))
    return { statements: [], next: null }
  if (query.registration !== undefined && query.registration.toLowerCase() !== scope.registration)
    return { statements: [], next: null }
  const limit = Math.min(query.limit || PAGE_LIMIT, PAGE_LIMIT)
  const ascending = query.ascending ?? false
  const after = query.after
  const rows = await prisma.learningEvent.findMany({
    where: {
      ...base,
      id: { notIn: voided },
      ...(query.verb ? { verbIri: query.verb } : {}),
      ...(query.activity
        ? query.relatedActivities
          ? {
              OR: [
                { objectId: query.activity },
                { statement: { contains: JSON.stringify(query.activity) } },
              ],
            }
          : { objectId: query.activity }
        : {}),
      AND: [
        query.since ? { storedAt: { gt: query.since } } : {},
        query.until ? { storedAt: { lte: query.until } } : {},
        after
          ? ascending
            ? {
                OR: [
                  { storedAt: { gt: after.storedAt } },
                  { storedAt: after.storedAt, id: { gt: after.id } },
                ],
              }
            : {
                OR: [
                  { storedAt: { lt: after.storedAt } },
                  { storedAt: after.storedAt, id: { lt: after.id } },
                ],
              }
          : {},
      ],
    },
    orderBy: ascending
      ? [{ storedAt: 'asc' }, { id: 'asc' }]
      : [{ storedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: { id: true, storedAt: true, statement: true },
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    statements: page.map((r) => JSON.parse(r.statement!) as Statement),
    next: rows.length > limit && last ? { storedAt: last.storedAt!, id: last.id } : null,
  }
}
