import type { Route } from './+types/evaluation-file'
import { requireUser } from '#app/auth/authorize.server.ts'
import { ownEvaluationFile } from '#app/quality/evaluations.server.ts'
import { storedFileResponse } from '#app/storage/file-response.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** The recording or transcript of one of the agent's own evaluations. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const file = await ownEvaluationFile(user.id, params.evaluationId)
  invariantResponse(file)
  return storedFileResponse(request, file, 'contact')
}
