import { Link } from 'react-router'
import type { Route } from './+types/staff-member'
import { DataTable } from '#app/components/data-table.tsx'
import { KpiTable } from '#app/components/quality/kpi-table.tsx'
import { StepCell } from './step-cell.tsx'
import matrixStyles from '#app/styles/matrix.css?url'
import { staffMember } from '#app/employer/staff-member.server.ts'
import { requireStaffScope } from '#app/employer/staff-scope.server.ts'
import { formatDate, localized } from '#app/i18n/i18n.ts'
import { RECORD_LEVEL_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { memberKpiWeeks } from '#app/quality/kpis.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

// The step badges are the matrix's (step-cell.tsx), styled in matrix.css.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: matrixStyles }]

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, data?.member.name ?? 'employer.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, scope } = await requireStaffScope(request, params.slug)
  const member = await staffMember(scope, params.membershipId)
  invariantResponse(member)
  await logAccess({
    viewer: { userId: user.id },
    organisationId: scope.organisationId,
    kind: 'staff.detail',
    people: member.userId,
  })
  // Read only once the person is known to be in scope (staffMember is null otherwise).
  const kpiWeeks = await memberKpiWeeks(scope.organisationId, member.membershipId)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    member,
    kpiWeeks,
  }
}

export default function StaffMemberPage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, member, kpiWeeks } = loaderData
  return (
    <div className="page">
      <p>
        <Link to={`/orgs/${organisation.slug}/matrix`}>← {t('org.tab.progress')}</Link>
      </p>
      <h1>{member.name}</h1>
      <dl className="facts">
        <div>
          <dt>{t('export.email')}</dt>
          <dd>{member.email}</dd>
        </div>
        <div>
          <dt>{t('export.teams')}</dt>
          <dd>{member.teams.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('staff.completions')}</dt>
          <dd>{member.activity.completions}</dd>
        </div>
        <div>
          <dt>{t('staff.lastEightWeeks')}</dt>
          <dd>{member.activity.lastEightWeeks}</dd>
        </div>
        <div>
          <dt>{t('staff.lastActive')}</dt>
          <dd>
            {member.activity.lastActive ? formatDate(member.activity.lastActive, locale) : '—'}
          </dd>
        </div>
      </dl>
      <p className="muted">{t('staff.privacy')}</p>
      <h2>{t('staff.records')}</h2>
      {member.records.length === 0 ? (
        <p>{t('staff.noRecords')}</p>
      ) : (
        <ul>
          {member.records.map((r) => (
            <li key={r.id}>
              <Link to={`/records/${r.id}`}>
                {textFor(t, RECORD_LEVEL_LABEL, r.level)} {r.code}
              </Link>{' '}
              <span className="muted">
                {formatDate(r.issuedAt, locale)}
                {r.status === 'valid' ? '' : ` · ${t(`verify.status.${r.status}`)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {member.dossiers.map((d) => (
        <section key={d.slug} aria-labelledby={`staff-${d.slug}`}>
          <h2 id={`staff-${d.slug}`}>{localized(d, 'qualification', locale)}</h2>
          <DataTable
            caption={localized(d, 'qualification', locale)}
            columns={[t('dossier.matrixWorkProcess'), t('dashboard.step')]}
          >
            {d.coreTasks.flatMap((c) =>
              c.workProcesses.map((w) => (
                <tr key={w.code} data-work-process={w.code}>
                  <th scope="row">
                    <span className="code">{w.code}</span> {localized(w, 'title', locale)}
                  </th>
                  <StepCell step={w.step} workProcess={w.code} />
                </tr>
              )),
            )}
          </DataTable>
        </section>
      ))}
      {kpiWeeks.length > 0 ? (
        <section aria-labelledby="staff-kpis">
          <h2 id="staff-kpis">{t('kpis.title')}</h2>
          <KpiTable weeks={kpiWeeks} caption={t('kpis.title')} />
        </section>
      ) : null}
    </div>
  )
}
