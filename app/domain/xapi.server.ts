import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import { parseJsonList } from '#app/utils/json-list.ts'

/** xAPI 1.0.3 verbs: ADL's vocabulary where it has one. */
const VERBS: Record<string, { id: string; nl: string; en: string }> = {
  enrolled: {
    id: 'http://adlnet.gov/expapi/verbs/registered',
    nl: 'ingeschreven',
    en: 'registered',
  },
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', nl: 'geprobeerd', en: 'attempted' },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', nl: 'afgerond', en: 'completed' },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', nl: 'gehaald', en: 'passed' },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', nl: 'niet gehaald', en: 'failed' },
  progressed: {
    id: 'http://adlnet.gov/expapi/verbs/progressed',
    nl: 'gevorderd',
    en: 'progressed',
  },
}

const ACTIVITY_TYPES: Record<string, string> = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  course: 'http://adlnet.gov/expapi/activities/course',
  'work-process': 'http://adlnet.gov/expapi/activities/objective',
}

/** What a statement is built from: a LearningEvent row. */
export type EventRow = {
  id: string
  userId: string
  verb: string
  objectType: string
  objectId: string
  resultScore: number | null
  resultSuccess: boolean | null
  resultStep: number | null
  courseId: string | null
  lessonKey: string | null
  workProcessCodes: string
  timestamp: Date
  statement: string | null
}

export type XapiStatement = Record<string, unknown> & { id: string }

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/')

/**
 * The activity ids of our own things. One thing has one id, always under PUBLIC_URL (never
 * the host a request came in through), and each is the address of the thing's page:
 * a course `/courses/<id>`, a lesson `/courses/<courseId>/<lessonKey>` (or `/lessons/<key>`,
 * which redirects there, when the course is not known), a work process
 * `/dossiers/<slug>/<code>`, in the object as in the context.
 */
export const activityIri = {
  course: (courseId: string) => `${env.PUBLIC_URL}/courses/${path(courseId)}`,
  lesson: (lessonKey: string, courseId: string | null) =>
    courseId
      ? `${env.PUBLIC_URL}/courses/${path(courseId, lessonKey)}`
      : `${env.PUBLIC_URL}/lessons/${path(lessonKey)}`,
  workProcess: (dossierSlug: string, code: string) =>
    `${env.PUBLIC_URL}/dossiers/${path(dossierSlug, code)}`,
}

/** The dossier of each course (its current version's): work process codes are per dossier. */
async function dossierOfCourses(courseIds: string[]) {
  const courses = await prisma.course.findMany({
    where: { id: { in: [...new Set(courseIds)] } },
    select: { id: true, currentVersion: { select: { dossierSlug: true } } },
  })
  return new Map(courses.map((c) => [c.id, c.currentVersion?.dossierSlug ?? null]))
}

/**
 * Events as xAPI 1.0.3 statements, in the order given. The actor is learnerAgent(userId): an
 * account on this platform without a name or e-mail address, so an export or an
 * organisation's LRS gets a stable pseudonymous identifier and no more personal data than
 * needed (docs/operations.md). A statement our xAPI endpoint received (verb "xapi") goes out
 * as it was stored.
 */
export async function statementsFor(events: EventRow[]): Promise<XapiStatement[]> {
  const dossiers = await dossierOfCourses(
    events.flatMap((e) => (e.courseId && e.verb !== 'xapi' ? [e.courseId] : [])),
  )
  return events.map((e) => {
    if (e.verb === 'xapi' && e.statement) return JSON.parse(e.statement) as XapiStatement
    return ownStatement(e, e.courseId ? (dossiers.get(e.courseId) ?? null) : null)
  })
}

function ownStatement(e: EventRow, courseDossier: string | null): XapiStatement {
  const base = env.PUBLIC_URL
  const verb = VERBS[e.verb] ?? { id: `${base}/xapi/verbs/${e.verb}`, nl: e.verb, en: e.verb }
  const result: Record<string, unknown> = {}
  if (e.resultScore !== null)
    result.score = { scaled: e.resultScore / 100, raw: e.resultScore, min: 0, max: 100 }
  if (e.resultSuccess !== null) result.success = e.resultSuccess
  if (e.verb === 'completed') result.completion = true
  if (e.resultStep !== null) {
    result.extensions = { [`${base}/xapi/extensions/ladder-step`]: e.resultStep }
  }
  let objectId: string
  let dossierSlug = courseDossier
  if (e.objectType === 'course') objectId = activityIri.course(e.objectId)
  else if (e.objectType === 'lesson') objectId = activityIri.lesson(e.objectId, e.courseId)
  else if (e.objectType !== 'work-process') objectId = e.objectId
  else {
    // A work process event's object is "<dossierSlug>/<code>".
    const [slug = '', code = ''] = e.objectId.split('/')
    objectId = activityIri.workProcess(slug, code)
    dossierSlug = slug
  }
  const others = dossierSlug
    ? parseJsonList(e.workProcessCodes)
        .map((code) => activityIri.workProcess(dossierSlug, code))
        .filter((id) => id !== objectId)
    : []
  return {
    id: e.id,
    version: '1.0.3',
    actor: learnerAgent(e.userId),
    verb: { id: verb.id, display: { 'nl-NL': verb.nl, 'en-US': verb.en } },
    object: {
      objectType: 'Activity',
      id: objectId,
      definition: { type: ACTIVITY_TYPES[e.objectType] },
    },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context: {
      platform: 'Leerplein Contactcenter',
      contextActivities: {
        ...(e.courseId && e.objectType !== 'course'
          ? { parent: [{ objectType: 'Activity', id: activityIri.course(e.courseId) }] }
          : {}),
        ...(others.length > 0
          ? { other: others.map((id) => ({ objectType: 'Activity', id })) }
          : {}),
      },
    },
    timestamp: e.timestamp.toISOString(),
  }
}

/** A learner's whole event log as xAPI 1.0.3 statements, oldest first. */
export async function xapiStatements(userId: string) {
  const events = await prisma.learningEvent.findMany({
    where: { userId },
    orderBy: [{ timestamp: 'asc' }, { id: 'asc' }],
  })
  return statementsFor(events)
}
