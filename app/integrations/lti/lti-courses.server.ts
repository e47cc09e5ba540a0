import { prisma } from '#app/db.server.ts'
import { jobQueue } from '#app/jobs/process-queue.server.ts'
import { scoreJobLinkId } from './affected-launches.server.ts'
import { targetOfLink, targetPath } from './targets.ts'

/**
 * The org admin's overview of the platform courses their organisation's registrations know:
 * per course its placed links, and how the grade passback of each is doing (sent, waiting in
 * the queue, retrying after a failure, given up).
 */
export async function listPlatformCourses(organisationId: string) {
  const contexts = await prisma.ltiContext.findMany({
    where: { platform: { organisationId } },
    orderBy: [{ platform: { name: 'asc' } }, { title: 'asc' }],
    select: {
      id: true,
      title: true,
      membershipsUrl: true,
      lastRosterImportAt: true,
      platform: { select: { name: true, status: true, rosterTeams: true } },
      links: {
        orderBy: { title: 'asc' },
        select: {
          id: true,
          title: true,
          targetKind: true,
          targetRef: true,
          lineItemUrl: true,
          _count: { select: { launches: true } },
        },
      },
    },
  })
  const linkIds = contexts.flatMap((c) => c.links.map((l) => l.id))
  const sent = await prisma.ltiLaunch.groupBy({
    by: ['resourceLinkId'],
    where: { resourceLinkId: { in: linkIds }, scoreSentAt: { not: null } },
    _count: { _all: true },
  })
  const sentByLink = new Map(sent.map((s) => [s.resourceLinkId, s._count._all]))
  const jobs = await scoreJobsByLink()
  const titles = await targetTitles(contexts.flatMap((c) => c.links))
  return contexts.map(({ membershipsUrl, platform, links, ...context }) => ({
    ...context,
    platformName: platform.name,
    canImport: Boolean(membershipsUrl) && platform.status === 'active',
    rosterTeams: platform.rosterTeams,
    links: links.map(({ _count, lineItemUrl, ...link }) => ({
      ...link,
      // What the link opens, in words: the lesson's or course's title, the work process's code.
      targetTitle: titles.get(`${link.targetKind}:${link.targetRef}`) ?? link.targetRef,
      targetPath: targetOfLink(link) ? targetPath(targetOfLink(link)!) : null,
      hasLineItem: Boolean(lineItemUrl),
      launches: _count.launches,
      scoresSent: sentByLink.get(link.id) ?? 0,
      ...(jobs.get(link.id) ?? { waiting: 0, retrying: 0, gaveUp: 0 }),
    })),
  }))
}

/** How to name what links point at, by `<kind>:<ref>`: current titles, a work process's code. */
async function targetTitles(links: Array<{ targetKind: string; targetRef: string }>) {
  const targets = links.map(targetOfLink).filter((target) => target !== null)
  const courseIds = targets.flatMap((t) => (t.kind === 'work-process' ? [] : [t.courseId]))
  const versions = await prisma.courseVersion.findMany({
    where: { courseId: { in: courseIds }, currentOf: { isNot: null } },
    select: {
      courseId: true,
      titleNl: true,
      lessons: { select: { lessonKey: true, titleNl: true } },
    },
  })
  const titles = new Map<string, string>()
  for (const target of targets) {
    if (target.kind === 'work-process') {
      titles.set(`work-process:${target.dossierSlug}/${target.code}`, target.code)
    }
  }
  for (const version of versions) {
    titles.set(`course:${version.courseId}`, version.titleNl)
    for (const lesson of version.lessons) {
      titles.set(`lesson:${version.courseId}/${lesson.lessonKey}`, lesson.titleNl)
    }
  }
  return titles
}

/** Score posts still in the queue, per link, read from the job keys. */
async function scoreJobsByLink() {
  const jobs = await jobQueue().list(['queued', 'active', 'failed', 'dead'], 1000)
  const byLink = new Map<string, { waiting: number; retrying: number; gaveUp: number }>()
  for (const job of jobs) {
    const linkId = job.name === 'lti.score' && job.key ? scoreJobLinkId(job.key) : null
    if (!linkId) continue
    const counts = byLink.get(linkId) ?? { waiting: 0, retrying: 0, gaveUp: 0 }
    if (job.state === 'failed') counts.retrying += 1
    else if (job.state === 'dead') counts.gaveUp += 1
    else counts.waiting += 1
    byLink.set(linkId, counts)
  }
  return byLink
}
