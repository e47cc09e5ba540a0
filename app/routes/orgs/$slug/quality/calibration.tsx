import { data, Form, Link } from 'react-router'
import type { Route } from './+types/calibration'
import { DataTable } from '#app/components/data-table.tsx'
import { ErrorList, Notice } from '#app/components/forms.tsx'
import { ScoreBadge } from '#app/components/quality/evaluation-table.tsx'
import { ScoringFields } from '#app/components/quality/scoring-fields.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  CalibrationRefused,
  closeCalibration,
  getCalibrationView,
  scoreCalibration,
} from '#app/quality/calibration.server.ts'
import { DEVIATION_TARGET_POINTS } from '#app/quality/calibration-stats.ts'
import { EvaluationRefused } from '#app/quality/evaluations.server.ts'
import { requireQualityScope } from '#app/quality/quality-access.server.ts'
import { CHANNEL_LABEL } from '#app/quality/quality-labels.ts'
import { allItems } from '#app/quality/scorecard-definition.ts'
import { itemField, readAnswers } from '#app/quality/scoring-form.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'calibration.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const view = await getCalibrationView(scope, params.sessionId)
  if (!view) throw new Response('Not found', { status: 404 })
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    view,
  }
}

type ActionResult = { errors: Record<string, string[]>; formError: string | null; done: string }

const refused = (result: Partial<ActionResult>) =>
  data({ errors: {}, formError: null, done: '', ...result } satisfies ActionResult, {
    status: 400,
  })

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  const view = await getCalibrationView(scope, params.sessionId)
  if (!view) throw new Response('Not found', { status: 404 })
  const formData = await request.formData()
  try {
    if (formData.get('intent') === 'close') {
      await closeCalibration(scope, view.id)
      return { errors: {}, formError: null, done: 'closed' } satisfies ActionResult
    }
    const { answers, errors } = readAnswers(formData, view.scorecard.definition)
    if (Object.keys(errors).length > 0) return refused({ errors })
    await scoreCalibration(scope, view.id, answers, String(formData.get('comment') ?? ''))
    return { errors: {}, formError: null, done: 'scored' } satisfies ActionResult
  } catch (error) {
    if (error instanceof CalibrationRefused) return refused({ formError: error.messageKey })
    if (error instanceof EvaluationRefused) {
      // The scorer names items "item.<key>", the form's fields are itemField(key).
      const field = error.field.startsWith('item.') ? itemField(error.field.slice(5)) : error.field
      return refused({ errors: { [field]: [error.messageKey] } })
    }
    throw error
  }
}

export default function Calibration({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, view } = loaderData
  const base = `/orgs/${organisation.slug}/quality/calibrations`
  const items = new Map(allItems(view.scorecard.definition).map((i) => [i.key, i]))
  const text = (x: { nl: string; en: string }) => (locale === 'en' && x.en ? x.en : x.nl)
  const answerText = (itemKey: string, value: number | null) => {
    if (value === null) return t('scoring.na')
    if (items.get(itemKey)?.scale === 'yes_no')
      return value === 1 ? t('scoring.yes') : t('scoring.no')
    return String(value)
  }
  const result = view.result
  const deviationOf = new Map(result?.deviations?.evaluators.map((d) => [d.evaluatorId, d]) ?? [])
  return (
    <div className="page">
      <p>
        <Link to={base}>{t('calibration.back')}</Link>
      </p>
      <h1>{view.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('calibration.field.agent')}</dt>
          <dd>{view.agent.name}</dd>
        </div>
        <div>
          <dt>{t('calibration.field.contactAt')}</dt>
          <dd>{formatDate(view.contactAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('calibration.field.channel')}</dt>
          <dd>{t(CHANNEL_LABEL[view.channel])}</dd>
        </div>
        {view.externalId ? (
          <>
            <div>
              <dt>{t('calibration.field.externalId')}</dt>
              <dd>{view.externalId}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('calibration.field.scorecard')}</dt>
          <dd>
            {view.scorecard.name} v{view.scorecard.version}
          </dd>
        </div>
        <div>
          <dt>{t('calibration.field.reference')}</dt>
          <dd>
            {view.referenceEvaluator ? view.referenceEvaluator.name : t('calibration.consensus')}
          </dd>
        </div>
        <div>
          <dt>{t('calibration.col.state')}</dt>
          <dd data-calibration-state={view.closedAt ? 'closed' : 'open'}>
            {view.closedAt
              ? t('calibration.closedOn', { date: formatDate(view.closedAt, locale) })
              : t('calibration.open')}
          </dd>
        </div>
      </dl>

      {actionData?.done === 'scored' ? <Notice>{t('calibration.scored')}</Notice> : null}
      {actionData?.done === 'closed' ? <Notice>{t('calibration.closedNotice')}</Notice> : null}
      {actionData?.formError ? <ErrorList errors={[actionData.formError]} /> : null}

      <h2>{t('calibration.evaluators')}</h2>
      <ul className="link-list">
        {view.evaluators.map((e) => (
          <li key={e.userId} data-evaluator={e.name}>
            {e.name}: {e.scored ? t('calibration.hasScored') : t('calibration.notScored')}
          </li>
        ))}
      </ul>
      {view.mayClose ? (
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <p className="hint">{t('calibration.closeHint')}</p>
          <button type="submit" className="button secondary">
            {t('calibration.close')}
          </button>
        </Form>
      ) : null}

      {view.mayScore ? (
        <>
          <h2>{t('calibration.yourScore')}</h2>
          <p className="hint">{t('calibration.independent')}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="score" />
            <ScoringFields
              definition={view.scorecard.definition}
              idPrefix="calibration"
              errors={actionData?.errors ?? {}}
            />
            <div className="field">
              <label htmlFor="calibration-comment">{t('calibration.comment')}</label>
              <textarea id="calibration-comment" name="comment" rows={3} />
            </div>
            <button type="submit" className="button">
              {t('calibration.submit')}
            </button>
          </Form>
        </>
      ) : null}

      {view.own && !result ? (
        <p data-own-score>
          {t('calibration.ownScore')}{' '}
          <ScoreBadge
            score={view.own.score}
            passed={view.own.passed}
            criticalFailed={view.own.criticalFailed}
          />{' '}
          {t('calibration.waiting')}
        </p>
      ) : null}

      {result ? (
        <>
          <h2>{t('calibration.totals')}</h2>
          {result.deviations ? (
            <p className="hint">
              {t(
                result.deviations.basis === 'reference'
                  ? 'calibration.basis.reference'
                  : 'calibration.basis.consensus',
                { benchmark: result.deviations.benchmark, target: DEVIATION_TARGET_POINTS },
              )}
            </p>
          ) : null}
          <DataTable
            caption={t('calibration.totals')}
            columns={[
              t('quality.col.evaluator'),
              t('quality.col.score'),
              result.deviations && t('calibration.col.deviation'),
            ]}
          >
            {result.totals.map((row) => {
              const d = deviationOf.get(row.evaluatorId)
              return (
                <tr key={row.evaluatorId} data-evaluator={row.name}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <ScoreBadge
                      score={row.score}
                      passed={row.passed}
                      criticalFailed={row.criticalFailed}
                    />
                  </td>
                  {result.deviations ? (
                    <td data-deviation={d?.deviation}>
                      {d ? t('calibration.points', { points: d.deviation }) : '—'}
                      {d?.beyondTarget ? (
                        <strong className="critical"> {t('calibration.beyondTarget')}</strong>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              )
            })}
          </DataTable>

          <h2>{t('calibration.spread')}</h2>
          <p className="hint">{t('calibration.spreadHint')}</p>
          <DataTable
            caption={t('calibration.spread')}
            columns={[
              t('calibration.col.item'),
              ...result.totals.map((row) => row.name),
              t('calibration.col.min'),
              t('calibration.col.max'),
              t('calibration.col.range'),
              t('calibration.col.sd'),
            ]}
          >
            {result.spreads.map((s) => {
              const item = items.get(s.itemKey)!
              return (
                <tr key={s.itemKey} data-item={s.itemKey}>
                  <th scope="row">{text(item)}</th>
                  {result.totals.map((row) => {
                    const value =
                      s.answers.find((a) => a.evaluatorId === row.evaluatorId)?.value ?? null
                    const comment = result.comments[row.evaluatorId]?.[s.itemKey]
                    return (
                      <td key={row.evaluatorId}>
                        {answerText(s.itemKey, value)}
                        {comment ? <span className="muted"> ({comment})</span> : null}
                      </td>
                    )
                  })}
                  <td>{s.min ?? '—'}</td>
                  <td>{s.max ?? '—'}</td>
                  <td data-range={s.range ?? ''}>{s.range ?? '—'}</td>
                  <td data-sd={s.standardDeviation ?? ''}>{s.standardDeviation ?? '—'}</td>
                </tr>
              )
            })}
          </DataTable>
          {result.totals.some((row) => row.comment) ? (
            <>
              <h3>{t('calibration.comment')}</h3>
              <ul>
                {result.totals
                  .filter((row) => row.comment)
                  .map((row) => (
                    <li key={row.evaluatorId}>
                      <strong>{row.name}:</strong> {row.comment}
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
