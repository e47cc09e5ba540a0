import type { Route } from './+types/evidence-file'
import { requireEvidenceAccess } from '#app/assessment/evidence-access.server.ts'
import { evidenceStorage } from '#app/evidence/evidence-storage.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** The uploaded file, for the learner and the organisation's assessors only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { evidence } = await requireEvidenceAccess(request, params.evidenceId)
  invariantResponse(evidence.fileKey && evidence.fileType)
  const bytes = await evidenceStorage().get(evidence.fileKey)
  invariantResponse(bytes, 'File missing from storage', { status: 410 })
  const name = (evidence.fileName ?? 'bewijs').replace(/[^\w.-]+/g, '_')
  return new Response(new Uint8Array(bytes), {
    headers: {
      // The type we detected from the bytes at upload, never what the browser claimed.
      'Content-Type': evidence.fileType,
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
