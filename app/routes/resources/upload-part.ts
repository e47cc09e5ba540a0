import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Route } from './+types/upload-part'
import { requireUser } from '#app/auth/authorize.server.ts'
import { uploadResponse } from '#app/storage/upload-response.server.ts'
import { storeUploadPart } from '#app/storage/uploads.server.ts'
import { declaredLength } from '#app/utils/upload.server.ts'

/**
 * PUT one part: the body goes straight on to the storage as it arrives, never whole in
 * memory. Content-Length is required and must be the part's exact length.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  if (request.method !== 'PUT') return new Response('Method not allowed', { status: 405 })
  const length = declaredLength(request)
  if (length === null || !request.body)
    return new Response('Content-Length required', { status: 411 })
  const partNumber = /^\d{1,5}$/.test(params.partNumber) ? Number(params.partNumber) : NaN
  const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
  return uploadResponse(request, async () => {
    try {
      return await storeUploadPart(user.id, params.uploadId, partNumber, length, body)
    } finally {
      // Refused before reading (or failed half-way): let go of the rest of the body.
      body.destroy()
    }
  })
}
