import type { Route } from './+types/upload'
import { requireUser } from '#app/auth/authorize.server.ts'
import { uploadResponse } from '#app/storage/upload-response.server.ts'
import { uploadState } from '#app/storage/uploads.server.ts'

/** Which parts of an upload are stored, so an interrupted client sends only the rest. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return uploadResponse(request, () => uploadState(user.id, params.uploadId))
}
