/**
 * Call a route module's loader or action the way React Router does, with a real Request, and
 * read what came back (a Response, thrown or returned, or `data(…, { status })`) uniformly.
 */
export type Outcome = { status: number; headers: Headers; data: unknown; location: string | null }

type Handler = (args: {
  request: Request
  params: Record<string, string>
  context: never
}) => unknown

export function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) {
    for (const value of Array.isArray(v) ? v : [v]) body.append(k, value)
  }
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
  })
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

export async function call(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Outcome> {
  let result: unknown
  try {
    result = await (handler as Handler)({ request, params, context: undefined as never })
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) {
    const text = await result.text()
    return {
      status: result.status,
      headers: result.headers,
      data: text,
      location: result.headers.get('Location'),
    }
  }
  if (
    result &&
    typeof result === 'object' &&
    (result as { type?: string }).type === 'DataWithResponseInit'
  ) {
    const { data, init } = result as { data: unknown; init?: ResponseInit | null }
    const headers = new Headers(init?.headers)
    return { status: init?.status ?? 200, headers, data, location: headers.get('Location') }
  }
  if (result instanceof Error) throw result
  return { status: 200, headers: new Headers(), data: result, location: null }
}

/** The cookie header value to send back, from a response's Set-Cookie. */
export function cookieFrom(outcome: Outcome): string {
  const setCookie = outcome.headers.get('Set-Cookie')
  if (!setCookie) throw new Error('no Set-Cookie in the response')
  return setCookie.split(';')[0]!
}

/** A multipart POST (file uploads) with the Content-Length a browser sends. */
export async function multipartRequest(
  path: string,
  form: FormData,
  options: { cookie?: string } = {},
) {
  const encoded = new Response(form)
  const body = new Uint8Array(await encoded.arrayBuffer())
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': encoded.headers.get('Content-Type')!,
      'Content-Length': String(body.length),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
  })
}
