import { isTextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * The parts both import pages share: one row of the column-mapping screen (our field → a
 * column of the file) and the dry run's counts with every bad row named by its line.
 */

export function MappingRow({
  name,
  label,
  headers,
  value,
}: {
  name: string
  label: string
  headers: string[]
  value: number | null
}) {
  const { t } = useTranslation()
  const id = `map-${name}`
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{label}</label>
      </th>
      <td>
        <select id={id} name={name} defaultValue={value === null ? '' : String(value)}>
          <option value="">{t('imports.mapping.none')}</option>
          {headers.map((h, i) => (
            <option key={i} value={String(i)}>
              {h}
            </option>
          ))}
        </select>
      </td>
    </tr>
  )
}

/** The dry run's counts and every bad row, "regel 17: agent onbekend: x@y.nl". */
export function CheckSummary(props: {
  rowCount: number
  newCount: number
  existing: number
  existingKey?: 'imports.alreadyImported' | 'imports.unchanged'
  mappingProblems: string[]
  problems: { line: number; messageKey: string; value: string }[]
}) {
  const { t } = useTranslation()
  if (props.mappingProblems.length > 0)
    return (
      <div role="alert">
        <p>{t('imports.mapping.incomplete')}</p>
        <ul className="field-errors">
          {props.mappingProblems.map((p) => (
            <li key={p}>{isTextKey(p) ? t(p) : p}</li>
          ))}
        </ul>
      </div>
    )
  return (
    <>
      <p role="status" data-import-problems={props.problems.length}>
        {t('imports.counts', { rows: props.rowCount, fresh: props.newCount })}{' '}
        {t(props.existingKey ?? 'imports.alreadyImported', { count: props.existing })}
      </p>
      {props.problems.length > 0 ? (
        <div role="alert">
          <p>{t('imports.problems', { count: props.problems.length })}</p>
          <ul className="field-errors import-problems">
            {props.problems.map((p, i) => (
              <li key={i}>
                {t('imports.line.problem', {
                  line: p.line,
                  problem: isTextKey(p.messageKey) ? t(p.messageKey) : p.messageKey,
                  value: p.value || '—',
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
}
