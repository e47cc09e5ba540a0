import { BodyTooLarge, readBoundedBody } from '#app/utils/bounded-body.server.ts'
import type { Route } from './+types/package-content'
import { contentHeaders, RUNTIME_FOLDER } from '#app/packages/content-policy.ts'
import {
  isHtml,
  launchedPackage,
  MAX_HTML_BYTES,
  normalisePackagePath,
  packageFile,
  platformsEmbedding,
  readObject,
  readWholeObject,
  runtimeScript,
} from '#app/packages/package-content.server.ts'
import { sandboxShimTag } from '#app/packages/sandbox-shims.ts'
import {
  injectRuntime,
  isScorm,
  MAX_COMMIT_BYTES,
  runtimeTags,
  saveCommit,
  startingCmi,
} from '#app/packages/scorm-runtime.server.ts'
import { toWebStream } from '#app/storage/web-stream.ts'
import { userName } from '#app/packages/package-player.server.ts'

/**
 * /package-content/<token>/<path>: a launched package's files, in a sandbox (decision 031,
 * app/packages/content-policy.ts), and under __runtime/ the SCORM runtime (scorm-again) and
 * its commit endpoint. The token is the only key: no session is read or needed.
 */

/**
 * The origin the learner's browser reached us on (the lesson page made the launch on it too).
 * PUBLIC_URL would break the player for anyone browsing through another host name: the
 * sandbox's CSP would then name an origin its own frame does not come from.
 */
const originOf = (request: Request) => new URL(request.url).origin

function answer(
  origin: string,
  token: string,
  status: number,
  body: BodyInit | null,
  headers: Record<string, string> = {},
  embeddedIn: readonly string[] = [],
) {
  return new Response(body, {
    status,
    headers: { ...contentHeaders(origin, token, embeddedIn), ...headers },
  })
}

const notFound = (origin: string, token: string) =>
  answer(origin, token, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' })

/** The commit endpoint is called from the opaque origin ("null"); the token is its key. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const token = params.token
  const origin = originOf(request)
  const filePath = normalisePackagePath(params['*'] ?? '')
  const launched = filePath ? await launchedPackage(token) : null
  if (!launched || !filePath) return notFound(origin, token)

  if (filePath.startsWith(`${RUNTIME_FOLDER}/`)) {
    const script = isScorm(launched.standard)
      ? await runtimeScript(filePath.slice(RUNTIME_FOLDER.length + 1))
      : null
    if (!script) return notFound(origin, token)
    return answer(origin, token, 200, script, { 'Content-Type': 'text/javascript; charset=utf-8' })
  }

  const file = await packageFile(launched.packageId, filePath)
  if (!file) return notFound(origin, token)

  // Only a document's frame-ancestors matter: the platforms are looked up for pages alone.
  const html = isHtml(file.contentType, filePath)
  const embeddedIn = html ? await platformsEmbedding(launched.launch.attempt.userId) : []

  if (html) {
    const bytes = await readWholeObject(file.objectKey, MAX_HTML_BYTES)
    if (!bytes) return notFound(origin, token)
    const { attempt } = launched.launch
    // Every page gets the sandbox stand-ins first; a SCORM page then its runtime.
    const tags = isScorm(launched.standard)
      ? sandboxShimTag +
        runtimeTags(
          origin,
          token,
          launched.standard,
          startingCmi(
            launched.standard,
            attempt.cmi,
            { id: attempt.userId, name: await userName(attempt.userId) },
            launched.activity.masteryScore,
          ),
        )
      : sandboxShimTag
    const page = injectRuntime(bytes.toString('latin1'), tags)
    // The page's own bytes and type: its charset (header or <meta>) still applies.
    return answer(
      origin,
      token,
      200,
      Buffer.from(page, 'latin1'),
      { 'Content-Type': file.contentType },
      embeddedIn,
    )
  }

  const object = await readObject(file.objectKey)
  if (!object) return notFound(origin, token)
  request.signal.addEventListener('abort', () => object.body.destroy(), { once: true })
  return answer(
    origin,
    token,
    200,
    toWebStream(object.body),
    { 'Content-Type': file.contentType, 'Content-Length': String(object.size) },
    embeddedIn,
  )
}

export async function action({ request, params }: Route.ActionArgs) {
  const token = params.token
  const origin = originOf(request)
  if (request.method === 'OPTIONS') return answer(origin, token, 204, null, CORS)
  const json = (status: number, body: unknown) =>
    answer(origin, token, status, JSON.stringify(body), {
      ...CORS,
      'Content-Type': 'application/json',
    })
  const filePath = normalisePackagePath(params['*'] ?? '')
  if (request.method !== 'POST' || filePath !== `${RUNTIME_FOLDER}/commit`) {
    return json(405, { result: false, errorCode: 101 })
  }
  const launched = await launchedPackage(token)
  if (!launched) return json(404, { result: false, errorCode: 101 })
  const length = Number(request.headers.get('Content-Length') ?? 0)
  if (length > MAX_COMMIT_BYTES) return json(413, { result: false, errorCode: 101 })
  const body = await readLimited(request, MAX_COMMIT_BYTES)
  if (body === null) return json(413, { result: false, errorCode: 101 })
  const terminate = new URL(request.url).searchParams.get('terminate') === 'true'
  const result = await saveCommit(launched, body, { terminate })
  if (result === 'invalid') return json(400, { result: false, errorCode: 101 })
  if (result === 'ended') return json(409, { result: false, errorCode: 101 })
  return json(200, { result: true, errorCode: 0 })
}

/** The body as text, or null as soon as it passes the limit (a chunked body has no length). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  try {
    return await readBoundedBody(request, limit)
  } catch (error) {
    if (error instanceof BodyTooLarge) return null
    throw error
  }
}
