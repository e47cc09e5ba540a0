import { useTranslation } from '#app/i18n/use-translation.ts'
import { parseRuleParameters } from '#app/quality/rule-parameters.ts'

/** A rule in one sentence, from its parameters. */
export function RuleSummary({
  rule,
}: {
  rule: { kind: string; parameters: string; workProcessCode: string }
}) {
  const { t } = useTranslation()
  const parsed = parseRuleParameters(rule.kind, rule.parameters)
  return (
    <>
      {parsed.kind === 'assign_lesson'
        ? t('qrules.summary.assign_lesson', { code: rule.workProcessCode, ...parsed.parameters })
        : t('qrules.summary.demonstrated', { code: rule.workProcessCode, ...parsed.parameters })}
    </>
  )
}
