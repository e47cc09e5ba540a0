/**
 * Our tool's address in tests that call routes in-process: a loopback server that publishes
 * the tool's real JWKS at /lti/jwks and becomes PUBLIC_URL, so a test platform fetches our
 * keys as Moodle and Canvas do. Start it in `vi.hoisted`, before the environment is read:
 *
 *   const tool = await vi.hoisted(async () =>
 *     (await import('#tests/lti-platform/tool-jwks-server.ts')).startToolJwksServer(),
 *   )
 */
import http from 'node:http'

export async function startToolJwksServer() {
  const server = http.createServer((req, res) => {
    if (req.url !== '/lti/jwks') return res.writeHead(404).end()
    void import('#app/integrations/lti/tool-keys.server.ts')
      .then(({ ltiJwks }) => ltiJwks())
      .then((jwks) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks)),
      )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  process.env.PUBLIC_URL = url
  return { server, url }
}
