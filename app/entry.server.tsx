import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from 'react-dom/server'
import { ServerRouter, type EntryContext, type HandleErrorFunction } from 'react-router'
import { requestLogger } from '#app/operations/logger.server.ts'

// React Router's default server entry, plus the operations hooks server/worker.mjs needs: the
// HTTP server reaches into the build through `build.entry.module`, so the logger, the metrics
// and the background work it starts and stops are the very instances the app uses.
export { logger, REQUEST_ID_HEADER } from '#app/operations/logger.server.ts'
export { httpRequestDuration } from '#app/operations/metrics.server.ts'
export { joinClusterMetrics } from '#app/operations/cluster-metrics.server.ts'
export { routeLabeller } from '#app/operations/route-label.server.ts'
export { beginDrain } from '#app/operations/readiness.server.ts'
export { startJobs, stopJobs } from '#app/jobs/index.server.ts'

export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders })
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const userAgent = request.headers.get('user-agent')
    // Crawlers get the whole page at once; people get the shell as soon as it is ready.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    )
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} />,
      {
        [readyOption]() {
          shellRendered = true
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId)
              timeoutId = undefined
              callback()
            },
          })
          responseHeaders.set('Content-Type', 'text/html')
          pipe(body)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors before the shell reject above and reach handleError.
          if (shellRendered) requestLogger(request).error({ err: error }, 'render error')
        },
      },
    )
  })
}

/** Unexpected server errors, as one JSON log line with the request id (not on aborts). */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  requestLogger(request).error({ err: error, path: new URL(request.url).pathname }, 'server error')
}
