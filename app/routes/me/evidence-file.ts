import type { Route } from './+types/evidence-file'
import { requireEvidenceAccess } from '#app/assessment/evidence-access.server.ts'
import { storedFileResponse } from '#app/storage/file-response.server.ts'

/** The uploaded file, for the learner and the organisation's assessors only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { evidence } = await requireEvidenceAccess(request, params.evidenceId)
  return storedFileResponse(request, evidence, 'bewijs')
}
