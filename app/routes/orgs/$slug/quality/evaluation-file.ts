import type { Route } from './+types/evaluation-file'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { evaluationFileForScope } from '#app/quality/evaluations.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { storedFileResponse } from '#app/storage/file-response.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** The recording or transcript of an evaluation, for those who may read the evaluation. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const file = await evaluationFileForScope(scope, params.evaluationId)
  invariantResponse(file)
  // Logged once there is a file to send.
  const response = await storedFileResponse(request, file, 'contact')
  await logAccess({
    viewer: { userId: scope.userId },
    organisationId: scope.organisationId,
    kind: 'evaluation.file',
    people: file.agentId,
    objectId: params.evaluationId,
  })
  return response
}
