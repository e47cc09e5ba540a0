import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { ltiJwks } from '#app/integrations/lti/tool-keys.server.ts'
import { makeMember, makeOrganisation, makeOrganisationCourse } from './factories.ts'
import { addDeepLinkingReturn } from './lti-platform/deep-linking.ts'
import { startTestPlatform } from './lti-platform/platform.ts'

/**
 * What deep-linking tests share: the real courses, an organisation with its own course next to
 * another organisation's, a test platform registered to the first, and its teacher. The
 * request rows stand in for what the launch creates in production.
 */
export const CLIENT_ID = 'leerplein-tool-client'
export const DEPLOYMENT_ID = 'deployment-1'
export const WORK_PROCESS = { dossierSlug: 'contactcenter-teamleider', code: 'TL-K2-W2' }

export async function deepLinkingWorld() {
  await importDossierFolder()
  await importCourses()
  const own = await makeOrganisation()
  const other = await makeOrganisation()
  const ownCourse = await makeOrganisationCourse(own.id, [
    { type: 'lesson', workProcessCodes: [WORK_PROCESS.code] },
    { type: 'quiz', workProcessCodes: [WORK_PROCESS.code] },
  ])
  const otherCourse = await makeOrganisationCourse(other.id, [
    { type: 'lesson', workProcessCodes: [WORK_PROCESS.code] },
  ])
  const platform = await startTestPlatform()
  const ltiPlatform = await prisma.ltiPlatform.create({
    data: {
      organisationId: own.id,
      name: 'Moodle ROC Test',
      issuer: platform.issuer,
      clientId: CLIENT_ID,
      authLoginUrl: platform.url('/mod/lti/auth.php'),
      authTokenUrl: platform.url('/mod/lti/token.php'),
      jwksUrl: platform.jwksUrl,
      productFamily: 'moodle',
      registeredVia: 'manual',
      status: 'active',
      deployments: { create: { deploymentId: DEPLOYMENT_ID } },
    },
  })
  const moodle = addDeepLinkingReturn(platform, {
    clientId: CLIENT_ID,
    toolJwks: await ltiJwks(),
    deploymentId: DEPLOYMENT_ID,
  })
  const teacher = await makeMember(own.id, ['trainer'])

  /** A request as the launch leaves it: the teacher's, unused, valid for an hour. */
  const request = (
    extra: Partial<{ userId: string; acceptMultiple: boolean; expiresAt: Date }> = {},
  ) =>
    prisma.ltiDeepLinkingRequest.create({
      data: {
        platformId: ltiPlatform.id,
        deploymentId: DEPLOYMENT_ID,
        userId: teacher.user.id,
        returnUrl: moodle.returnUrl,
        data: moodle.data,
        acceptMultiple: true,
        expiresAt: new Date(Date.now() + 3600_000),
        ...extra,
      },
    })

  /** The teacher's browser posting our answer to the platform, as the auto-submit does. */
  const postToPlatform = async (returnUrl: string, jwt: string) => {
    const response = await fetch(returnUrl, {
      method: 'POST',
      body: new URLSearchParams({ JWT: jwt }),
    })
    return { status: response.status, text: await response.text() }
  }

  return { own, other, ownCourse, otherCourse, platform, moodle, teacher, request, postToPlatform }
}
