import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router'

/**
 * The route pattern a path belongs to, e.g. `/orgs/:slug/staff/:userId`, to label request
 * metrics with: a label per URL would make one time series per learner and per record.
 * Built from the server build's flat route manifest (parent ids), once per process.
 */
type ManifestRoute = NonNullable<ServerBuild['routes'][string]>
const RECENT_PATHS = 5000

export function routeLabeller(manifest: ServerBuild['routes']) {
  const byParent = new Map<string | undefined, ManifestRoute[]>()
  for (const route of Object.values(manifest)) {
    if (!route) continue
    const siblings = byParent.get(route.parentId) ?? []
    siblings.push(route)
    byParent.set(route.parentId, siblings)
  }
  const tree = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index
        ? { id: route.id, index: true, path: route.path }
        : { id: route.id, path: route.path, children: tree(route.id) },
    )
  const routes = tree(undefined)
  // matchRoutes ranks every route of the app on each call, about 4 % of the CPU time of a
  // loaded server (issue 23). Recent paths keep their label; the map is bounded, since paths
  // carry ids (the oldest entry goes first).
  const recent = new Map<string, string>()

  return function routeLabel(pathname: string): string {
    let label = recent.get(pathname)
    if (label === undefined) {
      label = labelOf(pathname)
      if (recent.size >= RECENT_PATHS) recent.delete(recent.keys().next().value!)
      recent.set(pathname, label)
    }
    return label
  }

  function labelOf(pathname: string): string {
    // React Router's data requests (`/x.data`, the index as `/_root.data`) count as the page's.
    if (pathname.endsWith('.data')) pathname = pathname.slice(0, -'.data'.length)
    if (pathname === '/_root') pathname = '/'
    const matches = matchRoutes(routes, pathname)
    // The root's splat-free layouts match everything; only a leaf with a path or index counts.
    const leaf = matches?.at(-1)
    if (!matches || !leaf || leaf.route.path === '*') return 'unmatched'
    const pattern = matches
      .map((m) => m.route.path)
      .filter((p): p is string => !!p)
      .join('/')
      .replace(/\/+/g, '/')
    return `/${pattern.replace(/^\//, '')}`
  }
}
