import type { ServerBuild } from 'react-router'
import { describe, expect, test } from 'vitest'
import { routeLabeller } from './route-label.server.ts'

// The shape of a server build's manifest: flat, children point at their parent.
const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
  id,
  parentId,
  path,
  index,
  module: {} as never,
})
const manifest = Object.fromEntries(
  [
    route('root', undefined, ''),
    route('routes/public/home', 'root', undefined, true),
    route('routes/public/not-found', 'root', '*'),
    route('routes/orgs/_layout', 'root', 'orgs/:slug'),
    route('routes/orgs/matrix', 'routes/orgs/_layout', 'matrix'),
    route('routes/orgs/staff', 'routes/orgs/_layout', 'staff/:userId'),
    route('routes/me/_layout', 'root'),
    route('routes/me/evidence', 'routes/me/_layout', 'evidence'),
  ].map((r) => [r.id, r]),
) as ServerBuild['routes']

describe('route labels for request metrics', () => {
  const label = routeLabeller(manifest)

  test('a URL is labelled by its route pattern, not by its ids', () => {
    expect(label('/orgs/klantcontact-noord/staff/ck1234')).toBe('/orgs/:slug/staff/:userId')
    expect(label('/orgs/callforce/matrix')).toBe('/orgs/:slug/matrix')
    expect(label('/evidence')).toBe('/evidence')
    expect(label('/')).toBe('/')
  })

  test('data requests count as their page', () => {
    expect(label('/orgs/callforce/matrix.data')).toBe('/orgs/:slug/matrix')
    expect(label('/_root.data')).toBe('/')
  })

  test('unknown paths share one label, so scanners cannot flood the metrics', () => {
    expect(label('/wp-admin/setup.php')).toBe('unmatched')
    expect(label('/orgs/x/unknown')).toBe('unmatched')
  })
})
