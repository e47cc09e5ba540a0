import { prisma } from '#app/db.server.ts'
import { isUniqueViolation } from '#app/utils/prisma-errors.server.ts'
import { enqueueScoreForLaunch } from './affected-launches.server.ts'
import { CLAIM, MESSAGE_TYPE, roleForLtiRoles } from './claims.ts'
import { verifyIdToken, type TokenRefusal } from './id-token.server.ts'
import { LaunchClaims, personName } from './launch-claims.ts'
import { personForSubject } from './lti-people.server.ts'
import { claimLoginState } from './login-initiation.server.ts'
import { checkTarget } from './target-check.server.ts'
import { parseTargetUrl, targetOfLink, targetPath, targetRef, type LtiTarget } from './targets.ts'
import { LTI_PATHS } from './tool-urls.ts'

/** A deep-linking request waits an hour for the teacher's choice. */
const DEEP_LINKING_LIFETIME_MS = 60 * 60 * 1000

export type LaunchRefusal =
  | 'state'
  | 'platform'
  | TokenRefusal
  | 'claims'
  | 'deployment'
  | 'unknown-target'
  | 'foreign-course'
  | 'not-instructor'
  | 'no-access'

export type LaunchResult =
  | { ok: true; userId: string; redirectTo: string; frameAncestors: string[] }
  | { ok: false; reason: LaunchRefusal }

/**
 * The platform posted an id_token to our redirect URI. In this order: the state must be the
 * one this browser was given and not used before; the registration it started must be
 * active; the token must be signed by the platform for us, unexpired, with our nonce; its
 * claims well-formed, from a known deployment, for the target the login named; the target
 * must exist and belong to the platform's organisation (or everyone). Only then is anything
 * written, in one transaction: the person, the course context, the link and the launch;
 * then a score post is queued, so the platform's gradebook shows the learner's current state.
 */
export async function completeLaunch(input: {
  idToken: string | null
  state: string | null
  browserState: string | null
  /** The Origin of the platform page that posted the launch (it may frame us). */
  origin: string | null
  publicUrl: string
}): Promise<LaunchResult> {
  if (!input.state || !input.idToken || input.state !== input.browserState) {
    return { ok: false, reason: 'state' }
  }
  const login = await claimLoginState(input.state)
  if (!login) return { ok: false, reason: 'state' }
  const platform = await prisma.ltiPlatform.findUnique({ where: { id: login.platformId } })
  if (!platform || platform.status !== 'active') return { ok: false, reason: 'platform' }

  const verified = await verifyIdToken(input.idToken, platform, login.nonce)
  if (!verified.ok) return verified
  const parsed = LaunchClaims.safeParse(verified.payload)
  if (!parsed.success) return { ok: false, reason: 'claims' }
  const claims = parsed.data
  // The platform must launch what it said it would launch when the login began.
  if (claims[CLAIM.targetLinkUri] !== login.targetLinkUri) return { ok: false, reason: 'claims' }
  const deployment = await prisma.ltiDeployment.findUnique({
    where: {
      platformId_deploymentId: {
        platformId: platform.id,
        deploymentId: claims[CLAIM.deploymentId],
      },
    },
  })
  if (!deployment) return { ok: false, reason: 'deployment' }

  const role = roleForLtiRoles(claims[CLAIM.roles])
  const isDeepLinking = claims[CLAIM.messageType] === MESSAGE_TYPE.deepLinkingRequest
  const settings = claims[CLAIM.deepLinkingSettings]
  const resourceLink = claims[CLAIM.resourceLink]
  if (isDeepLinking) {
    if (!settings || !settings.accept_types.includes('ltiResourceLink')) {
      return { ok: false, reason: 'claims' }
    }
    if (role !== 'trainer') return { ok: false, reason: 'not-instructor' }
  } else if (!resourceLink) {
    return { ok: false, reason: 'claims' }
  }

  let target: LtiTarget | null = null
  if (!isDeepLinking) {
    target = launchTarget(claims, input.publicUrl)
    if (target) {
      const check = await checkTarget(target, platform.organisationId)
      if (!check.ok) return check
    }
  }

  const write = () =>
    prisma.$transaction(async (tx) => {
      const person = await personForSubject(tx, platform, {
        subject: claims.sub,
        name: personName(claims),
        role,
      })
      if (!person.ok) return person
      const contextClaim = claims[CLAIM.context]
      const nrps = claims[CLAIM.nrps]
      const context = contextClaim
        ? await tx.ltiContext.upsert({
            where: {
              platformId_contextId: { platformId: platform.id, contextId: contextClaim.id },
            },
            create: {
              platformId: platform.id,
              contextId: contextClaim.id,
              title: contextTitle(contextClaim),
              membershipsUrl: nrps?.context_memberships_url ?? null,
            },
            update: {
              title: contextTitle(contextClaim),
              ...(nrps ? { membershipsUrl: nrps.context_memberships_url } : {}),
            },
            select: { id: true },
          })
        : null

      if (isDeepLinking && settings) {
        const request = await tx.ltiDeepLinkingRequest.create({
          data: {
            platformId: platform.id,
            deploymentId: deployment.deploymentId,
            userId: person.userId,
            returnUrl: settings.deep_link_return_url,
            data: settings.data ?? null,
            acceptMultiple: settings.accept_multiple ?? true,
            expiresAt: new Date(Date.now() + DEEP_LINKING_LIFETIME_MS),
          },
          select: { id: true },
        })
        return {
          ok: true as const,
          userId: person.userId,
          redirectTo: `${LTI_PATHS.deepLinking}/${request.id}`,
          graded: null,
        }
      }

      const ags = claims[CLAIM.ags]
      const where = target ? targetRef(target) : { targetKind: 'none', targetRef: '' }
      const link = await tx.ltiResourceLink.upsert({
        where: {
          platformId_resourceLinkId: { platformId: platform.id, resourceLinkId: resourceLink!.id },
        },
        create: {
          platformId: platform.id,
          resourceLinkId: resourceLink!.id,
          contextId: context?.id ?? null,
          title: (resourceLink!.title ?? '').slice(0, 300),
          ...where,
          lineItemUrl: ags?.lineitem ?? null,
          lineItemsUrl: ags?.lineitems ?? null,
          agsScopes: JSON.stringify(ags?.scope ?? []),
        },
        update: {
          contextId: context?.id ?? null,
          title: (resourceLink!.title ?? '').slice(0, 300),
          ...where,
          ...(ags
            ? {
                lineItemUrl: ags.lineitem ?? null,
                lineItemsUrl: ags.lineitems ?? null,
                agsScopes: JSON.stringify(ags.scope),
              }
            : {}),
        },
        select: { id: true },
      })
      await tx.ltiLaunch.upsert({
        where: {
          resourceLinkId_ltiUserId: { resourceLinkId: link.id, ltiUserId: person.ltiUserId },
        },
        create: { resourceLinkId: link.id, ltiUserId: person.ltiUserId },
        update: { lastLaunchAt: new Date() },
      })
      return {
        ok: true as const,
        userId: person.userId,
        redirectTo: target ? targetPath(target) : '/dashboard',
        graded: ags?.lineitem ? { resourceLinkId: link.id, ltiUserId: person.ltiUserId } : null,
      }
    })

  let outcome
  try {
    outcome = await write()
  } catch (error) {
    // Two first launches of one person at the same moment: one more try finds the winner's rows.
    if (!isUniqueViolation(error)) throw error
    outcome = await write()
  }
  if (!outcome.ok) return outcome
  const { graded, ...opened } = outcome
  if (graded) await enqueueScoreForLaunch(graded.resourceLinkId, graded.ltiUserId)
  return {
    ...opened,
    frameAncestors: framingOrigins([
      platform.issuer,
      platform.authLoginUrl,
      input.origin,
      claims[CLAIM.launchPresentation]?.return_url ?? null,
    ]),
  }
}

/**
 * The launch's target: the page its target_link_uri names, or else the custom parameter
 * `leerplein_target` (`lesson:<course>/<lesson>`, `course:<course>`,
 * `work-process:<dossier>/<code>`) for links placed by hand with the tool's default URL.
 */
function launchTarget(claims: LaunchClaims, publicUrl: string): LtiTarget | null {
  const fromUrl = parseTargetUrl(publicUrl, claims[CLAIM.targetLinkUri])
  if (fromUrl) return fromUrl
  const custom = claims[CLAIM.custom]?.leerplein_target
  if (typeof custom !== 'string') return null
  // The same `<kind>:<ref>` form a stored link has; the target check finds whether it exists.
  const [targetKind = '', targetRef = ''] = custom.split(':', 2)
  return targetOfLink({ targetKind, targetRef })
}

function contextTitle(context: { id: string; title?: string | null; label?: string | null }) {
  return (context.title || context.label || context.id).slice(0, 300)
}

/** The http(s) origins among these addresses, once each. */
function framingOrigins(addresses: Array<string | null>): string[] {
  const origins = new Set<string>()
  for (const address of addresses) {
    if (!address) continue
    try {
      const url = new URL(address)
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin)
    } catch {
      // Not an address (Canvas's issuer is one, others may not be): nothing to allow.
    }
  }
  return [...origins]
}
