import { randomUUID } from 'node:crypto'
import { prisma, type Db } from '#app/db.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import {
  completeStatement,
  insertStatements,
  lessonColumns,
  type Statement,
} from '#app/xapi/statement-store.server.ts'

/** cmi5's vocabulary (cmi5 spec sections 9.3 and 9.6), in one place. */
export const CMI5_VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
} as const
export type Cmi5Verb = keyof typeof CMI5_VERBS

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon'
export const CMI5_EXTENSIONS = {
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  launchParameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
  reason: 'https://w3id.org/xapi/cmi5/context/extensions/reason',
} as const

/** The verbs only the LMS may use: an AU that sends one is refused. */
export const LMS_ONLY_VERBS: string[] = [
  CMI5_VERBS.launched,
  CMI5_VERBS.abandoned,
  CMI5_VERBS.waived,
  CMI5_VERBS.satisfied,
]

export const verbName = (iri: string) =>
  (Object.entries(CMI5_VERBS).find(([, id]) => id === iri)?.[0] as Cmi5Verb | undefined) ?? null

type Context = {
  registration?: string
  contextActivities?: { category?: Array<{ id?: string }> }
  extensions?: Record<string, unknown>
}

export const hasCmi5Category = (statement: Record<string, unknown>) =>
  ((statement.context as Context | undefined)?.contextActivities?.category ?? []).some(
    (c) => c?.id === CMI5_CATEGORY,
  )

export const sessionIdOf = (statement: Record<string, unknown>) =>
  (statement.context as Context | undefined)?.extensions?.[CMI5_EXTENSIONS.sessionId]

/** Who and what an LMS statement is about: one launch (session) of one registration. */
export type Cmi5Session = {
  userId: string
  lessonId: string
  registration: string
  activityId: string
  launchId: string
}

/**
 * Record a statement the LMS itself makes (launched, satisfied, abandoned) in our LRS: the
 * learner as actor, the AU as object, the cmi5 category and this session's id.
 */
export async function recordLmsStatement(
  session: Cmi5Session,
  verb: Cmi5Verb,
  extra: {
    result?: Record<string, unknown>
    extensions?: Record<string, unknown>
    moveOn?: boolean
  } = {},
): Promise<Statement> {
  const now = new Date()
  const statement = completeStatement(
    {
      id: randomUUID(),
      actor: learnerAgent(session.userId),
      verb: { id: CMI5_VERBS[verb], display: { 'en-US': verb } },
      object: { objectType: 'Activity', id: session.activityId },
      ...(extra.result ? { result: extra.result } : {}),
      context: {
        registration: session.registration,
        contextActivities: {
          category: [{ id: CMI5_CATEGORY }, ...(extra.moveOn ? [{ id: MOVEON_CATEGORY }] : [])],
        },
        extensions: { [CMI5_EXTENSIONS.sessionId]: session.launchId, ...extra.extensions },
      },
      timestamp: now.toISOString(),
    },
    null,
    now,
  )
  await insertStatements(prisma, session.userId, await lessonColumns(session.lessonId), [statement])
  return statement
}

/** The cmi5 statements of a registration so far, oldest first (few: one AU's attempt). */
export async function registrationStatements(
  userId: string,
  registration: string,
  db: Db = prisma,
) {
  const rows = await db.learningEvent.findMany({
    where: { userId, registration, verb: 'xapi', verbIri: { in: Object.values(CMI5_VERBS) } },
    orderBy: [{ storedAt: 'asc' }, { id: 'asc' }],
    select: { statement: true },
  })
  return rows.map((r) => JSON.parse(r.statement!) as Statement).filter(hasCmi5Category)
}
