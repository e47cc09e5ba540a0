import { Link } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { ACCESS_KIND_LABEL, ROLE_LABEL, textFor } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { Role } from '#app/auth/roles.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'

type Entry = {
  id: string
  kind: string
  createdAt: Date | string
  person: { id: string; name: string | null }
  viewer: { name: string | null; roles: Role[] } | null
  apiToken: string | null
  organisation: string | null
}

/**
 * The access log as a table, for the learner (their own entries: who, in which organisation)
 * and the org admin (everyone's: who looked at whom). Pages of ACCESS_LOG_PAGE, newest first.
 */
export function AccessLogTable({
  entries,
  showPerson,
  page,
  pages,
  pageLink,
}: {
  entries: Entry[]
  /** The org admin's view names whose data it was; the learner's names the organisation. */
  showPerson: boolean
  page: number
  pages: number
  pageLink: (page: number) => string
}) {
  const { t, locale } = useTranslation()
  if (entries.length === 0) return <p>{t('accessLog.none')}</p>
  const viewer = (e: Entry) => {
    if (e.apiToken !== null) return t('accessLog.apiToken', { name: e.apiToken })
    const name = e.viewer?.name ?? t('accessLog.deletedAccount')
    const roles = (e.viewer?.roles ?? []).map((r) => textFor(t, ROLE_LABEL, r)).join(', ')
    return roles ? `${name} (${roles})` : name
  }
  return (
    <>
      <DataTable
        caption={t('accessLog.title')}
        columns={[
          t('accessLog.when'),
          t('accessLog.who'),
          showPerson ? t('accessLog.person') : t('accessLog.organisation'),
          t('accessLog.what'),
        ]}
      >
        {entries.map((e) => (
          <tr key={e.id} data-kind={e.kind}>
            <td>{formatAmsterdam(e.createdAt, locale, 'dateTime')}</td>
            <th scope="row">{viewer(e)}</th>
            <td>
              {showPerson
                ? (e.person.name ?? t('accessLog.deletedAccount'))
                : (e.organisation ?? '—')}
            </td>
            <td>{textFor(t, ACCESS_KIND_LABEL, e.kind)}</td>
          </tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <nav aria-label={t('employer.paging')} className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>← {t('employer.previous')}</Link> : null}{' '}
          {t('employer.pageOf', { page, pages })}{' '}
          {page < pages ? <Link to={pageLink(page + 1)}>{t('employer.next')} →</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
