import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/import-evaluations'
import { DataTable } from '#app/components/data-table.tsx'
import { ErrorList, FormSubmit, Notice, SelectField } from '#app/components/forms.tsx'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'
import { isTextKey } from '#app/i18n/i18n.ts'
import { CheckSummary, MappingRow } from '#app/components/quality/import-check.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  EvaluationImportRefused,
  checkEvaluations,
  guessEvaluationMapping,
  importEvaluations,
  mappingFromForm,
  type EvaluationCheck,
  type EvaluationMapping,
} from '#app/quality/evaluation-import.server.ts'
import {
  CONTACT_FIELDS,
  QA_TOOLS,
  REQUIRED_FIELDS,
  type QaTool,
} from '#app/quality/import-fields.ts'
import { openUpload, receiveImportFile, releaseUpload } from '#app/quality/import-upload.server.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { CHANNEL_LABEL } from '#app/quality/quality-labels.ts'
import { allItems } from '#app/quality/scorecard-definition.ts'
import { getScorecardVersion, scoringChoices } from '#app/quality/scorecards.server.ts'
import { readTabularFile, TABULAR_LIMITS } from '#app/quality/tabular-file.server.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const UploadSchema = z.object({
  intent: z.literal('upload'),
  versionId: z.string({ required_error: 'imports.chooseScorecard' }).min(1),
  tool: z.enum(QA_TOOLS, { errorMap: () => ({ message: 'imports.chooseTool' }) }),
})
const StepSchema = z.object({
  intent: z.enum(['check', 'import']),
  ticket: z.string().min(1).max(4000),
  versionId: z.string().min(1),
  tool: z.enum(QA_TOOLS),
})

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, 'imports.evaluations.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    scorecards: await scoringChoices(scope.organisationId),
    maxRows: TABULAR_LIMITS.rows,
    maxMb: TABULAR_LIMITS.bytes / 1024 / 1024,
  }
}

type Screen = {
  ticket: string
  fileName: string
  versionId: string
  tool: QaTool
  headers: string[]
  items: { key: string; label: string; scale: string }[]
  mapping: EvaluationMapping
}

/** What the page shows of a dry run: every problem, the first ten rows as they will be stored. */
function checkView(check: EvaluationCheck) {
  return {
    mappingProblems: check.mappingProblems,
    problems: check.problems,
    newCount: check.planned.length,
    alreadyImported: check.alreadyImported,
    rowCount: check.rowCount,
    preview: check.planned.slice(0, 10).map((p) => ({
      line: p.line,
      externalId: p.contact.externalId,
      agentEmail: p.agentEmail,
      evaluatorEmail: p.evaluatorEmail,
      contactAt: p.contact.contactAt.toISOString(),
      channel: p.contact.channel,
      durationSeconds: p.contact.durationSeconds,
      clientBrand: p.contact.clientBrand,
      score: p.score,
      passed: p.passed,
    })),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  assertBodyWithin(request, TABULAR_LIMITS.bytes + 256 * 1024)
  const form = await request.formData()

  if (form.get('intent') === 'upload') {
    const submission = parseWithZod(form, { schema: UploadSchema })
    if (submission.status !== 'success')
      return data({ result: submission.reply(), screen: null }, { status: 400 })
    const fail = (field: string, message: string) =>
      data(
        { result: submission.reply({ fieldErrors: { [field]: [message] } }), screen: null },
        { status: 400 },
      )
    const version = await getScorecardVersion(scope.organisationId, submission.value.versionId)
    if (!version) return fail('versionId', 'imports.chooseScorecard')
    const received = await receiveImportFile(
      scope.organisationId,
      scope.userId,
      fileField(form, 'file'),
    )
    if (!received.ok)
      return data(
        {
          result: submission.reply({ fieldErrors: { file: [received.messageKey] } }),
          screen: null,
          fileProblem: { key: received.messageKey, values: received.values ?? {} },
        },
        { status: 400 },
      )
    const { ticket, headers } = received
    const screen: Screen = {
      ticket,
      fileName: received.fileName,
      versionId: version.id,
      tool: submission.value.tool,
      headers,
      items: itemsOf(version.definition),
      mapping: guessEvaluationMapping(headers, submission.value.tool, version.definition),
    }
    return { result: submission.reply(), screen, check: null, done: null }
  }

  const submission = parseWithZod(form, { schema: StepSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), screen: null }, { status: 400 })
  const { ticket, versionId, tool, intent } = submission.value
  const held = await openUpload(scope.organisationId, scope.userId, ticket)
  const version = await getScorecardVersion(scope.organisationId, versionId)
  if (!held || !version)
    return data(
      {
        result: submission.reply({ formErrors: ['imports.file.expired'] }),
        screen: null,
      },
      { status: 400 },
    )
  const file = await readTabularFile(held.bytes)
  const mapping = mappingFromForm(form, file.headers, version.definition)
  const screen: Screen = {
    ticket,
    fileName: held.fileName,
    versionId,
    tool,
    headers: file.headers,
    items: itemsOf(version.definition),
    mapping,
  }
  if (intent === 'check') {
    const check = await checkEvaluations(scope.organisationId, version, tool, mapping, file)
    return { result: submission.reply(), screen, check: checkView(check), done: null }
  }
  try {
    // The ids of the agents stay on the server: the page shows only how many.
    const { agentIds: _agentIds, ...done } = await importEvaluations({
      scope,
      versionId,
      tool,
      mapping,
      file,
      fileName: held.fileName,
    })
    await releaseUpload(held.key)
    return { result: submission.reply(), screen: null, check: null, done }
  } catch (error) {
    if (!(error instanceof EvaluationImportRefused)) throw error
    return data(
      { result: submission.reply(), screen, check: checkView(error.check), done: null },
      { status: 400 },
    )
  }
}

function itemsOf(definition: Parameters<typeof allItems>[0]) {
  return allItems(definition).map((i) => ({ key: i.key, label: i.nl, scale: i.scale }))
}

export default function ImportEvaluations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation()
  const { organisation, scorecards, maxRows, maxMb } = loaderData
  const base = `/orgs/${organisation.slug}/quality`
  const screen = actionData && 'screen' in actionData ? actionData.screen : null
  const check = actionData && 'check' in actionData ? actionData.check : null
  const done = actionData && 'done' in actionData ? actionData.done : null
  const fileProblem = (
    actionData && 'fileProblem' in actionData ? actionData.fileProblem : null
  ) as { key: string; values: Record<string, string | number> } | null
  const [form, fields] = useForm<z.input<typeof UploadSchema>>({
    id: 'upload',
    lastResult: screen ? null : actionData?.result,
    constraint: getZodConstraint(UploadSchema),
  })
  const text = (key: string) => (isTextKey(key) ? t(key) : key)
  const fieldLabel = (f: string) => text(`imports.evaluations.field.${f}`)
  return (
    <div className="page">
      <p>
        <Link to={`${base}/imports`}>← {t('imports.title')}</Link>
      </p>
      <h1>
        {t('imports.evaluations.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('imports.evaluations.intro')}</p>
      {done ? (
        <Notice>
          {t('imports.evaluations.done', { created: done.created, agents: done.agents })}{' '}
          {t('imports.alreadyImported', { count: done.alreadyImported })}
        </Notice>
      ) : null}

      {!screen ? (
        <Form
          method="post"
          encType="multipart/form-data"
          {...getFormProps(form)}
          className="stack narrow-section"
        >
          <input type="hidden" name="intent" value="upload" />
          <SelectField label={t('imports.scorecard')} meta={fields.versionId} defaultValue="">
            <option value="">—</option>
            {scorecards.map((s) => (
              <option key={s.versionId} value={s.versionId}>
                {s.name} (v{s.version}){s.client ? ` · ${s.client}` : ''}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('imports.tool')} meta={fields.tool} defaultValue="">
            <option value="">—</option>
            {QA_TOOLS.map((tool) => (
              <option key={tool} value={tool}>
                {text(`imports.tool.${tool}`)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="import-file">{t('imports.file')}</label>
            <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" />
            <p className="hint">{t('imports.file.hint', { rows: maxRows, mb: maxMb })}</p>
            {fileProblem ? (
              <p role="alert" className="field-errors">
                {isTextKey(fileProblem.key)
                  ? t(fileProblem.key, fileProblem.values)
                  : fileProblem.key}
              </p>
            ) : (
              <ErrorList errors={actionData?.result?.error?.file} />
            )}
          </div>
          <p className="hint">{t('imports.evaluations.choice')}</p>
          <FormSubmit form={form}>{t('imports.upload')}</FormSubmit>
        </Form>
      ) : (
        <Form method="post" className="stack" key={screen.ticket}>
          <input type="hidden" name="ticket" value={screen.ticket} />
          <input type="hidden" name="versionId" value={screen.versionId} />
          <input type="hidden" name="tool" value={screen.tool} />
          <h2>{t('imports.mapping')}</h2>
          <p>
            {screen.fileName} · {text(`imports.tool.${screen.tool}`)}
          </p>
          <p className="hint">{t('imports.mapping.hint')}</p>
          <ErrorList errors={actionData?.result?.error?.[''] ?? null} />
          <DataTable
            caption={t('imports.mapping')}
            columns={[t('imports.mapping.ours'), t('imports.mapping.column')]}
          >
            {CONTACT_FIELDS.map((f) => (
              <MappingRow
                key={f}
                name={`field.${f}`}
                label={`${fieldLabel(f)}${REQUIRED_FIELDS.includes(f) ? ' *' : ''}`}
                headers={screen.headers}
                value={screen.mapping.fields[f]}
              />
            ))}
            {screen.items.map((item) => (
              <MappingRow
                key={item.key}
                name={`item.${item.key}`}
                label={`${item.label} (${text(`imports.scale.${item.scale}`)})`}
                headers={screen.headers}
                value={screen.mapping.items[item.key] ?? null}
              />
            ))}
          </DataTable>
          <p>
            <button type="submit" name="intent" value="check" className="button secondary">
              {t('imports.check')}
            </button>{' '}
            {check && check.problems.length === 0 && check.mappingProblems.length === 0 ? (
              <button type="submit" name="intent" value="import" className="button">
                {t('imports.evaluations.import', { count: check.newCount })}
              </button>
            ) : null}
          </p>
        </Form>
      )}

      {check ? (
        <section aria-labelledby="dry-run">
          <h2 id="dry-run">{t('imports.dryRun')}</h2>
          <CheckSummary
            rowCount={check.rowCount}
            newCount={check.newCount}
            existing={check.alreadyImported}
            mappingProblems={check.mappingProblems}
            problems={check.problems}
          />
          {check.preview.length > 0 ? (
            <>
              <h3>{t('imports.preview')}</h3>
              <DataTable
                caption={t('imports.preview')}
                columns={[
                  t('imports.line'),
                  fieldLabel('externalId'),
                  fieldLabel('agentEmail'),
                  fieldLabel('evaluatorEmail'),
                  fieldLabel('contactAt'),
                  fieldLabel('channel'),
                  fieldLabel('durationSeconds'),
                  fieldLabel('clientBrand'),
                  t('imports.score'),
                ]}
              >
                {check.preview.map((p) => (
                  <tr key={p.line}>
                    <th scope="row">{p.line}</th>
                    <td>{p.externalId}</td>
                    <td>{p.agentEmail}</td>
                    <td>{p.evaluatorEmail}</td>
                    <td>{formatAmsterdam(p.contactAt, locale, 'compactDateTime')}</td>
                    <td>{t(CHANNEL_LABEL[p.channel])}</td>
                    <td>{p.durationSeconds ?? '—'}</td>
                    <td>{p.clientBrand ?? '—'}</td>
                    <td>
                      {p.score} {p.passed ? '✓' : '✗'}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
