import { parseWithZod } from '@conform-to/zod'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/register'
import { Notice } from '#app/components/ui/notice.tsx'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
  registerPlatform,
  type RegistrationProblem,
} from '#app/integrations/lti/dynamic-registration.server.ts'
import { findRegistrationInvite } from '#app/integrations/lti/registration-invites.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * The one-time registration link, opened by Moodle or Canvas (in an iframe or a popup) with
 * `openid_configuration` and `registration_token`. The page only shows what will happen; the
 * button does the registration, since a loader never writes. The invite token in the path
 * is this page's guard: it names the organisation, and works once.
 */
const RegisterSchema = z.object({
  openid_configuration: z.string().max(2000).optional(),
  registration_token: z.string().max(4000).optional(),
})

const PROBLEM_STATUS: Record<RegistrationProblem, number> = {
  'invite-unknown': 404,
  'invite-used': 410,
  'invite-expired': 410,
  'bad-request': 400,
  unreachable: 502,
  'bad-configuration': 502,
  refused: 502,
  'bad-answer': 502,
  duplicate: 409,
}

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, 'ltiAdmin.register.title')

export async function loader({ request, params }: Route.LoaderArgs) {
  const invite = await findRegistrationInvite(params.token)
  if (!invite.ok) {
    const problem = `invite-${invite.problem}` as const
    return data(
      { problem, organisationName: null, openidConfiguration: '', registrationToken: '' },
      { status: PROBLEM_STATUS[problem] },
    )
  }
  const query = new URL(request.url).searchParams
  return {
    problem: null,
    organisationName: invite.organisationName,
    openidConfiguration: query.get('openid_configuration') ?? '',
    registrationToken: query.get('registration_token') ?? '',
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: RegisterSchema })
  if (submission.status !== 'success')
    return data({ ok: false as const, problem: 'bad-request' as const }, { status: 400 })
  const result = await registerPlatform({
    token: params.token,
    openidConfiguration: submission.value.openid_configuration ?? null,
    registrationToken: submission.value.registration_token ?? null,
  })
  if (!result.ok)
    return data(
      { ok: false as const, problem: result.problem },
      { status: PROBLEM_STATUS[result.problem] },
    )
  return { ok: true as const, organisationName: result.organisationName }
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  if (actionData?.ok) {
    return (
      <div className="page narrow-section">
        <h1>{t('ltiAdmin.register.title')}</h1>
        <Notice kind="success">
          {t('ltiAdmin.register.done', { organisation: actionData.organisationName })}
        </Notice>
        <p>{t('ltiAdmin.register.closeHint')}</p>
        {/* The spec's close message: the platform closes its iframe or popup and goes on. */}
        <script
          dangerouslySetInnerHTML={{
            __html:
              "(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*')",
          }}
        />
      </div>
    )
  }
  const problem = actionData?.problem ?? loaderData.problem
  return (
    <div className="page narrow-section">
      <h1>{t('ltiAdmin.register.title')}</h1>
      {problem ? <Notice kind="error">{t(`ltiAdmin.problem.${problem}`)}</Notice> : null}
      {loaderData.organisationName && problem !== 'invite-used' ? (
        <>
          <p className="lead">
            {t('ltiAdmin.register.intro', { organisation: loaderData.organisationName })}
          </p>
          {loaderData.openidConfiguration ? (
            <Form method="post" className="stack">
              <input
                type="hidden"
                name="openid_configuration"
                value={loaderData.openidConfiguration}
              />
              <input type="hidden" name="registration_token" value={loaderData.registrationToken} />
              <button type="submit" className="button">
                {t('ltiAdmin.register.submit')}
              </button>
            </Form>
          ) : (
            <Notice kind="warning">{t('ltiAdmin.register.noConfiguration')}</Notice>
          )}
        </>
      ) : null}
    </div>
  )
}
