/** A request body refused for its size (what the caller answers is its own protocol's). */
export class BodyTooLarge extends Error {}

/**
 * Read a request's (or a fetched response's) body, at most `maxBytes`: refused up front when
 * Content-Length says more, and while reading when the bytes do (a sender may lie or send
 * none), so an outside system can never make us hold more than that in memory.
 */
export async function readBoundedBytes(
  request: Pick<Request, 'headers' | 'body'>,
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > maxBytes) throw new BodyTooLarge()
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** The same as text (UTF-8). */
export async function readBoundedBody(
  request: Pick<Request, 'headers' | 'body'>,
  maxBytes: number,
): Promise<string> {
  return (await readBoundedBytes(request, maxBytes)).toString('utf8')
}
