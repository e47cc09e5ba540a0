import { prisma } from '#app/db.server.ts'
import { parseJsonList } from '#app/utils/json-list.ts'

/** xAPI 1.0.3 verbs: ADL's vocabulary where it has one. */
const VERBS: Record<string, { id: string; nl: string; en: string }> = {
  enrolled: {
    id: 'http://adlnet.gov/expapi/verbs/registered',
    nl: 'ingeschreven',
    en: 'registered',
  },
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

/**
 * A learner's event log as xAPI 1.0.3 statements. The actor is identified by an account on
 * this platform (not by e-mail), so an export shares no more personal data than needed.
 */
export async function xapiStatements(userId: string, baseUrl: string) {
  const [user, events] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } }),
    prisma.learningEvent.findMany({ where: { userId }, orderBy: { timestamp: 'asc' } }),
  ])
  const activityId = (type: string, id: string) =>
    type === 'course'
      ? `${baseUrl}/courses/${encodeURIComponent(id)}`
      : type === 'lesson'
        ? `${baseUrl}/lessons/${encodeURIComponent(id)}`
        : `${baseUrl}/dossiers/${id.split('/').map(encodeURIComponent).join('/')}`
  return events.map((e) => {
    const verb = VERBS[e.verb] ?? { id: `${baseUrl}/xapi/verbs/${e.verb}`, nl: e.verb, en: e.verb }
    const result: Record<string, unknown> = {}
    if (e.resultScore !== null)
      result.score = { scaled: e.resultScore / 100, raw: e.resultScore, min: 0, max: 100 }
    if (e.resultSuccess !== null) result.success = e.resultSuccess
    if (e.verb === 'completed') result.completion = true
    if (e.resultStep !== null) {
      result.extensions = { [`${baseUrl}/xapi/extensions/ladder-step`]: e.resultStep }
    }
    const codes = parseJsonList(e.workProcessCodes)
    return {
      id: e.id,
      version: '1.0.3',
      actor: {
        objectType: 'Agent',
        name: user.name,
        account: { homePage: baseUrl, name: user.id },
      },
      verb: { id: verb.id, display: { 'nl-NL': verb.nl, 'en-US': verb.en } },
      object: {
        objectType: 'Activity',
        id: activityId(e.objectType, e.objectId),
        definition: { type: ACTIVITY_TYPES[e.objectType] },
      },
      ...(Object.keys(result).length > 0 ? { result } : {}),
      context: {
        platform: 'Leerplein Contactcenter',
        contextActivities: {
          ...(e.courseId
            ? { parent: [{ objectType: 'Activity', id: activityId('course', e.courseId) }] }
            : {}),
          ...(codes.length > 0
            ? {
                other: codes.map((c) => ({
                  objectType: 'Activity',
                  id: `${baseUrl}/work-processes/${encodeURIComponent(c)}`,
                })),
              }
            : {}),
        },
      },
      timestamp: e.timestamp.toISOString(),
    }
  })
}
