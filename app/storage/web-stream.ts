import type { Readable } from 'node:stream'

/**
 * A Node stream as a web ReadableStream for a Response body, read only as fast as the client
 * takes it. Not `Readable.toWeb`: on Node 20 its queue counts chunks instead of bytes, so a
 * fast storage and a slower client let it buffer most of a large file in memory.
 */
export function toWebStream(body: Readable): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(typeof value === 'string' ? Buffer.from(value) : value)
      },
      async cancel() {
        await chunks.return?.()
        body.destroy()
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
  )
}
