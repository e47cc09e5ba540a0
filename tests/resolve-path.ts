import { matchRoutes } from 'react-router'
import routes from '#app/routes.ts'
import { call, getRequest, type Outcome } from './route-call.ts'

/**
 * Ask the app for a path the way the router would: match it against app/routes.ts, call the
 * leaf route's loader with a real Request, and follow redirects within the app. What a
 * browser would get for the page's data, without building and starting the server.
 */
export async function resolvePath(path: string, cookie?: string, hops = 3): Promise<Outcome> {
  // The route config's entries are route objects with the module's file beside the path.
  const leaf = matchRoutes(routes as never, path)?.at(-1)
  if (!leaf) return { status: 404, headers: new Headers(), data: null, location: null }
  const { file } = leaf.route as { file: string }
  const module = (await import(/* @vite-ignore */ `../app/${file}`)) as {
    loader?: unknown
  }
  if (!module.loader) return { status: 405, headers: new Headers(), data: null, location: null }
  const outcome = await call(module.loader, getRequest(path, cookie), leaf.params as never)
  if (outcome.status >= 300 && outcome.status < 400 && outcome.location && hops > 0)
    return resolvePath(new URL(outcome.location, 'http://localhost').pathname, cookie, hops - 1)
  return outcome
}
