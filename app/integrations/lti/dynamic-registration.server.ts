import { z } from 'zod'
import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { BodyTooLarge, readBoundedBody } from '#app/utils/bounded-body.server.ts'
import { isPlatformUrl } from './platform-form.ts'
import { auditPlatform } from './platforms.server.ts'
import { claimRegistrationInvite, findRegistrationInvite } from './registration-invites.server.ts'
import { TOOL_CONFIGURATION, toolConfiguration } from './tool-configuration.ts'

/**
 * LTI Dynamic Registration 1.0, the tool's side: the platform opens our one-time link with
 * the address of its OpenID configuration; we read that configuration, send our own
 * configuration to its registration endpoint and store the client id it gives us, as a
 * pending registration the org admin confirms. Everything the platform sends is untrusted:
 * each answer is bounded in time and size and checked before anything is stored, and the
 * registration is stored in one transaction after the last network call.
 */
const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration'

const TIMEOUT_MS = 10_000
const MAX_BYTES = 64 * 1024

export type RegistrationProblem =
  | 'invite-unknown'
  | 'invite-used'
  | 'invite-expired'
  | 'bad-request'
  | 'unreachable'
  | 'bad-configuration'
  | 'refused'
  | 'bad-answer'
  | 'duplicate'

export type RegistrationResult =
  | { ok: true; platformId: string; organisationName: string; productFamily: string }
  | { ok: false; problem: RegistrationProblem }

const allowLoopback = () => env.NODE_ENV !== 'production'
const platformUrl = z.string().refine((v) => isPlatformUrl(v, allowLoopback()))

/** What we need of the platform's OpenID configuration (§3.4 of the spec). */
const PlatformConfigurationSchema = z.object({
  issuer: platformUrl,
  authorization_endpoint: platformUrl,
  token_endpoint: platformUrl,
  jwks_uri: platformUrl,
  registration_endpoint: platformUrl,
  [PLATFORM_CONFIGURATION]: z.object({
    product_family_code: z.string().trim().min(1).max(100),
  }),
})

/** The platform's answer: our client id, and usually the deployment it made (§3.6). */
const RegistrationAnswerSchema = z.object({
  client_id: z.string().trim().min(1).max(255),
  [TOOL_CONFIGURATION]: z
    .object({ deployment_id: z.string().trim().min(1).max(255).optional() })
    .optional(),
})

export async function registerPlatform(input: {
  token: string
  openidConfiguration: string | null
  registrationToken: string | null
}): Promise<RegistrationResult> {
  const invite = await findRegistrationInvite(input.token)
  if (!invite.ok) return { ok: false, problem: `invite-${invite.problem}` }
  const configurationUrl = input.openidConfiguration
  if (!configurationUrl || !isPlatformUrl(configurationUrl, allowLoopback()))
    return { ok: false, problem: 'bad-request' }

  const fetched = await fetchJson(configurationUrl, { method: 'GET' })
  if (!fetched.ok) return { ok: false, problem: fetched.problem }
  const parsed = PlatformConfigurationSchema.safeParse(fetched.json)
  // The issuer must be the site that serves the configuration: a configuration cannot
  // speak for another platform.
  if (!parsed.success || new URL(parsed.data.issuer).origin !== new URL(configurationUrl).origin)
    return { ok: false, problem: 'bad-configuration' }
  const configuration = parsed.data

  const answer = await fetchJson(configuration.registration_endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(input.registrationToken ? { Authorization: `Bearer ${input.registrationToken}` } : {}),
    },
    body: JSON.stringify(toolConfiguration(env.PUBLIC_URL)),
  })
  if (!answer.ok) return { ok: false, problem: answer.problem }
  const registered = RegistrationAnswerSchema.safeParse(answer.json)
  if (!registered.success) return { ok: false, problem: 'bad-answer' }

  const productFamily = configuration[PLATFORM_CONFIGURATION].product_family_code
  const deploymentId = registered.data[TOOL_CONFIGURATION]?.deployment_id
  try {
    const platformId = await prisma.$transaction(async (tx) => {
      if (!(await claimRegistrationInvite(tx, invite.inviteId))) return null
      const platform = await tx.ltiPlatform.create({
        data: {
          organisationId: invite.organisationId,
          name: `${productFamily} (${new URL(configuration.issuer).host})`,
          issuer: configuration.issuer,
          clientId: registered.data.client_id,
          authLoginUrl: configuration.authorization_endpoint,
          authTokenUrl: configuration.token_endpoint,
          jwksUrl: configuration.jwks_uri,
          productFamily,
          registeredVia: 'dynamic',
          status: 'pending',
          deployments: deploymentId ? { create: { deploymentId } } : undefined,
        },
        select: { id: true },
      })
      await auditPlatform(tx, null, invite.organisationId, platform.id, 'lti-platform.registered', {
        registeredVia: 'dynamic',
        issuer: configuration.issuer,
        clientId: registered.data.client_id,
        productFamily,
        deploymentIds: deploymentId ? [deploymentId] : [],
      })
      return platform.id
    })
    // Another registration used the link while we were talking to the platform.
    if (!platformId) return { ok: false, problem: 'invite-used' }
    return { ok: true, platformId, organisationName: invite.organisationName, productFamily }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'duplicate' }
    throw error
  }
}

type Fetched =
  | { ok: true; json: unknown }
  | { ok: false; problem: 'unreachable' | 'refused' | 'bad-configuration' | 'bad-answer' }

/**
 * One call to the platform: at most ten seconds, at most 64 KiB of JSON, no redirects (a
 * platform's endpoint answers itself).
 */
async function fetchJson(url: string, init: RequestInit): Promise<Fetched> {
  const isRegistration = init.method === 'POST'
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch {
    return { ok: false, problem: 'unreachable' }
  }
  if (!response.ok) {
    await response.body?.cancel()
    return { ok: false, problem: isRegistration ? 'refused' : 'unreachable' }
  }
  const wrong = isRegistration ? 'bad-answer' : 'bad-configuration'
  try {
    return { ok: true, json: JSON.parse(await readBoundedBody(response, MAX_BYTES)) }
  } catch (error) {
    if (error instanceof BodyTooLarge || error instanceof SyntaxError)
      return { ok: false, problem: wrong }
    return { ok: false, problem: 'unreachable' }
  }
}
