import { Form } from 'react-router'
import type { Route } from './+types/access-log'
import { AccessLogTable } from '#app/components/privacy/access-log-table.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { accessLogForOrganisation } from '#app/privacy/access-log.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'accessLog.title')

/**
 * Who looked at whose data in this organisation, for its org admin: only entries logged in
 * this organisation (a person's views in another organisation are that one's business).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'read:members:org')
  const url = new URL(request.url)
  const personId = url.searchParams.get('person') || null
  const log = await accessLogForOrganisation(membership.organisation.id, {
    personId,
    page: Number(url.searchParams.get('page')) || 1,
  })
  return { organisation: membership.organisation, personId, ...log }
}

export default function OrgAccessLog({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, personId, people, entries, page, pages } = loaderData
  const pageLink = (p: number) =>
    `/orgs/${organisation.slug}/privacy/access-log?${new URLSearchParams({
      ...(personId ? { person: personId } : {}),
      page: String(p),
    })}`
  return (
    <div className="page">
      <h1>
        {t('accessLog.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('accessLog.orgIntro')}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="filter-person">{t('accessLog.filterPerson')}</label>
          <select id="filter-person" name="person" defaultValue={personId ?? ''}>
            <option value="">{t('accessLog.everyone')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t('accessLog.filter')}
        </button>
      </Form>
      <AccessLogTable entries={entries} showPerson page={page} pages={pages} pageLink={pageLink} />
    </div>
  )
}
