import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/import-kpis'
import { DataTable } from '#app/components/data-table.tsx'
import { ErrorList, FormSubmit, Notice } from '#app/components/forms.tsx'
import { CheckSummary, MappingRow } from '#app/components/quality/import-check.tsx'
import { KpiTable } from '#app/components/quality/kpi-table.tsx'
import { isTextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { openUpload, receiveImportFile, releaseUpload } from '#app/quality/import-upload.server.ts'
import {
  checkKpis,
  guessKpiMapping,
  importKpis,
  KpiImportRefused,
  kpiMappingFromForm,
  type KpiCheck,
  type KpiMapping,
} from '#app/quality/kpi-import.server.ts'
import { KPI_FIELDS } from '#app/quality/import-fields.ts'
import { requireManager, requireQualityScope } from '#app/quality/quality-access.server.ts'
import { readTabularFile, TABULAR_LIMITS } from '#app/quality/tabular-file.server.ts'
import { assertBodyWithin, fileField } from '#app/utils/upload.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const UploadSchema = z.object({ intent: z.literal('upload') })
const StepSchema = z.object({
  intent: z.enum(['check', 'import']),
  ticket: z.string().min(1).max(4000),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'imports.kpis.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { scope } = await requireQualityScope(request, params.slug)
  requireManager(scope)
  return {
    organisation: { slug: scope.organisationSlug, name: scope.organisationName },
    maxRows: TABULAR_LIMITS.rows,
    maxMb: TABULAR_LIMITS.bytes / 1024 / 1024,
  }
}

type Screen = { ticket: string; fileName: string; headers: string[]; mapping: KpiMapping }

function checkView(check: KpiCheck) {
  return {
    mappingProblems: check.mappingProblems,
    problems: check.problems,
    newCount: check.planned.length,
    unchanged: check.unchanged,
    rowCount: check.rowCount,
    preview: check.planned.slice(0, 10).map((p) => ({
      line: p.line,
      agentEmail: p.agentEmail,
      weekStart: p.weekStart,
      ...p.values,
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
      headers,
      mapping: guessKpiMapping(headers),
    }
    return { result: submission.reply(), screen, check: null, done: null }
  }

  const submission = parseWithZod(form, { schema: StepSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), screen: null }, { status: 400 })
  const held = await openUpload(scope.organisationId, scope.userId, submission.value.ticket)
  if (!held)
    return data(
      { result: submission.reply({ formErrors: ['imports.file.expired'] }), screen: null },
      { status: 400 },
    )
  const file = await readTabularFile(held.bytes)
  const mapping = kpiMappingFromForm(form, file.headers)
  const screen: Screen = {
    ticket: submission.value.ticket,
    fileName: held.fileName,
    headers: file.headers,
    mapping,
  }
  if (submission.value.intent === 'check') {
    const check = await checkKpis(scope.organisationId, mapping, file)
    return { result: submission.reply(), screen, check: checkView(check), done: null }
  }
  try {
    const done = await importKpis({ scope, mapping, file, fileName: held.fileName })
    await releaseUpload(held.key)
    return { result: submission.reply(), screen: null, check: null, done }
  } catch (error) {
    if (!(error instanceof KpiImportRefused)) throw error
    return data(
      { result: submission.reply(), screen, check: checkView(error.check), done: null },
      { status: 400 },
    )
  }
}

export default function ImportKpis({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, maxRows, maxMb } = loaderData
  const base = `/orgs/${organisation.slug}/quality`
  const screen = actionData && 'screen' in actionData ? actionData.screen : null
  const check = actionData && 'check' in actionData ? actionData.check : null
  const done = actionData && 'done' in actionData ? actionData.done : null
  const fileProblem = (
    actionData && 'fileProblem' in actionData ? actionData.fileProblem : null
  ) as { key: string; values: Record<string, string | number> } | null
  const [form] = useForm<z.input<typeof UploadSchema>>({
    id: 'upload',
    lastResult: screen ? null : actionData?.result,
    constraint: getZodConstraint(UploadSchema),
  })
  const text = (key: string) => (isTextKey(key) ? t(key) : key)
  return (
    <div className="page">
      <p>
        <Link to={`${base}/imports`}>← {t('imports.title')}</Link>
      </p>
      <h1>
        {t('imports.kpis.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('imports.kpis.intro')}</p>
      <p className="muted">{t('kpis.contextOnly')}</p>
      {done ? (
        <Notice>
          {t('imports.kpis.done', { written: done.written })}{' '}
          {t('imports.unchanged', { count: done.unchanged })}
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
          <p className="hint">{t('imports.kpis.columns')}</p>
          <FormSubmit form={form}>{t('imports.upload')}</FormSubmit>
        </Form>
      ) : (
        <Form method="post" className="stack" key={screen.ticket}>
          <input type="hidden" name="ticket" value={screen.ticket} />
          <h2>{t('imports.mapping')}</h2>
          <p>{screen.fileName}</p>
          <p className="hint">{t('imports.mapping.hint')}</p>
          <ErrorList errors={actionData?.result?.error?.[''] ?? null} />
          <DataTable
            caption={t('imports.mapping')}
            columns={[t('imports.mapping.ours'), t('imports.mapping.column')]}
          >
            {KPI_FIELDS.map((f) => (
              <MappingRow
                key={f}
                name={`field.${f}`}
                label={`${text(`imports.kpis.field.${f}`)}${f === 'agentEmail' || f === 'week' ? ' *' : ''}`}
                headers={screen.headers}
                value={screen.mapping[f]}
              />
            ))}
          </DataTable>
          <p>
            <button type="submit" name="intent" value="check" className="button secondary">
              {t('imports.check')}
            </button>{' '}
            {check && check.problems.length === 0 && check.mappingProblems.length === 0 ? (
              <button type="submit" name="intent" value="import" className="button">
                {t('imports.kpis.import', { count: check.newCount })}
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
            existing={check.unchanged}
            existingKey="imports.unchanged"
            mappingProblems={check.mappingProblems}
            problems={check.problems}
          />
          {check.preview.length > 0 ? (
            <>
              <h3>{t('imports.preview')}</h3>
              <p className="muted">
                {check.preview
                  .map((p) => `${t('imports.line')} ${p.line}: ${p.agentEmail}`)
                  .join(' · ')}
              </p>
              <KpiTable weeks={check.preview} caption={t('imports.preview')} note={false} />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
