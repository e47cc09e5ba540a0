import { Outlet, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/_layout'
import { orgTabs } from './org-tabs.ts'
import { getMemberships, getUser } from '#app/auth/authorize.server.ts'
import { AreaNav } from '#app/components/area-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * The organisation's tab bar over every page of it. The layout only decides what to show:
 * each page's own loader checks access (a stranger gets the page's 404 and no tabs here).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request)
  const membership = user
    ? (await getMemberships(user)).find((m) => m.organisation.slug === params.slug)
    : undefined
  if (!membership) return { organisation: null, tabs: [] }
  return {
    organisation: { slug: membership.organisation.slug, name: membership.organisation.name },
    tabs: orgTabs(membership.organisation.slug, membership.roles),
  }
}

export default function OrganisationLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, tabs } = loaderData
  return (
    <>
      {organisation ? (
        <div className="area-bar">
          <AreaNav label={t('org.navLabel', { organisation: organisation.name })} tabs={tabs} />
        </div>
      ) : null}
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  // The way back into the organisation only for its members: for anyone else it is a wall too.
  const layout = useRouteLoaderData<typeof loader>('routes/orgs/$slug/_layout')
  const organisation = layout?.organisation
  return (
    <GeneralErrorBoundary
      next={
        organisation
          ? { to: `/orgs/${organisation.slug}`, label: 'error.back.organisation' }
          : undefined
      }
    />
  )
}
