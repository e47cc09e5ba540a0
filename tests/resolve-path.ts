import { matchRoutes, type RouteObject } from 'react-router'
import routes from '#app/routes.ts'
import { call, getRequest, type Outcome } from './route-call.ts'

type ConfigEntry = {
  id?: string
  path?: string
  index?: boolean
  file: string
  children?: ConfigEntry[]
}

const toRouteObjects = (entries: ConfigEntry[]): RouteObject[] =>
  entries.map((e) =>
    e.index
      ? { index: true, id: e.file }
      : { path: e.path, id: e.file, children: e.children ? toRouteObjects(e.children) : undefined },
  )

const tree = toRouteObjects(routes as unknown as ConfigEntry[])

/**
 * Ask the app for a path the way the router would: match it against app/routes.ts, call the
 * leaf route's loader with a real Request, and follow redirects within the app. What a
 * browser would get for the page's data, without building and starting the server.
 */
export async function resolvePath(path: string, cookie?: string, hops = 3): Promise<Outcome> {
  const matches = matchRoutes(tree, path)
  const leaf = matches?.at(-1)
  if (!leaf) return { status: 404, headers: new Headers(), data: null, location: null }
  const module = (await import(/* @vite-ignore */ `../app/${leaf.route.id}`)) as {
    loader?: unknown
  }
  if (!module.loader) return { status: 405, headers: new Headers(), data: null, location: null }
  const outcome = await call(module.loader, getRequest(path, cookie), leaf.params as never)
  if (outcome.status >= 300 && outcome.status < 400 && outcome.location && hops > 0)
    return resolvePath(new URL(outcome.location, 'http://localhost').pathname, cookie, hops - 1)
  return outcome
}
