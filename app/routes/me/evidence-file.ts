import type { Route } from './+types/evidence-file'
import { requireEvidenceAccess } from '#app/assessment/evidence-access.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { toWebStream } from '#app/storage/web-stream.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/**
 * The uploaded file, for the learner and the organisation's assessors only. Streamed from the
 * storage after the permission check: a 500 MB recording never sits in memory whole.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { evidence } = await requireEvidenceAccess(request, params.evidenceId)
  invariantResponse(evidence.fileKey && evidence.fileType)
  const object = await objectStorage().read(evidence.fileKey)
  invariantResponse(object, 'File missing from storage', { status: 410 })
  // A client that goes away mid-download aborts the request: stop reading the storage too.
  request.signal.addEventListener('abort', () => object.body.destroy(), { once: true })
  const name = (evidence.fileName ?? 'bewijs').replace(/[^\w.-]+/g, '_')
  return new Response(toWebStream(object.body), {
    headers: {
      // The type we detected from the bytes at upload, never what the browser claimed.
      'Content-Type': evidence.fileType,
      'Content-Length': String(object.size),
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
