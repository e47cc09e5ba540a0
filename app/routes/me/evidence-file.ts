import type { Route } from './+types/evidence-file'
import { requireEvidenceAccess } from '#app/assessment/evidence-access.server.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { storedFileResponse } from '#app/storage/file-response.server.ts'

/** The uploaded file, for the learner and the organisation's assessors only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, evidence } = await requireEvidenceAccess(request, params.evidenceId)
  // Logged once there is a file to send: an assessor's download (the learner's own is not).
  const response = await storedFileResponse(request, evidence, 'bewijs')
  await logAccess({
    viewer: { userId: user.id },
    organisationId: evidence.organisationId,
    kind: 'evidence.file',
    people: evidence.userId,
    objectId: evidence.id,
  })
  return response
}
