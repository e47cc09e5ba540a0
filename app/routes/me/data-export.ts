import type { Route } from './+types/data-export'
import { requireUser } from '#app/auth/authorize.server.ts'
import { buildPersonalDataExport } from '#app/privacy/personal-data-export.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/**
 * "Download al mijn gegevens": everything the platform holds about the signed-in person, as
 * one zip (AVG art. 15 and 20). A GET that writes nothing; the access log (#22 item 4) will
 * record it.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const built = await buildPersonalDataExport(user.id)
  invariantResponse(built)
  return new Response(Buffer.from(built.zip), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(built.zip.byteLength),
      'Content-Disposition': `attachment; filename="${built.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
