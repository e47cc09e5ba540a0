import type { Route } from './+types/audit'
import { DataTable } from '#app/components/data-table.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { auditTrail } from '#app/domain/audit-trail.server.ts'
import { AUDIT_ACTION_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title')

/** Who decided what, when: assessments, criteria changes, records issued and revoked. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'read:members:org')
  return {
    organisation: membership.organisation,
    events: await auditTrail(membership.organisation.id),
  }
}

export default function OrgAudit({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, events } = loaderData
  return (
    <div className="page">
      <h1>
        {t('audit.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('audit.intro')}</p>
      {events.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <DataTable
          caption={t('audit.title')}
          columns={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.details')]}
        >
          {events.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{formatAmsterdam(e.createdAt, locale, 'dateTime')}</td>
              <td>{e.actor ?? (e.actorId ? t('audit.deletedAccount') : t('audit.system'))}</td>
              <th scope="row">{textFor(t, AUDIT_ACTION_LABEL, e.action)}</th>
              <td>{e.summary}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
