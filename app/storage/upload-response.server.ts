import { translator } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { UploadError } from './uploads.server.ts'

/**
 * Runs an upload step for a resource route: a refusal (UploadError) becomes a JSON answer
 * with its status, a code for programs and the message in the reader's language.
 */
export async function uploadResponse(
  request: Request,
  step: () => Promise<unknown>,
  status = 200,
): Promise<Response> {
  try {
    return Response.json(await step(), { status, headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (!(error instanceof UploadError)) throw error
    const t = translator(getLocale(request))
    return Response.json(
      { error: error.messageKey, message: t(error.messageKey) },
      { status: error.status, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
