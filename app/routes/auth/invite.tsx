import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/invite'
import { Field, FormSubmit, NewPasswordFields } from '#app/components/forms.tsx'
import { getUser } from '#app/auth/authorize.server.ts'
import { pageAfterLogin } from '#app/auth/landing-page.server.ts'
import { createSession, sessionCookie } from '#app/auth/session.server.ts'
import { findUserByEmail } from '#app/domain/users.server.ts'
import {
  AccountExistsError,
  InvitationUnusableError,
  acceptInvitation,
  lookUpInvitation,
} from '#app/domain/invitations.server.ts'
import { INVITATION_STATE_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { clientAddress } from '#app/utils/client-address.server.ts'
import {
  NameSchema,
  PasswordSchema,
  ConfirmPasswordSchema,
  passwordsMatch,
} from '#app/utils/form-schemas.ts'
import { pageTitle } from '#app/utils/meta.ts'

const SignUpSchema = z
  .object({
    intent: z.literal('sign-up'),
    name: NameSchema,
    password: PasswordSchema,
    confirmPassword: ConfirmPasswordSchema,
  })
  .refine(...passwordsMatch)
const AcceptSchema = z.object({ intent: z.literal('accept') })
const InviteSchema = z.union([SignUpSchema, AcceptSchema])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'invite.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { state, invitation } = await lookUpInvitation(params.token)
  if (state !== 'valid' || !invitation) return data({ state, invite: null }, { status: 410 })
  const user = await getUser(request)
  const hasAccount = !!(await findUserByEmail(invitation.email))
  return {
    state,
    invite: {
      email: invitation.email,
      organisation: invitation.organisation.name,
      hasAccount,
      signedInAs: user?.email ?? null,
    },
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: InviteSchema })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) },
      { status: 400 },
    )
  }
  const user = await getUser(request)
  try {
    if (submission.value.intent === 'accept') {
      if (!user) throw redirect(`/login?redirectTo=/invite/${params.token}`)
      await acceptInvitation(params.token, { userId: user.id })
      return redirect(await pageAfterLogin(user.id))
    }
    const { name, password } = submission.value
    const { userId } = await acceptInvitation(params.token, { name, password })
    const { token, session } = await createSession(userId, {
      userAgent: request.headers.get('User-Agent') ?? '',
      ipAddress: clientAddress(request),
    })
    return redirect(await pageAfterLogin(userId), {
      headers: { 'Set-Cookie': sessionCookie(request, token, session.expiresAt) },
    })
  } catch (error) {
    const message =
      error instanceof AccountExistsError
        ? 'invite.accountExists'
        : error instanceof InvitationUnusableError
          ? `invite.state.${error.state}`
          : null
    if (!message) throw error
    return data(
      {
        result: submission.reply({
          formErrors: [message],
          hideFields: ['password', 'confirmPassword'],
        }),
      },
      { status: 400 },
    )
  }
}

export default function Invite({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignUpSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldRevalidate: 'onBlur',
  })
  const invite = loaderData.invite
  if (!invite) {
    return (
      <div className="page narrow">
        <h1>{t('invite.title')}</h1>
        <p role="alert">{t(INVITATION_STATE_LABEL[loaderData.state])}</p>
      </div>
    )
  }
  return (
    <div className="page narrow">
      <h1>{t('invite.title')}</h1>
      <p className="lead">
        {t('invite.intro', { organisation: invite.organisation, email: invite.email })}
      </p>
      {invite.signedInAs ? (
        invite.signedInAs === invite.email ? (
          <Form method="post" {...getFormProps(form)}>
            <FormSubmit form={form} name="intent" value="accept">
              {t('invite.accept')}
            </FormSubmit>
          </Form>
        ) : (
          <p role="alert">{t('invite.otherAccount', { email: invite.email })}</p>
        )
      ) : invite.hasAccount ? (
        <p>
          <Link className="button" to={`/login?redirectTo=/invite/${params.token}`}>
            {t('invite.loginToAccept')}
          </Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="sign-up" />
          <Field label={t('form.name')} meta={fields.name} autoComplete="name" />
          <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
          <FormSubmit form={form}>{t('invite.signUp')}</FormSubmit>
        </Form>
      )}
    </div>
  )
}
