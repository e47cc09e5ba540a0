import { randomUUID } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { iso, subjectId, wholeSeconds, type Credential } from './credential.server.ts'
import { issuerProfile } from './issuer.server.ts'
import { CONTEXT } from './json-ld-contexts.server.ts'
import { recordStatus } from './record-status.ts'
import { signRecordCredential } from './sign-record.server.ts'

/**
 * A Comprehensive Learner Record (CLR 2.0 `ClrCredential`): every current record of a
 * learner in one credential, each with its own proof and status entry, plus how their
 * achievements hang together in the dossier (a work process is part of its core task, a core
 * task of the qualification). Signed the same two ways as a record. Made on request, not
 * stored: its parts are the records, whose status any verifier checks one by one.
 */
export type Clr = Credential & { proof?: object }

type Achievement = { id: string; alignment?: Array<{ targetCode: string }> }

export async function buildLearnerClr(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { name: true } })
  if (!user) return null
  const now = new Date()
  const rows = await prisma.completionRecord.findMany({
    where: { userId },
    orderBy: [{ issuedAt: 'asc' }, { code: 'asc' }],
    select: {
      level: true,
      code: true,
      credential: true,
      dataIntegrity: true,
      validUntil: true,
      revocation: { select: { recordId: true } },
      suspension: { select: { recordId: true } },
    },
  })
  const current = rows.filter((r) => recordStatus(r, now) === 'valid')
  if (current.length === 0) return null
  const parts = current.map((r) => ({
    level: r.level,
    code: r.code,
    credential: JSON.parse(r.dataIntegrity ?? r.credential) as Credential,
  }))
  const achievementOf = (c: Credential) =>
    (c.credentialSubject as unknown as { achievement: Achievement }).achievement
  // Core tasks are coded like TL-K1 and their work processes TL-K1-W1; a qualification
  // bundles the core tasks.
  const byCode = new Map(parts.map((p) => [p.code, achievementOf(p.credential).id]))
  const qualification = parts.find((p) => p.level === 'qualification')
  const association = parts.flatMap((p) => {
    const parent =
      p.level === 'work_process'
        ? byCode.get(p.code.replace(/-W\d+$/, ''))
        : p.level === 'core_task' && qualification
          ? achievementOf(qualification.credential).id
          : undefined
    const source = achievementOf(p.credential).id
    return parent && parent !== source
      ? [{ type: 'Association', associationType: 'isPartOf', sourceId: source, targetId: parent }]
      : []
  })
  const clr: Credential = {
    '@context': [CONTEXT.credentialsV2, CONTEXT.clr, CONTEXT.openBadges],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: issuerProfile(),
    name: `Alle bewijzen van ${user.name}`,
    description: `Alle geldige bewijzen van ${user.name} op ${env.PUBLIC_URL}, met hun plaats in het kwalificatiedossier.`,
    validFrom: iso(wholeSeconds(now)),
    credentialSubject: {
      id: subjectId(userId),
      type: ['ClrSubject'],
      verifiableCredential: parts.map((p) => p.credential),
      achievement: parts.map((p) => achievementOf(p.credential)),
      ...(association.length ? { association } : {}),
    },
  }
  return signRecordCredential(clr, prisma)
}

export const isClr = (credential: { type?: unknown }) =>
  Array.isArray(credential.type) && credential.type.includes('ClrCredential')
