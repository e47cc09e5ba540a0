import { randomUUID } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { visibleCourses } from '#app/domain/course-visibility.server.ts'
import { DOSSIER_OUTLINE, newestPerSlug } from '#app/domain/dossiers.server.ts'
import { TOP_STEP } from '#app/domain/progress-rules.ts'
import { env } from '#app/env.server.ts'
import { localized, type Locale } from '#app/i18n/i18n.ts'
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from './claims.ts'
import { pickValue, type DeepLinkingChoice, type DeepLinkingPick } from './deep-linking-choice.ts'
import { targetRef, targetUrl, type LtiTarget } from './targets.ts'
import { signToolJwt } from './tool-keys.server.ts'

/**
 * Deep Linking 2.0, our side: a teacher in the platform asked for content (the launch left an
 * LtiDeepLinkingRequest and signed them in); they pick from the catalogue their platform's
 * organisation may see, and we answer the platform with a signed LtiDeepLinkingResponse that
 * places one resource link per item in their course. A request is answered once.
 */

/** Why a request cannot be answered; another person's request reads as unknown (no hint). */
export type DeepLinkingRefusal = 'not-found' | 'used' | 'expired'
type Refused = { ok: false; reason: DeepLinkingRefusal }
const refuse = (reason: DeepLinkingRefusal): Refused => ({ ok: false, reason })

/** The request if it is this person's, unused and unexpired, with its platform. */
async function openRequest(requestId: string, userId: string, at: Date) {
  const request = await prisma.ltiDeepLinkingRequest.findUnique({ where: { id: requestId } })
  if (!request || request.userId !== userId) return refuse('not-found')
  const platform = await prisma.ltiPlatform.findUnique({
    where: { id: request.platformId },
    select: {
      id: true,
      name: true,
      issuer: true,
      clientId: true,
      status: true,
      organisationId: true,
    },
  })
  if (!platform || platform.status !== 'active') return refuse('not-found')
  // The return URL came from the platform: the browser only ever posts our answer to http(s).
  if (!/^https?:$/.test(URL.parse(request.returnUrl)?.protocol ?? '')) {
    return refuse('not-found')
  }
  if (request.usedAt) return refuse('used')
  if (request.expiresAt <= at) return refuse('expired')
  return { ok: true as const, request, platform }
}

/**
 * The published courses the platform's organisation may see (platform-wide ones and its own,
 * never another organisation's), each with its lessons, and the work processes of their
 * dossiers (newest version), each with the visible lessons that train it.
 */
async function catalogueFor(organisationId: string) {
  const rows = await prisma.course.findMany({
    where: { currentVersionId: { not: null }, ...visibleCourses([organisationId]) },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      currentVersion: {
        select: {
          dossierSlug: true,
          titleNl: true,
          titleEn: true,
          summaryNl: true,
          summaryEn: true,
          lessons: {
            orderBy: { position: 'asc' },
            select: {
              lessonKey: true,
              type: true,
              titleNl: true,
              titleEn: true,
              workProcesses: { select: { workProcessCode: true } },
            },
          },
        },
      },
    },
  })
  const courses = rows.flatMap(({ id, currentVersion: v }) =>
    v
      ? [
          {
            id,
            ...v,
            lessons: v.lessons.map((l) => ({
              courseId: id,
              lessonKey: l.lessonKey,
              type: l.type,
              titleNl: l.titleNl,
              // A Dutch-only lesson has no English title: the Dutch one stands in.
              titleEn: l.titleEn ?? '',
              workProcessCodes: l.workProcesses.map((w) => w.workProcessCode),
            })),
          },
        ]
      : [],
  )
  const slugs = [...new Set(courses.map((c) => c.dossierSlug))]
  const dossiers = newestPerSlug(
    await prisma.dossier.findMany({
      where: { slug: { in: slugs } },
      orderBy: [{ slug: 'asc' }, { version: 'desc' }],
      select: DOSSIER_OUTLINE,
    }),
  )
  const lessonsOf = (slug: string, code: string) =>
    courses
      .filter((c) => c.dossierSlug === slug)
      .flatMap((c) => c.lessons.filter((l) => l.workProcessCodes.includes(code)))
  const workProcesses = dossiers.map((d) => ({
    slug: d.slug,
    qualificationNl: d.qualificationNl,
    qualificationEn: d.qualificationEn,
    workProcesses: d.coreTasks.flatMap((k) =>
      k.workProcesses.map((w) => ({
        dossierSlug: d.slug,
        ...w,
        lessons: lessonsOf(d.slug, w.code),
      })),
    ),
  }))
  return { courses, dossiers: workProcesses }
}
type Catalogue = Awaited<ReturnType<typeof catalogueFor>>

/** A request's catalogue for its teacher, or why it cannot be answered. */
export async function deepLinkingCatalogue(requestId: string, userId: string) {
  const open = await openRequest(requestId, userId, new Date())
  if (!open.ok) return open
  return {
    ok: true as const,
    request: {
      id: open.request.id,
      acceptMultiple: open.request.acceptMultiple,
      platformName: open.platform.name,
      expiresAt: open.request.expiresAt,
    },
    ...(await catalogueFor(open.platform.organisationId)),
  }
}

/** One placed link, per Deep Linking 2.0 (§ 3.4.2 LTI Resource Link). */
export type LtiResourceLinkItem = {
  type: 'ltiResourceLink'
  title: string
  text: string
  url: string
  lineItem: { scoreMaximum: number; label: string; resourceId: string; tag: 'leerplein' }
  custom: { leerplein_target: string }
}

function resourceLink(
  target: LtiTarget,
  title: string,
  text: string,
  scoreMaximum: number,
): LtiResourceLinkItem {
  const { targetKind, targetRef: ref } = targetRef(target)
  const id = `${targetKind}:${ref}`
  return {
    type: 'ltiResourceLink',
    title,
    text,
    url: targetUrl(env.PUBLIC_URL, target),
    lineItem: { scoreMaximum, label: title, resourceId: id, tag: 'leerplein' },
    custom: { leerplein_target: id },
  }
}

/**
 * The content items of the picks, or the first pick the catalogue does not hold.
 *
 * The scoreMaximum of each line item agrees with the score the grade service sends for it:
 * a lesson scores 1 when done (of 1); a course scores its completed lessons (of its number of
 * lessons); a work process scores its ladder step (of the steps above "not started", TOP_STEP).
 */
function contentItems(catalogue: Catalogue, picks: DeepLinkingPick[], locale: Locale) {
  const items = new Map<string, LtiResourceLinkItem>()
  // A lesson picked twice (on its own and with its work process) is placed once.
  const add = (item: LtiResourceLinkItem) => items.set(item.lineItem.resourceId, item)
  const lessonItem = (lesson: Catalogue['courses'][number]['lessons'][number]) => {
    const course = catalogue.courses.find((c) => c.id === lesson.courseId)!
    return resourceLink(
      { kind: 'lesson', courseId: lesson.courseId, lessonKey: lesson.lessonKey },
      localized(lesson, 'title', locale),
      localized(course, 'title', locale),
      1,
    )
  }
  const workProcess = (slug: string, code: string) =>
    catalogue.dossiers.find((d) => d.slug === slug)?.workProcesses.find((w) => w.code === code)
  for (const pick of picks) {
    const value = pickValue(pick)
    if (pick.kind === 'work-process-lessons') {
      const found = workProcess(pick.dossierSlug, pick.code)
      if (!found?.lessons.length) return { ok: false as const, unknown: value }
      found.lessons.forEach((lesson) => add(lessonItem(lesson)))
      continue
    }
    const target = pick.target
    if (target.kind === 'work-process') {
      const found = workProcess(target.dossierSlug, target.code)
      if (!found) return { ok: false as const, unknown: value }
      const title = `${found.code} ${localized(found, 'title', locale)}`
      add(resourceLink(target, title, title, TOP_STEP))
      continue
    }
    const course = catalogue.courses.find((c) => c.id === target.courseId)
    if (!course) return { ok: false as const, unknown: value }
    if (target.kind === 'course') {
      const title = localized(course, 'title', locale)
      // A platform refuses a maximum of 0; a course without lessons still scores 0 of 1.
      const lessons = Math.max(1, course.lessons.length)
      add(resourceLink(target, title, localized(course, 'summary', locale), lessons))
      continue
    }
    const lesson = course.lessons.find((l) => l.lessonKey === target.lessonKey)
    if (!lesson) return { ok: false as const, unknown: value }
    add(lessonItem(lesson))
  }
  return { ok: true as const, items: [...items.values()] }
}

export type DeepLinkingAnswer =
  | { ok: true; returnUrl: string; jwt: string; platformName: string; items: LtiResourceLinkItem[] }
  | Refused
  /** A pick that is not in this platform's catalogue (unknown, or another organisation's). */
  | { ok: false; reason: 'unknown-pick'; pick: string }
  /** The platform accepts one item and the choice makes more. */
  | { ok: false; reason: 'one-item-only'; count: number; platformName: string }

/**
 * Answer a request with the teacher's choice: the signed LtiDeepLinkingResponse for the
 * platform's return URL. The request is claimed in the same step (one conditional update):
 * only the submit that claims it gets the response, a second one is refused as used.
 */
export async function deepLinkingResponse(
  requestId: string,
  userId: string,
  choice: DeepLinkingChoice,
  options: { locale?: Locale; msg?: string } = {},
): Promise<DeepLinkingAnswer> {
  const at = new Date()
  const open = await openRequest(requestId, userId, at)
  if (!open.ok) return open
  const { request, platform } = open
  const built = contentItems(
    await catalogueFor(platform.organisationId),
    choice.pick,
    options.locale ?? 'nl',
  )
  if (!built.ok) return { ok: false, reason: 'unknown-pick', pick: built.unknown }
  if (!request.acceptMultiple && built.items.length > 1) {
    return {
      ok: false,
      reason: 'one-item-only',
      count: built.items.length,
      platformName: platform.name,
    }
  }
  const jwt = await signToolJwt({
    // We are the issuer by our client id at the platform; the platform is the audience.
    iss: platform.clientId,
    aud: platform.issuer,
    nonce: randomUUID(),
    [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingResponse,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: request.deploymentId,
    [CLAIM.deepLinkingContentItems]: built.items,
    ...(request.data !== null ? { [CLAIM.deepLinkingData]: request.data } : {}),
    ...(options.msg ? { [CLAIM.deepLinkingMessage]: options.msg } : {}),
  })
  // Signing writes nothing (beyond the tool key on first use), so it happens before the claim:
  // a response that loses the race is simply never handed out.
  const claimed = await prisma.ltiDeepLinkingRequest.updateMany({
    where: { id: request.id, userId, usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
  })
  if (claimed.count !== 1) return { ok: false, reason: 'used' }
  return {
    ok: true,
    returnUrl: request.returnUrl,
    jwt,
    platformName: platform.name,
    items: built.items,
  }
}
