import { Link } from 'react-router'
import type { Route } from './+types/imports'
import { DataTable } from '#app/components/data-table.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { listQualityImports } from '#app/quality/quality-imports.server.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'imports.title')

/** The organisation's imports so far, and the choice of what to import next (admins only). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    imports: await listQualityImports(scope.organisationId),
  }
}

export default function Imports({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, imports } = loaderData
  const base = `/orgs/${organisation.slug}/quality`
  return (
    <div className="page">
      <p>
        <Link to={base}>← {t('quality.title')}</Link>
      </p>
      <h1>
        {t('imports.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('imports.intro')}</p>
      <ul className="link-list">
        <li>
          <Link to={`${base}/imports/evaluations`}>{t('imports.evaluations.title')}</Link>
        </li>
        <li>
          <Link to={`${base}/imports/kpis`}>{t('imports.kpis.title')}</Link>
        </li>
      </ul>
      <h2>{t('imports.history')}</h2>
      {imports.length === 0 ? (
        <p>{t('imports.none')}</p>
      ) : (
        <DataTable
          caption={t('imports.history')}
          columns={[
            t('imports.when'),
            t('imports.kind'),
            t('imports.file'),
            t('imports.rows'),
            t('imports.written'),
            t('imports.by'),
          ]}
        >
          {imports.map((i) => (
            <tr key={i.id} data-import-kind={i.kind}>
              <th scope="row">{formatAmsterdam(i.createdAt, locale, 'dateTime')}</th>
              <td>{i.kind === 'kpis' ? t('imports.kind.kpis') : t('imports.kind.evaluations')}</td>
              <td>{i.fileName}</td>
              <td>{i.rowCount}</td>
              <td>{i.createdCount}</td>
              <td>{i.importedBy}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
