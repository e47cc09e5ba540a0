import { z } from 'zod'
import type { Route } from './+types/preview'
import { requireAuthor } from '#app/authoring/authoring-access.server.ts'
import { previewLesson } from '#app/authoring/lesson-preview.server.ts'

const PreviewSchema = z.object({ body: z.string().max(200_000) })

/** The editor's live preview: a lesson text in, the compiled lesson or its problems out. */
export async function action({ request }: Route.ActionArgs) {
  await requireAuthor(request)
  const parsed = PreviewSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ error: 'body is required' }, { status: 400 })
  return previewLesson(parsed.data.body)
}
