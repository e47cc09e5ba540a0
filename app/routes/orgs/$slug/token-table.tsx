import type { ReactNode } from 'react'
import { DataTable, RowAction } from '#app/components/data-table.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The texts of one kind of bearer token: the HR API's (`api.…`) or SCIM's (`scim.…`). */
type TokenTexts = 'api' | 'scim'

type TokenRow = {
  id: string
  name: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** A just-created token, shown this once: it is never stored, only its hash. */
export function NewTokenNotice({ texts, token }: { texts: TokenTexts; token?: string | null }) {
  const { t } = useTranslation()
  if (!token) return null
  return (
    <div role="status" className="notice success">
      <p>{t(`${texts}.created`)}</p>
      <p>
        <code data-token>{token}</code>
      </p>
    </div>
  )
}

/**
 * An organisation's tokens under their heading, each revocable until revoked; `extra` adds a
 * column after the name (the HR API's scopes).
 */
export function TokenTable<T extends TokenRow>({
  texts,
  tokens,
  extra,
}: {
  texts: TokenTexts
  tokens: T[]
  extra?: { label: string; cell: (token: T) => ReactNode }
}) {
  const { t, locale } = useTranslation()
  const columns = [t(`${texts}.name`), t(`${texts}.createdAt`), t(`${texts}.lastUsed`)]
  if (extra) columns.splice(1, 0, extra.label)
  return (
    <>
      <h2>{t(`${texts}.list`)}</h2>
      {tokens.length === 0 ? (
        <p>{t(`${texts}.none`)}</p>
      ) : (
        <DataTable caption={t(`${texts}.list`)} columns={columns} actions>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              {extra ? <td>{extra.cell(token)}</td> : null}
              <td>{formatDate(token.createdAt, locale)}</td>
              <td>{token.lastUsedAt ? formatDate(token.lastUsedAt, locale) : '—'}</td>
              <td>
                {token.revokedAt ? (
                  t(`${texts}.revokedOn`, { date: formatDate(token.revokedAt, locale) })
                ) : (
                  <RowAction name="tokenId" id={token.id} intent="revoke">
                    {t(`${texts}.revoke`, { name: token.name })}
                  </RowAction>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
