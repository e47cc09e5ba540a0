import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/provisioning'
import { Field, FormSubmit, SelectField } from '#app/components/forms.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { env } from '#app/env.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { BRAND_ATTRIBUTES } from '#app/integrations/scim/client-brand.ts'
import {
  getBrandAttribute,
  listClientBrands,
  setBrandAttribute,
} from '#app/integrations/scim/client-brand.server.ts'
import {
  createScimToken,
  listScimTokens,
  revokeScimToken,
} from '#app/integrations/scim/scim-tokens.server.ts'
import { countProvisionedMembers } from '#app/integrations/scim/user-provisioning.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { NewTokenNotice, TokenTable } from './token-table.tsx'

const TokenSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create'),
    name: z
      .string({ required_error: 'form.required' })
      .trim()
      .min(3, 'scim.nameTooShort')
      .max(80, 'form.tooLong'),
  }),
  z.object({ intent: z.literal('revoke'), tokenId: z.string().max(50) }),
  z.object({
    intent: z.literal('brand'),
    brandAttribute: z.enum(BRAND_ATTRIBUTES, {
      errorMap: () => ({ message: 'scim.brandAttributeInvalid' }),
    }),
  }),
])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'scim.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const organisationId = membership.organisation.id
  return {
    organisation: membership.organisation,
    scimUrl: `${env.PUBLIC_URL.replace(/\/$/, '')}/scim/v2`,
    provisioned: await countProvisionedMembers(organisationId),
    tokens: await listScimTokens(organisationId),
    brandAttribute: await getBrandAttribute(organisationId),
    brands: await listClientBrands(organisationId),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, membership } = await requireOrgPermission(
    request,
    params.slug,
    'manage:members:org',
  )
  const submission = parseWithZod(await request.formData(), { schema: TokenSchema })
  const form = submission.payload.intent === 'brand' ? 'brand' : 'token'
  if (submission.status !== 'success')
    return data({ form, result: submission.reply(), token: null }, { status: 400 })
  const value = submission.value
  if (value.intent === 'revoke') {
    invariantResponse(await revokeScimToken(membership.organisation.id, value.tokenId, user.id))
    return { form, result: submission.reply(), token: null }
  }
  if (value.intent === 'brand') {
    await setBrandAttribute({
      organisationId: membership.organisation.id,
      brandAttribute: value.brandAttribute,
      actorId: user.id,
    })
    return { form, result: submission.reply(), token: null }
  }
  const token = await createScimToken({
    organisationId: membership.organisation.id,
    name: value.name,
    actorId: user.id,
  })
  return { form, result: submission.reply({ resetForm: true }), token }
}

export default function Provisioning({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisation, scimUrl, provisioned, tokens, brandAttribute, brands } = loaderData
  const [form, fields] = useForm({
    id: 'scim-token',
    lastResult: actionData?.form === 'token' ? actionData.result : undefined,
    constraint: getZodConstraint(TokenSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TokenSchema }),
  })
  const [brandForm, brandFields] = useForm({
    id: 'scim-brand',
    lastResult: actionData?.form === 'brand' ? actionData.result : undefined,
    defaultValue: { brandAttribute },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TokenSchema }),
  })
  return (
    <div className="page">
      <h1>
        {t('scim.title')}: {organisation.name}
      </h1>
      <p className="lead">{t('scim.intro')}</p>
      <p>
        {t('scim.baseUrl')}: <code data-scim-url>{scimUrl}</code>
      </p>
      <p>{t('scim.provisioned', { count: provisioned })}</p>
      <NewTokenNotice texts="scim" token={actionData?.token} />
      <h2>{t('scim.new')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack narrow-section">
        <input type="hidden" name="intent" value="create" />
        <Field label={t('scim.name')} meta={fields.name} />
        <FormSubmit form={form}>{t('scim.create')}</FormSubmit>
      </Form>
      <h2>{t('scim.brandTitle')}</h2>
      <Form method="post" {...getFormProps(brandForm)} className="stack narrow-section">
        <input type="hidden" name="intent" value="brand" />
        <SelectField
          label={t('scim.brandAttribute')}
          meta={brandFields.brandAttribute}
          hint={
            brands.length
              ? t('scim.brandHint', { brands: brands.join(', ') })
              : t('scim.brandHintNone')
          }
        >
          {BRAND_ATTRIBUTES.map((attribute) => (
            <option key={attribute} value={attribute}>
              {t(`scim.brandAttribute.${attribute}`)}
            </option>
          ))}
        </SelectField>
        <FormSubmit form={brandForm}>{t('scim.brandSave')}</FormSubmit>
      </Form>
      <TokenTable texts="scim" tokens={tokens} />
    </div>
  )
}
