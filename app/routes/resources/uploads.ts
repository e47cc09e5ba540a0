import { z } from 'zod'
import type { Route } from './+types/uploads'
import { requireUser } from '#app/auth/authorize.server.ts'
import { uploadResponse } from '#app/storage/upload-response.server.ts'
import { startUpload } from '#app/storage/uploads.server.ts'
import { assertBodyWithin } from '#app/utils/upload.server.ts'

const StartSchema = z.object({
  fileName: z.string().trim().min(1).max(500),
  size: z.number().int().positive(),
})

/** POST {fileName, size}: starts a large upload in parts (docs/decisions/019). */
export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 })
  assertBodyWithin(request, 4096)
  const parsed = StartSchema.safeParse(await request.json().catch(() => null))
  if (!parsed.success)
    return Response.json({ error: 'upload.badSize', issues: parsed.error.issues }, { status: 400 })
  return uploadResponse(request, () => startUpload(user.id, parsed.data), 201)
}
