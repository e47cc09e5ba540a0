import type { Route } from './+types/upload-complete'
import { requireUser } from '#app/auth/authorize.server.ts'
import { uploadResponse } from '#app/storage/upload-response.server.ts'
import { completeUpload } from '#app/storage/uploads.server.ts'

/** POST: joins the parts and checks the file's type; then the evidence form may attach it. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 })
  return uploadResponse(request, () => completeUpload(user.id, params.uploadId))
}
