import { invariantResponse } from '#app/utils/invariant.ts'
import { objectStorage } from './object-storage.server.ts'
import { toWebStream } from './web-stream.ts'

/**
 * A stored file as a download, after the caller checked who may have it. Streamed from the
 * storage: a 500 MB recording never sits in memory whole. Always an attachment of the type
 * detected from its bytes at upload, never what the browser claimed, and never cached.
 */
export async function storedFileResponse(
  request: Request,
  file: { fileKey: string | null; fileType: string | null; fileName: string | null },
  fallbackName: string,
) {
  invariantResponse(file.fileKey && file.fileType)
  const object = await objectStorage().read(file.fileKey)
  invariantResponse(object, 'File missing from storage', { status: 410 })
  // A client that goes away mid-download aborts the request: stop reading the storage too.
  request.signal.addEventListener('abort', () => object.body.destroy(), { once: true })
  const name = (file.fileName ?? fallbackName).replace(/[^\w.-]+/g, '_')
  return new Response(toWebStream(object.body), {
    headers: {
      'Content-Type': file.fileType,
      'Content-Length': String(object.size),
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
