import { prisma } from '#app/db.server.ts'
import { DEMO_LTI } from './demo-people.ts'

/** Noord Academy's LTI registration, its course, links and launches (see DEMO_LTI). */
export async function seedDemoLti() {
  const organisation = await prisma.organisation.findUniqueOrThrow({
    where: { slug: DEMO_LTI.organisation },
    select: { id: true },
  })
  const { academy, pending } = DEMO_LTI
  const base = academy.issuer
  await prisma.$transaction(async (tx) => {
    const platform = await tx.ltiPlatform.create({
      data: {
        organisationId: organisation.id,
        name: academy.name,
        issuer: academy.issuer,
        clientId: academy.clientId,
        authLoginUrl: `${base}/mod/lti/auth.php`,
        authTokenUrl: `${base}/mod/lti/token.php`,
        jwksUrl: `${base}/mod/lti/certs.php`,
        productFamily: 'moodle',
        registeredVia: 'dynamic',
        status: 'active',
        confirmedAt: new Date(),
        deployments: { create: { deploymentId: academy.deploymentId } },
      },
      select: { id: true },
    })
    const context = await tx.ltiContext.create({
      data: {
        platformId: platform.id,
        ...academy.context,
        membershipsUrl: `${base}/mod/lti/services.php/CourseSection/12/bindings/1/memberships`,
        lastRosterImportAt: new Date(),
      },
      select: { id: true },
    })
    const learners = await Promise.all(
      academy.learners.map(async (learner) => {
        const user = await tx.user.findUniqueOrThrow({
          where: { email: learner.email },
          select: { id: true },
        })
        return tx.ltiUser.create({
          data: { platformId: platform.id, subject: learner.subject, userId: user.id },
          select: { id: true },
        })
      }),
    )
    for (const { lineItemId, ...link } of academy.links) {
      const row = await tx.ltiResourceLink.create({
        data: {
          platformId: platform.id,
          contextId: context.id,
          ...link,
          lineItemUrl: `${base}/mod/lti/services.php/12/lineitems/${lineItemId}/lineitem?type_id=1`,
          lineItemsUrl: `${base}/mod/lti/services.php/12/lineitems?type_id=1`,
          agsScopes: JSON.stringify([
            'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
            'https://purl.imsglobal.org/spec/lti-ags/scope/score',
          ]),
        },
        select: { id: true },
      })
      for (const learner of learners) {
        await tx.ltiLaunch.create({ data: { resourceLinkId: row.id, ltiUserId: learner.id } })
      }
    }
    await tx.ltiPlatform.create({
      data: {
        organisationId: organisation.id,
        name: pending.name,
        issuer: pending.issuer,
        clientId: pending.clientId,
        authLoginUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
        authTokenUrl: 'https://sso.canvaslms.com/login/oauth2/token',
        jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
        productFamily: 'canvas',
        registeredVia: 'dynamic',
        status: 'pending',
        deployments: { create: { deploymentId: pending.deploymentId } },
      },
    })
  })
}
