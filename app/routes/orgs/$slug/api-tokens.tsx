import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/api-tokens'
import { ErrorList, Field, FormSubmit } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { API_SCOPES, DEFAULT_API_SCOPES } from '#app/employer/api-scopes.ts'
import { createApiToken, listApiTokens, revokeApiToken } from '#app/employer/api-tokens.server.ts'
import { API_SCOPE_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { NewTokenNotice, TokenTable } from './token-table.tsx'

const TokenSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create'),
    name: z
      .string({ required_error: 'form.required' })
      .trim()
      .min(3, 'api.nameTooShort')
      .max(80, 'form.tooLong'),
    scopes: z.array(z.enum(API_SCOPES)).min(1, 'api.chooseScope'),
  }),
  z.object({ intent: z.literal('revoke'), tokenId: z.string().max(50) }),
])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'api.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  return {
    organisation: membership.organisation,
    tokens: await listApiTokens(membership.organisation.id),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const submission = parseWithZod(await request.formData(), { schema: TokenSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), token: null }, { status: 400 })
  const value = submission.value
  if (value.intent === 'revoke') {
    invariantResponse(await revokeApiToken(membership.organisation.id, value.tokenId, user.id))
    return { result: submission.reply(), token: null }
  }
  const token = await createApiToken({
    organisationId: membership.organisation.id,
    name: value.name,
    scopes: value.scopes,
    actorId: user.id,
  })
  return { result: submission.reply({ resetForm: true }), token }
}

export default function ApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, tokens } = loaderData
  const [form, fields] = useForm({
    id: 'api-token',
    lastResult: actionData?.result,
    constraint: getZodConstraint(TokenSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TokenSchema }),
  })
  return (
    <div className="page">
      <h1>
        {t('api.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('api.intro')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('api.openapi')}</a>
      </p>
      <NewTokenNotice texts="api" token={actionData?.token} />
      <h2>{t('api.new')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="create" />
        <Field label={t('api.name')} meta={fields.name} />
        <fieldset>
          <legend>{t('api.scopes')}</legend>
          {API_SCOPES.map((s) => (
            <label key={s} className="choice">
              <input
                type="checkbox"
                name="scopes"
                value={s}
                defaultChecked={DEFAULT_API_SCOPES.includes(s)}
              />{' '}
              <code>{s}</code> {t(API_SCOPE_LABEL[s])}
            </label>
          ))}
          <ErrorList id={fields.scopes.errorId} errors={fields.scopes.errors} />
        </fieldset>
        <FormSubmit form={form}>{t('api.create')}</FormSubmit>
      </Form>
      <TokenTable
        texts="api"
        tokens={tokens}
        extra={{ label: t('api.scopes'), cell: (token) => token.scopes.join(', ') }}
      />
    </div>
  )
}
