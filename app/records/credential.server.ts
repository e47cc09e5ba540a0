import { createHash, randomBytes } from 'node:crypto'
import { SignJWT, type JWTPayload } from 'jose'
import { env } from '#app/env.server.ts'
import { badgePath } from './achievement-badge.ts'
import { issuerProfile, recordUrl } from './issuer.server.ts'
import { SIGNING_ALGORITHM, type SigningKey } from './signing-keys.server.ts'
import type { StatusEntry } from './status-list.server.ts'

export type AchievementLevel = 'work_process' | 'core_task' | 'qualification'

export type DossierRef = {
  slug: string
  version: number
  crebo: string
  edition: string
  qualificationNl: string
  qualificationCrebo: string
}

/** The select that reads a DossierRef from a dossier row. */
export const DOSSIER_REF = {
  slug: true,
  version: true,
  crebo: true,
  edition: true,
  qualificationNl: true,
  qualificationCrebo: true,
} as const satisfies Record<keyof DossierRef, true>

export type CredentialInput = {
  recordId: string
  level: AchievementLevel
  issuedAt: Date
  validUntil: Date | null
  recipient: { userId: string; name: string; email: string }
  dossier: DossierRef
  achievement: {
    code: string
    name: string
    description: string
    criteria: string
    competencies: Array<{ code: string; name: string }>
  }
  evidence: Array<{ id?: string; name: string; narrative: string; genre: string }>
  /** Where a verifier looks up whether the record was revoked. */
  credentialStatus?: StatusEntry
}

/** An OpenBadgeCredential as JSON (the VC data model 2.0 with the OB 3.0 context). */
export type Credential = {
  '@context': string[]
  id: string
  type: string[]
  issuer: { id: string; [k: string]: unknown }
  validFrom: string
  validUntil?: string
  credentialSubject: { id: string; [k: string]: unknown }
  [k: string]: unknown
}

const TARGET_TYPE: Record<AchievementLevel, string> = {
  work_process: 'ext:Werkproces',
  core_task: 'ext:Kerntaak',
  qualification: 'ext:Kwalificatie',
}
const ACHIEVEMENT_TYPE: Record<AchievementLevel, string> = {
  work_process: 'Competency',
  core_task: 'Certificate',
  qualification: 'Certification',
}

/** JWT times are whole seconds: credentials carry whole seconds too, so nbf equals validFrom. */
export const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000)
export const iso = (date: Date) => wholeSeconds(date).toISOString().replace('.000Z', 'Z')
export const epochSeconds = (isoDate: string) => Math.floor(Date.parse(isoDate) / 1000)

/**
 * A stable subject id per learner that reveals nothing about the account: a UUID-shaped hash.
 * The learner is identified in the credential by name and a salted hash of the e-mail address.
 */
export function subjectId(userId: string) {
  const h = createHash('sha256').update(`leerplein-subject:${userId}`).digest('hex')
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function dossierFramework(d: DossierRef) {
  return `Kwalificatiedossier ${d.qualificationNl}, crebo ${d.crebo} (editie ${d.edition}, versie ${d.version})`
}

function achievementUrl(level: AchievementLevel, d: DossierRef, code: string) {
  const base = `${env.PUBLIC_URL}/dossiers/${d.slug}`
  const version = `?version=${d.version}`
  if (level === 'work_process') return `${base}/${code}${version}`
  if (level === 'core_task') return `${base}${version}#${code}`
  return `${base}${version}`
}

export function buildCredential(input: CredentialInput): Credential {
  const { recipient, dossier, achievement, level } = input
  const salt = randomBytes(8).toString('hex')
  const emailHash = createHash('sha256')
    .update(recipient.email.toLowerCase() + salt)
    .digest('hex')
  const targetUrl = achievementUrl(level, dossier, achievement.code)
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: recordUrl(input.recordId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${achievement.code} ${achievement.name}`,
    description: achievement.description,
    issuer: issuerProfile(),
    validFrom: iso(input.issuedAt),
    ...(input.validUntil ? { validUntil: iso(input.validUntil) } : {}),
    awardedDate: iso(input.issuedAt),
    credentialSubject: {
      id: subjectId(recipient.userId),
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: false,
          identityHash: recipient.name,
        },
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: `sha256$${emailHash}`,
          salt,
        },
      ],
      achievement: {
        id: targetUrl,
        type: ['Achievement'],
        achievementType: ACHIEVEMENT_TYPE[level],
        name: achievement.name,
        description: achievement.description,
        humanCode: achievement.code,
        // The badge wallets and backpacks show: public, generated from the code (OB 3.0 Image).
        image: {
          id: `${env.PUBLIC_URL}${badgePath(dossier.slug, achievement.code)}`,
          type: 'Image',
        },
        inLanguage: 'nl',
        criteria: { narrative: achievement.criteria },
        alignment: [
          {
            type: ['Alignment'],
            targetName: achievement.name,
            targetCode: achievement.code,
            targetFramework: dossierFramework(dossier),
            targetType: TARGET_TYPE[level],
            targetUrl,
          },
          ...achievement.competencies.map((c) => ({
            type: ['Alignment'],
            targetName: c.name,
            targetCode: c.code,
            targetFramework: 'Landelijke set van 25 competenties (A-Y)',
            targetType: 'ceasn:Competency',
            targetUrl: `${env.PUBLIC_URL}/competencies#competency-${c.code}`,
          })),
        ],
      },
    },
    evidence: input.evidence.map((e) => ({ type: ['Evidence'], ...e })),
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  }
}

/**
 * Sign as a VC-JWT (Open Badges 3.0, "Proofs"): the credential's members are the JWT claims
 * set, with iss, sub, nbf, jti (and exp when the credential expires) repeating what the
 * credential says, so a verifier can check one against the other.
 */
export function signCredential(credential: Credential, key: SigningKey): Promise<string> {
  const jwt = new SignJWT(credential as unknown as JWTPayload)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(credential.issuer.id)
    .setSubject(credential.credentialSubject.id)
    .setNotBefore(epochSeconds(credential.validFrom))
    .setIssuedAt(epochSeconds(credential.validFrom))
    .setJti(credential.id)
  if (credential.validUntil) jwt.setExpirationTime(epochSeconds(credential.validUntil))
  return jwt.sign(key.privateKey)
}
