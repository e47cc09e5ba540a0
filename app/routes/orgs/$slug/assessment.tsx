import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/assessment'
import { ErrorList } from '#app/components/forms.tsx'
import { AssessmentFeedback, EvidenceSummary } from '#app/components/evidence-summary.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { assessorsRequired, RUBRIC, RUBRIC_LEVELS } from '#app/assessment/assessment-rules.ts'
import { AssessmentRefused, recordAssessment } from '#app/assessment/assessments.server.ts'
import { currentCriteria } from '#app/assessment/criteria.server.ts'
import { getEvidence, verdicts } from '#app/assessment/evidence.server.ts'
import { RUBRIC_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { logAccess } from '#app/privacy/access-log.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

const JudgementSchema = z.object({
  workProcessCode: z.string().max(20),
  criteriaVersion: z.coerce.number().int().min(0),
  decision: z.enum(['signed_off', 'not_yet'], {
    errorMap: () => ({ message: 'assessment.chooseDecision' }),
  }),
  comment: z.string().trim().max(2000, 'form.tooLong').default(''),
  scores: z
    .array(
      z.object({
        level: z.enum(RUBRIC_LEVELS, { errorMap: () => ({ message: 'assessment.chooseLevel' }) }),
        comment: z.string().trim().max(1000, 'form.tooLong').default(''),
      }),
    )
    .min(1),
})

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, data?.evidence.title ?? 'assessment.queue')

async function load(request: Request, slug: string, evidenceId: string) {
  const { user, membership } = await requireOrgPermission(request, slug, 'assess:evidence:org')
  const evidence = await getEvidence(evidenceId)
  // Evidence of another organisation does not exist, as far as this assessor can tell.
  invariantResponse(evidence && evidence.organisationId === membership.organisation.id)
  return { user, membership, evidence }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, membership, evidence } = await load(request, params.slug, params.evidenceId)
  const own = evidence.userId === user.id
  await logAccess({
    viewer: { userId: user.id },
    organisationId: evidence.organisationId,
    kind: 'evidence.view',
    people: evidence.userId,
    objectId: evidence.id,
  })
  const forms = await Promise.all(
    verdicts(evidence)
      .filter(
        (v) =>
          !own &&
          (v.verdict === 'awaiting' || v.verdict === 'awaiting_second') &&
          !v.assessorIds.includes(user.id),
      )
      .map(async (v) => ({
        code: v.code,
        second: v.verdict === 'awaiting_second',
        criteria: (await currentCriteria(evidence.organisationId, evidence.dossierSlug, v.code))!,
      })),
  )
  return {
    organisation: membership.organisation,
    evidence,
    own,
    forms,
    assessorsNeeded: assessorsRequired(evidence.kind),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, evidence } = await load(request, params.slug, params.evidenceId)
  const submission = parseWithZod(await request.formData(), { schema: JudgementSchema })
  if (submission.status !== 'success')
    return data(
      { code: String(submission.payload.workProcessCode ?? ''), result: submission.reply() },
      { status: 400 },
    )
  const value = submission.value
  try {
    await recordAssessment({
      evidenceId: evidence.id,
      workProcessCode: value.workProcessCode,
      assessorId: user.id,
      decision: value.decision,
      comment: value.comment,
      criteriaVersion: value.criteriaVersion,
      scores: value.scores,
    })
  } catch (error) {
    if (!(error instanceof AssessmentRefused)) throw error
    const message = `assessment.refused.${error.reason}`
    return data(
      {
        code: value.workProcessCode,
        result: submission.reply(
          error.field === 'form'
            ? { formErrors: [message] }
            : { fieldErrors: { [error.field]: [message] } },
        ),
      },
      { status: 400 },
    )
  }
  return { code: value.workProcessCode, result: submission.reply({ resetForm: true }) }
}

export default function AssessEvidence({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, evidence, forms, own, assessorsNeeded } = loaderData
  return (
    <div className="page">
      <p>
        <Link to={`/orgs/${organisation.slug}/assessments`}>← {t('assessment.queue')}</Link>
      </p>
      <h1>{evidence.title}</h1>
      {assessorsNeeded > 1 ? (
        <p className="notice">{t('assessment.proeveNote', { count: assessorsNeeded })}</p>
      ) : null}
      <EvidenceSummary evidence={evidence} />
      <h2>{t('evidence.feedback')}</h2>
      <AssessmentFeedback evidence={evidence} />
      {own ? <p className="notice">{t('assessment.ownEvidence')}</p> : null}
      {forms.map((f) => (
        <JudgementForm
          key={f.code}
          form={f}
          lastResult={actionData?.code === f.code ? actionData.result : undefined}
        />
      ))}
    </div>
  )
}

type FormSpec = Route.ComponentProps['loaderData']['forms'][number]

function JudgementForm({
  form: spec,
  lastResult,
}: {
  form: FormSpec
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t, locale } = useTranslation()
  const [form, fields] = useForm<z.input<typeof JudgementSchema>>({
    id: `judge-${spec.code}`,
    lastResult,
    constraint: getZodConstraint(JudgementSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JudgementSchema }),
    shouldValidate: 'onSubmit',
  })
  const scores = fields.scores.getFieldList()
  return (
    <section aria-labelledby={`judge-${spec.code}-title`} className="judgement">
      <h2 id={`judge-${spec.code}-title`}>
        {t('assessment.judge', { code: spec.code })}
        {spec.second ? (
          <>
            {' '}
            <span className="badge">{t('assessment.secondNeeded')}</span>
          </>
        ) : null}
      </h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="workProcessCode" value={spec.code} />
        <input type="hidden" name="criteriaVersion" value={spec.criteria.version} />
        {spec.criteria.criteria.map((c, i) => {
          const field = scores[i]?.getFieldset()
          const name = `scores[${i}]`
          const errorId = `judge-${spec.code}-c${i}-error`
          const errors = field?.level.errors
          return (
            <fieldset key={i} className="criterion" aria-describedby={errors ? errorId : undefined}>
              <legend>
                {i + 1}. {locale === 'en' && c.en ? c.en : c.nl}{' '}
                <span className="muted">
                  ({t('assessment.required')}: {t(RUBRIC_LABEL[c.requiredLevel])})
                </span>
              </legend>
              <div className="rubric">
                {RUBRIC_LEVELS.map((level) => (
                  <label key={level} className="choice" title={RUBRIC[level][locale]}>
                    <input
                      type="radio"
                      name={`${name}.level`}
                      value={level}
                      defaultChecked={field?.level.initialValue === level}
                    />{' '}
                    {t(RUBRIC_LABEL[level])}
                  </label>
                ))}
              </div>
              <ErrorList id={errorId} errors={errors} />
              <label htmlFor={`judge-${spec.code}-c${i}-comment`} className="visually-hidden">
                {t('assessment.criterionComment', { n: i + 1 })}
              </label>
              <input
                id={`judge-${spec.code}-c${i}-comment`}
                name={`${name}.comment`}
                defaultValue={String(field?.comment.initialValue ?? '')}
                placeholder={t('assessment.criterionCommentPlaceholder')}
              />
            </fieldset>
          )
        })}
        <div className="field">
          <label htmlFor={fields.comment.id}>{t('assessment.comment')}</label>
          <textarea {...getTextareaProps(fields.comment)} key={fields.comment.key} rows={3} />
          <ErrorList id={fields.comment.errorId} errors={fields.comment.errors} />
        </div>
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="button-row">
          <button type="submit" name="decision" value="signed_off" className="button">
            {t('assessment.signOff')}
          </button>
          <button type="submit" name="decision" value="not_yet" className="button secondary">
            {t('assessment.notYet')}
          </button>
        </div>
      </Form>
    </section>
  )
}
