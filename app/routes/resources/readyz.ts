import { readiness } from '#app/operations/readiness.server.ts'

/** Readiness: 200 when the database and object storage answer, 503 (with which not) else. */
export async function loader() {
  const { ready, checks } = await readiness()
  return Response.json(
    { status: ready ? 'ready' : 'unavailable', ...checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
