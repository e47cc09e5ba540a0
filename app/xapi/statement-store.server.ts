import { randomUUID } from 'node:crypto'
import { prisma, type Db } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'

/**
 * Statements our LRS holds live in the append-only event log (LearningEvent, verb "xapi"):
 * the statement as stored, plus its verb, activity and registration as columns to filter on.
 * A statement is never changed; voiding adds a statement whose voidsId names its target.
 */
export type Statement = Record<string, unknown> & { id: string }

export const VERB_VOIDED = 'http://adlnet.gov/expapi/verbs/voided'

const lrsAgent = () => ({
  objectType: 'Agent',
  account: { homePage: env.PUBLIC_URL, name: 'leerplein-lrs' },
})

/**
 * Who vouches for a statement: the LRS itself for the LMS's own statements; for content,
 * the LRS together with the launch whose credential sent it (an OAuth-style pair).
 */
export function authorityFor(launchId: string | null) {
  if (!launchId) return lrsAgent()
  return {
    objectType: 'Group',
    member: [
      lrsAgent(),
      {
        objectType: 'Agent',
        account: { homePage: `${env.PUBLIC_URL}/xapi/launches`, name: launchId },
      },
    ],
  }
}

/** The fields the LRS adds: id when missing, timestamp, stored, authority, version. */
export function completeStatement(
  received: Record<string, unknown>,
  launchId: string | null,
  stored: Date,
): Statement {
  const id = typeof received.id === 'string' ? received.id.toLowerCase() : randomUUID()
  return {
    ...received,
    id,
    timestamp: received.timestamp ?? stored.toISOString(),
    stored: stored.toISOString(),
    authority: authorityFor(launchId),
    version: received.version ?? '1.0.0',
  }
}

/** Key order never matters when statements are compared. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    )
  return value
}

/**
 * Whether a statement received again is the one we hold (xAPI: the LRS-set properties
 * stored, authority and version do not count; a timestamp we filled in neither).
 */
export function sameStatement(received: Record<string, unknown>, held: Statement): boolean {
  const strip = (s: Record<string, unknown>, dropTimestamp: boolean) => {
    const { stored: _s, authority: _a, version: _v, timestamp, id, ...rest } = s
    return canonical({
      ...rest,
      id: typeof id === 'string' ? id.toLowerCase() : id,
      ...(dropTimestamp ? {} : { timestamp }),
    })
  }
  const noTimestamp = received.timestamp === undefined
  return JSON.stringify(strip(received, noTimestamp)) === JSON.stringify(strip(held, noTimestamp))
}

/** The lesson a scope's statements belong to, for the event log's course and ladder columns. */
export async function lessonColumns(lessonId: string) {
  const lesson = await prisma.lesson.findUniqueOrThrow({
    where: { id: lessonId },
    select: {
      lessonKey: true,
      courseVersion: { select: { courseId: true } },
      workProcesses: { select: { workProcessCode: true } },
    },
  })
  return {
    lessonKey: lesson.lessonKey,
    courseId: lesson.courseVersion.courseId,
    workProcessCodes: toJsonList(lesson.workProcesses.map((w) => w.workProcessCode)),
  }
}

type LessonColumns = Awaited<ReturnType<typeof lessonColumns>>

const objectIdOf = (statement: Statement) => {
  const object = statement.object as { id?: unknown } | undefined
  return typeof object?.id === 'string' ? object.id : ''
}

export async function insertStatements(
  db: Db,
  userId: string,
  lesson: LessonColumns,
  statements: Statement[],
) {
  for (const statement of statements) {
    const verbIri = (statement.verb as { id: string }).id
    const object = statement.object as { objectType?: string; id?: string }
    const context = statement.context as { registration?: string } | undefined
    const result = statement.result as
      { success?: boolean; score?: { scaled?: number } } | undefined
    const scaled = result?.score?.scaled
    await db.learningEvent.create({
      data: {
        id: statement.id,
        userId,
        verb: 'xapi',
        objectType: 'activity',
        objectId: objectIdOf(statement),
        resultScore: typeof scaled === 'number' ? Math.round(scaled * 100) : null,
        resultSuccess: typeof result?.success === 'boolean' ? result.success : null,
        ...lesson,
        timestamp: new Date(statement.timestamp as string),
        statement: JSON.stringify(statement),
        verbIri,
        registration: context?.registration?.toLowerCase() ?? null,
        voidsId:
          verbIri === VERB_VOIDED && object.objectType === 'StatementRef'
            ? (object.id ?? '').toLowerCase()
            : null,
        storedAt: new Date(statement.stored as string),
      },
    })
  }
}

/** Held rows for these ids, whoever they belong to (ids are global). */
export async function heldStatements(ids: string[]) {
  if (ids.length === 0) return []
  return prisma.learningEvent.findMany({
    where: { id: { in: ids } },
    select: { id: true, userId: true, statement: true, verbIri: true, registration: true },
  })
}

/** Ids of the statements of this registration that have been voided. */
export async function voidedIds(userId: string, registration: string) {
  const rows = await prisma.learningEvent.findMany({
    where: { userId, registration, voidsId: { not: null } },
    select: { voidsId: true },
  })
  return rows.map((r) => r.voidsId!)
}
