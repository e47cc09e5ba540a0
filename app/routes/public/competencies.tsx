import type { Route } from './+types/competencies'
import { DataTable } from '#app/components/data-table.tsx'
import { listCompetencies } from '#app/domain/dossiers.server.ts'
import { localized } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'competencies.title')

export async function loader() {
  return { competencies: await listCompetencies() }
}

export default function Competencies({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  return (
    <div className="page">
      <h1>{t('competencies.title')}</h1>
      <p className="lead">{t('competencies.intro')}</p>
      <DataTable
        caption={t('competencies.title')}
        columns={[t('competencies.code'), t('competencies.name'), t('competencies.description')]}
      >
        {loaderData.competencies.map((c) => (
          <tr key={c.code} id={`competency-${c.code}`}>
            <td className="code">{c.code}</td>
            <th scope="row">{localized(c, 'title', locale)}</th>
            <td>{localized(c, 'description', locale)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  )
}
