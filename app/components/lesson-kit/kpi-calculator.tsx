import { Form, useSearchParams } from 'react-router'
import { averageHandlingTime, occupancy, serviceLevel } from '#app/content/kpi.ts'
import type { TextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

type KpiKind = 'aht' | 'serviceLevel' | 'occupancy'

const TITLE: Record<KpiKind, TextKey> = {
  aht: 'kit.kpi.aht',
  serviceLevel: 'kit.kpi.serviceLevel',
  occupancy: 'kit.kpi.occupancy',
}

const FIELDS: Record<KpiKind, Array<{ name: string; label: TextKey }>> = {
  aht: [
    { name: 'talk', label: 'kit.kpi.talk' },
    { name: 'hold', label: 'kit.kpi.hold' },
    { name: 'acw', label: 'kit.kpi.acw' },
    { name: 'contacts', label: 'kit.kpi.contacts' },
  ],
  serviceLevel: [
    { name: 'within', label: 'kit.kpi.within' },
    { name: 'offered', label: 'kit.kpi.offered' },
  ],
  occupancy: [
    { name: 'handling', label: 'kit.kpi.handling' },
    { name: 'available', label: 'kit.kpi.available' },
  ],
}

/**
 * A KPI calculator as a GET form: the inputs go into the URL and the page computes the
 * result while rendering, with or without JavaScript.
 */
export function KpiCalculator({ kind }: { kind: KpiKind }) {
  const { t, locale } = useTranslation()
  const [params] = useSearchParams()
  const fields = FIELDS[kind]
  const value = (name: string) => Number(params.get(`${kind}-${name}`) ?? '')
  const filled = params.get('kpi') === kind && fields.every((f) => Number.isFinite(value(f.name)))
  const result = !filled
    ? null
    : kind === 'aht'
      ? averageHandlingTime(value('talk'), value('hold'), value('acw'), value('contacts'))
      : kind === 'serviceLevel'
        ? serviceLevel(value('within'), value('offered'))
        : occupancy(value('handling'), value('available'))
  const format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 1,
  })
  return (
    <section className="kpi-calculator" aria-labelledby={`kpi-${kind}`}>
      <h2 className="kit-heading" id={`kpi-${kind}`}>
        {t(TITLE[kind])}
      </h2>
      <Form method="get" preventScrollReset className="kpi-form">
        <input type="hidden" name="kpi" value={kind} />
        {fields.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`${kind}-${f.name}`}>{t(f.label)}</label>
            <input
              id={`${kind}-${f.name}`}
              name={`${kind}-${f.name}`}
              type="number"
              min="0"
              step="any"
              required
              defaultValue={params.get(`${kind}-${f.name}`) ?? ''}
            />
          </div>
        ))}
        <button type="submit" className="button secondary">
          {t('kit.kpi.calculate')}
        </button>
      </Form>
      {filled ? (
        <p role="status" className="kpi-result">
          {result === null
            ? t('kit.kpi.noResult')
            : t(kind === 'aht' ? 'kit.kpi.resultSeconds' : 'kit.kpi.resultPercent', {
                value: format.format(result),
              })}
        </p>
      ) : null}
    </section>
  )
}
