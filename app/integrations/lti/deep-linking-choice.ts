import { z } from 'zod'
import { targetRef, type LtiTarget } from './targets.ts'

// The deep-linking form's schema: shared by the page (Conform) and the server, so no server code.

/**
 * What a teacher can pick, as a form value: a target (`course:<id>`, `lesson:<course>/<lesson>`,
 * `work-process:<dossier>/<code>`) or every lesson of a work process
 * (`work-process-lessons:<dossier>/<code>`), which places one link per lesson.
 */
export type DeepLinkingPick =
  | { kind: 'target'; target: LtiTarget }
  | { kind: 'work-process-lessons'; dossierSlug: string; code: string }

const SEGMENT = '[A-Za-z0-9._-]{1,120}'
const PICK = new RegExp(
  `^(?:course:(${SEGMENT})|lesson:(${SEGMENT})/(${SEGMENT})|(work-process|work-process-lessons):(${SEGMENT})/(${SEGMENT}))$`,
)

export function pickValue(pick: DeepLinkingPick): string {
  if (pick.kind === 'work-process-lessons') {
    return `work-process-lessons:${pick.dossierSlug}/${pick.code}`
  }
  const { targetKind, targetRef: ref } = targetRef(pick.target)
  return `${targetKind}:${ref}`
}

function parsePick(value: string): DeepLinkingPick | null {
  const m = PICK.exec(value)
  if (!m) return null
  if (m[1]) return { kind: 'target', target: { kind: 'course', courseId: m[1] } }
  if (m[2] && m[3]) {
    return { kind: 'target', target: { kind: 'lesson', courseId: m[2], lessonKey: m[3] } }
  }
  const [dossierSlug, code] = [m[5]!, m[6]!]
  return m[4] === 'work-process'
    ? { kind: 'target', target: { kind: 'work-process', dossierSlug, code } }
    : { kind: 'work-process-lessons', dossierSlug, code }
}

/** The teacher's choice as the form sends it: one or more `pick` values. */
export const DeepLinkingChoiceSchema = z.object({
  pick: z
    .array(
      z
        .string()
        .max(400, 'ltiDeepLinking.badPick')
        .transform((value, ctx) => {
          const pick = parsePick(value)
          if (!pick) ctx.addIssue({ code: 'custom', message: 'ltiDeepLinking.badPick' })
          return pick ?? z.NEVER
        }),
      { required_error: 'ltiDeepLinking.pickOne' },
    )
    .min(1, 'ltiDeepLinking.pickOne')
    .max(100, 'ltiDeepLinking.tooMany'),
})
export type DeepLinkingChoice = z.infer<typeof DeepLinkingChoiceSchema>
