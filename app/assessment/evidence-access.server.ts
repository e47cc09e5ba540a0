import { getMemberships, requireUser } from '#app/auth/authorize.server.ts'
import { can } from '#app/auth/roles.ts'
import { getEvidence } from './evidence.server.ts'

/**
 * Evidence is personal: the learner who handed it in and the assessors of its organisation
 * see it; anyone else gets the same 404 as for evidence that does not exist.
 */
export async function requireEvidenceAccess(request: Request, evidenceId: string) {
  const user = await requireUser(request)
  const evidence = await getEvidence(evidenceId)
  if (!evidence) throw new Response('Not found', { status: 404 })
  const isOwner = evidence.userId === user.id
  const isAssessor = (await getMemberships(user)).some(
    (m) => m.organisation.id === evidence.organisationId && can(m.roles, 'assess:evidence:org'),
  )
  if (!isOwner && !isAssessor) throw new Response('Not found', { status: 404 })
  return { user, evidence, isOwner, isAssessor }
}
