/**
 * What a platform's link points at. A link's target_link_uri is simply the page it opens:
 * a course, a lesson or the learner's page of a work process, on our PUBLIC_URL. Anything
 * else (another host, another path) is not a target.
 */
export type LtiTarget =
  | { kind: 'course'; courseId: string }
  | { kind: 'lesson'; courseId: string; lessonKey: string }
  | { kind: 'work-process'; dossierSlug: string; code: string }

const SEGMENT = /^[A-Za-z0-9._-]{1,120}$/

export function targetPath(target: LtiTarget): string {
  switch (target.kind) {
    case 'course':
      return `/courses/${encodeURIComponent(target.courseId)}`
    case 'lesson':
      return `/courses/${encodeURIComponent(target.courseId)}/${encodeURIComponent(target.lessonKey)}`
    case 'work-process':
      return `/work-processes/${encodeURIComponent(target.dossierSlug)}/${encodeURIComponent(target.code)}`
  }
}

export function targetUrl(publicUrl: string, target: LtiTarget) {
  return new URL(targetPath(target), publicUrl).href
}

/** The target a URL names, or null when it is not one of ours. */
export function parseTargetUrl(publicUrl: string, url: string): LtiTarget | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.origin !== new URL(publicUrl).origin) return null
  const parts = parsed.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  if (!parts.every((part) => SEGMENT.test(part))) return null
  if (parts[0] === 'courses' && parts.length === 2) return { kind: 'course', courseId: parts[1]! }
  if (parts[0] === 'courses' && parts.length === 3) {
    return { kind: 'lesson', courseId: parts[1]!, lessonKey: parts[2]! }
  }
  if (parts[0] === 'work-processes' && parts.length === 3) {
    return { kind: 'work-process', dossierSlug: parts[1]!, code: parts[2]! }
  }
  return null
}

/** The target as stored on a resource link (targetKind, targetRef). */
export function targetRef(target: LtiTarget): { targetKind: LtiTarget['kind']; targetRef: string } {
  switch (target.kind) {
    case 'course':
      return { targetKind: 'course', targetRef: target.courseId }
    case 'lesson':
      return { targetKind: 'lesson', targetRef: `${target.courseId}/${target.lessonKey}` }
    case 'work-process':
      return { targetKind: 'work-process', targetRef: `${target.dossierSlug}/${target.code}` }
  }
}

/** The stored form back as a target, or null when the row holds something unknown. */
export function targetOfLink(link: { targetKind: string; targetRef: string }): LtiTarget | null {
  const [a, b] = link.targetRef.split('/')
  if (link.targetKind === 'course' && a) return { kind: 'course', courseId: a }
  if (link.targetKind === 'lesson' && a && b) return { kind: 'lesson', courseId: a, lessonKey: b }
  if (link.targetKind === 'work-process' && a && b) {
    return { kind: 'work-process', dossierSlug: a, code: b }
  }
  return null
}
