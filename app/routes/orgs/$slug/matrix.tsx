import { Form, Link } from 'react-router'
import type { Route } from './+types/matrix'
import { DataTable } from '#app/components/data-table.tsx'
import { PlainSelect } from '#app/components/forms.tsx'
import { getMemberships } from '#app/auth/authorize.server.ts'
import { can } from '#app/auth/roles.ts'
import { overdueCount } from '#app/employer/assignments.server.ts'
import { defaultDossier, staffMatrix } from '#app/employer/matrix.server.ts'
import {
  matrixSearch,
  parseMatrixQuery,
  parseMatrixView,
  type MatrixView,
} from '#app/employer/matrix-query.server.ts'
import { requireStaffScope, teamsInScope } from '#app/employer/staff-scope.server.ts'
import { PersonView } from './matrix-person.tsx'
import { MatrixTable } from './matrix-table.tsx'
import { StepLegend } from './step-cell.tsx'
import matrixStyles from '#app/styles/matrix.css?url'
import { listCurrentDossiers } from '#app/domain/dossiers.server.ts'
import { LADDER } from '#app/domain/progress-rules.ts'
import { localized } from '#app/i18n/i18n.ts'
import { STEP_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: matrixStyles }]

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'employer.title')

/**
 * The employer's one screen: staff × work processes of one organisation, with filters,
 * totals and paging. A team leader sees the teams they lead only.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  // Another organisation's matrix does not exist for this employer: 404, as everywhere.
  const { user, scope } = await requireStaffScope(request, params.slug)
  const employerOf = (await getMemberships(user)).filter(
    (m) => can(m.roles, 'read:progress:org') || can(m.roles, 'read:progress:team'),
  )
  const url = new URL(request.url)
  const query = parseMatrixQuery(url.searchParams, await defaultDossier(scope))
  const [matrix, teams, dossiers, overdue] = await Promise.all([
    staffMatrix(scope, query),
    teamsInScope(scope),
    listCurrentDossiers(),
    overdueCount(scope),
  ])
  invariantResponse(matrix, 'Dossier not found')
  if (query.teamId && !teams.some((t) => t.id === query.teamId))
    throw new Response('Not found', { status: 404 })
  return {
    organisations: employerOf.map((m) => ({
      slug: m.organisation.slug,
      name: m.organisation.name,
    })),
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    teamScoped: scope.teamIds !== null,
    query,
    view: parseMatrixView(url.searchParams),
    search: matrixSearch(query),
    matrix,
    teams,
    dossiers: dossiers.map((d) => ({
      slug: d.slug,
      qualificationNl: d.qualificationNl,
      qualificationEn: d.qualificationEn,
    })),
    overdue,
  }
}

export default function Employer({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, organisations, query, view, matrix, teams, dossiers, search, overdue } =
    loaderData
  const slug = organisation.slug
  const workProcesses = matrix.columns.coreTasks.flatMap((c) => c.workProcesses)
  // Filters, page, folded core tasks and the chosen person all live in the URL.
  const matrixLink = (change: Partial<MatrixView & { page: number }>) => {
    const next = { ...view, page: matrix.page, ...change }
    const params = new URLSearchParams(search)
    if (next.page > 1) params.set('page', String(next.page))
    if (next.collapsed.length) params.set('collapse', next.collapsed.join(','))
    if (next.person) params.set('person', next.person)
    return `/orgs/${slug}/matrix?${params}${change.person ? '#matrix-person-title' : ''}`
  }
  const pageLink = (page: number) => matrixLink({ page, person: undefined })
  return (
    <div className="page wide matrix-page">
      <h1>
        {t('employer.title')}: {organisation.name}
      </h1>
      {organisations.length > 1 ? (
        <nav aria-label={t('employer.organisations')} className="tabs">
          {organisations.map((o) => (
            <Link
              key={o.slug}
              to={`/orgs/${o.slug}/matrix`}
              aria-current={o.slug === slug ? 'page' : undefined}
            >
              {o.name}
            </Link>
          ))}
        </nav>
      ) : null}
      {overdue > 0 ? (
        <p>
          <Link to={`/orgs/${slug}/assignments`}>
            {t('assignments.title')} ({t('assignments.overdueCount', { n: overdue })})
          </Link>
        </p>
      ) : null}
      {loaderData.teamScoped ? <p className="muted">{t('employer.teamScoped')}</p> : null}

      <Form method="get" className="filters" aria-label={t('employer.filters')}>
        <div className="field">
          <label htmlFor="f-dossier">{t('employer.dossier')}</label>
          <select id="f-dossier" name="dossier" defaultValue={query.dossierSlug}>
            {dossiers.map((d) => (
              <option key={d.slug} value={d.slug}>
                {localized(d, 'qualification', locale)}
              </option>
            ))}
          </select>
        </div>
        <PlainSelect
          id="f-team"
          label={t('org.team')}
          name="team"
          defaultValue={query.teamId ?? ''}
          empty={t('employer.allTeams')}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <div className="field">
          <label htmlFor="f-q">{t('employer.search')}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} />
        </div>
        <PlainSelect
          id="f-wp"
          label={t('employer.workProcess')}
          name="wp"
          defaultValue={query.workProcess ?? ''}
          options={workProcesses.map((w) => ({ value: w.code, label: w.code }))}
        />
        <PlainSelect
          id="f-status"
          label={t('employer.status')}
          name="status"
          defaultValue={String(query.status ?? '')}
          options={LADDER.map((rung) => ({
            value: String(rung.step),
            label: t(STEP_LABEL[rung.key]),
          }))}
        />
        <div className="field">
          <label htmlFor="f-sort">{t('employer.sort')}</label>
          <select id="f-sort" name="sort" defaultValue={`${query.sort}`}>
            <option value="name">{t('employer.sortName')}</option>
            <option value="progress">{t('employer.sortProgress')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-dir">{t('employer.direction')}</label>
          <select id="f-dir" name="dir" defaultValue={query.dir}>
            <option value="asc">{t('employer.asc')}</option>
            <option value="desc">{t('employer.desc')}</option>
          </select>
        </div>
        {view.collapsed.length ? (
          <input type="hidden" name="collapse" value={view.collapsed.join(',')} />
        ) : null}
        <button type="submit" className="button">
          {t('employer.apply')}
        </button>
      </Form>

      <p role="status">
        {t('employer.staffCount', { count: matrix.total })}{' '}
        <span className="muted">
          {t('employer.pageOf', { page: matrix.page, pages: matrix.pages })}
        </span>
      </p>
      <StepLegend />
      <p className="inline-list">
        {t('employer.export')}:{' '}
        <a href={`/orgs/${slug}/progress.csv?${search}&lang=nl`} download>
          CSV (nl)
        </a>{' '}
        <a href={`/orgs/${slug}/progress.csv?${search}&lang=en`} download>
          CSV (en)
        </a>{' '}
        <a href={`/orgs/${slug}/progress.xlsx?${search}&lang=${locale}`} download>
          XLSX
        </a>{' '}
        · {t('employer.recordsExport')}:{' '}
        <a href={`/orgs/${slug}/records.csv?lang=${locale}`} download>
          CSV
        </a>{' '}
        <a href={`/orgs/${slug}/records.xlsx?lang=${locale}`} download>
          XLSX
        </a>
      </p>

      <MatrixTable slug={slug} matrix={matrix} collapsed={view.collapsed} linkTo={matrixLink} />
      <PersonView slug={slug} matrix={matrix} person={view.person} linkTo={matrixLink} />
      {matrix.pages > 1 ? (
        <nav aria-label={t('employer.paging')} className="pager">
          {matrix.page > 1 ? (
            <Link to={pageLink(matrix.page - 1)}>← {t('employer.previous')}</Link>
          ) : null}{' '}
          {matrix.page < matrix.pages ? (
            <Link to={pageLink(matrix.page + 1)}>{t('employer.next')} →</Link>
          ) : null}
        </nav>
      ) : null}

      <h2>{t('employer.perTeam')}</h2>
      <DataTable
        caption={t('employer.perTeam')}
        columns={[
          t('org.team'),
          t('employer.staffColumn'),
          t('employer.averageStep'),
          t('employer.competentCells'),
        ]}
      >
        {matrix.perTeam.map((team) => (
          <tr key={team.teamId}>
            <th scope="row">
              <Link to={`/orgs/${slug}/teams/${team.teamId}/progress?dossier=${query.dossierSlug}`}>
                {team.name}
              </Link>
            </th>
            <td>{team.staff}</td>
            <td>{team.averageStep.toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL')}</td>
            <td>{team.competentCells}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  )
}
