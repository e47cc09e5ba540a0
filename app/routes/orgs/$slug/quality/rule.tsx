import { data, Form, Link } from 'react-router'
import type { Route } from './+types/rule'
import { DataTable } from '#app/components/data-table.tsx'
import { RuleSummary } from '#app/components/quality/rule-summary.tsx'
import { Notice } from '#app/components/forms.tsx'
import { formatDate } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import {
  getRule,
  listFirings,
  namesOf,
  planRule,
  setRuleEnabled,
} from '#app/quality/rules.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'qrules.title')

/** One rule: what it means, its dry run (who it would affect now) and what it did. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const rule = await getRule(scope.organisationId, params.ruleId)
  if (!rule) throw new Response('Not found', { status: 404 })
  const [plan, firings] = await Promise.all([planRule(rule), listFirings(rule.id)])
  const names = await namesOf(firings.map((f) => f.agentId))
  return {
    base: `/orgs/${scope.organisationSlug}/quality`,
    rule,
    plan: {
      firings: plan.firings.map((f) => ({
        agentId: f.agentId,
        agentName: f.agentName,
        kind: f.kind,
        dueAt: f.kind === 'assign_lesson' ? f.dueAt : null,
        contacts: f.kind === 'assign_lesson' ? f.failing.length : f.passing.length,
      })),
      skipped: plan.skipped,
    },
    firings: firings.map((f) => ({ ...f, agentName: names[f.agentId] ?? '' })),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  const rule = await getRule(scope.organisationId, params.ruleId)
  if (!rule) throw new Response('Not found', { status: 404 })
  const intent = (await request.formData()).get('intent')
  if (intent !== 'enable' && intent !== 'disable')
    return data({ fired: null, error: 'qrules.error.intent' }, { status: 400 })
  const fired = await setRuleEnabled(scope, rule.id, intent === 'enable')
  return { fired: intent === 'enable' ? fired : null, error: null }
}

export default function Rule({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { base, rule, plan, firings } = loaderData
  return (
    <div className="page">
      <p>
        <Link to={`${base}/rules`}>{t('qrules.title')}</Link>
      </p>
      <h1>
        <RuleSummary rule={rule} />
      </h1>
      <p className="lead">{t('qrules.neverCompetent')}</p>
      {actionData?.fired !== null && actionData?.fired !== undefined ? (
        <Notice>{t('qrules.fired', { count: actionData.fired })}</Notice>
      ) : null}
      <p>
        {t('qrules.status')}: <strong>{t(rule.enabled ? 'qrules.on' : 'qrules.off')}</strong>
      </p>
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value={rule.enabled ? 'disable' : 'enable'}
          className="button"
        >
          {t(rule.enabled ? 'qrules.disable' : 'qrules.enable')}
        </button>
      </Form>

      <h2>{t('qrules.dryRun')}</h2>
      <p className="hint">{t(rule.enabled ? 'qrules.dryRunOn' : 'qrules.dryRunOff')}</p>
      {plan.firings.length === 0 ? (
        <p>{t('qrules.dryRunNobody')}</p>
      ) : (
        <DataTable
          caption={t('qrules.dryRun')}
          columns={[t('qrules.agent'), t('qrules.action'), t('qrules.contacts')]}
        >
          {plan.firings.map((f) => (
            <tr key={f.agentId} data-planned={f.agentId}>
              <th scope="row">{f.agentName}</th>
              <td>
                {f.dueAt
                  ? t('qrules.plan.assign', { due: formatDate(f.dueAt, locale) })
                  : t('qrules.plan.evidence')}
              </td>
              <td>{f.contacts}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {plan.skipped.length > 0 ? (
        <>
          <h3>{t('qrules.skipped')}</h3>
          <ul>
            {plan.skipped.map((s) => (
              <li key={s.agentId}>
                {s.agentName}: {t(`qrules.skip.${s.reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('qrules.history')}</h2>
      {firings.length === 0 ? (
        <p>{t('qrules.noFirings')}</p>
      ) : (
        <DataTable
          caption={t('qrules.history')}
          columns={[t('qrules.agent'), t('qrules.action'), t('trend.date')]}
        >
          {firings.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.agentName}</th>
              <td>{t(f.assignmentId ? 'qrules.did.assign' : 'qrules.did.evidence')}</td>
              <td>{formatDate(f.firedAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}
