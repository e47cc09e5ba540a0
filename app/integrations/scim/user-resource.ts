import { z } from 'zod'
import type { BrandValues } from './client-brand.ts'
import { parseResource, ScimError } from './errors.ts'

/**
 * The SCIM User resource (RFC 7643 §4.1 and the enterprise extension, §4.3) as this product
 * reads and writes it. A SCIM user is a membership of the token's organisation; `userName` is
 * the person's work e-mail, which is also their login.
 */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

/** Attributes a PATCH path may start with. */
export const USER_ATTRIBUTES = [
  // Entra repeats the read-only id in PATCH values without a path; it is ignored.
  'id',
  'userName',
  'externalId',
  'active',
  'displayName',
  'name',
  'emails',
  ENTERPRISE_SCHEMA,
  // Sent by Entra's default attribute mappings; accepted and not stored.
  'title',
  'phoneNumbers',
  'addresses',
  'preferredLanguage',
  'locale',
  'timezone',
  'nickName',
  'userType',
] as const

const ignored = z.unknown().optional()

/** Entra sends booleans as the strings "True"/"False" in PATCH values. */
const scimBoolean = z.preprocess(
  (v) => (typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v),
  z.boolean(),
)
const text = z.string().trim().max(200)
const optionalText = text.nullish().transform((v) => (v ? v : null))

const managerValue = z
  .union([z.string(), z.object({ value: z.string().nullish() }).passthrough(), z.null()])
  .optional()
  .transform((m) => (typeof m === 'string' ? m || null : (m?.value ?? null)))

const enterprise = z
  .object({
    department: optionalText,
    manager: managerValue,
    employeeNumber: ignored,
    costCenter: ignored,
    organization: ignored,
    division: ignored,
  })
  .strict()

const UserInput = z
  .object({
    schemas: z.array(z.string()).optional(),
    id: ignored,
    meta: ignored,
    userName: z.string().trim().toLowerCase().email().max(200),
    externalId: z.string().trim().max(200).nullish(),
    active: scimBoolean.optional(),
    displayName: optionalText,
    name: z
      .object({
        givenName: optionalText,
        familyName: optionalText,
        formatted: optionalText,
        middleName: ignored,
        honorificPrefix: ignored,
        honorificSuffix: ignored,
      })
      .strict()
      .optional(),
    emails: z
      .array(
        z
          .object({
            value: z.string().nullish(),
            type: z.string().nullish(),
            primary: scimBoolean.nullish(),
            display: ignored,
          })
          .strict(),
      )
      .optional(),
    [ENTERPRISE_SCHEMA]: enterprise.optional(),
    title: ignored,
    phoneNumbers: ignored,
    addresses: ignored,
    preferredLanguage: ignored,
    locale: ignored,
    timezone: ignored,
    nickName: ignored,
    userType: ignored,
  })
  .strict()

/** What the product keeps of a SCIM user. */
export type ScimUserInput = {
  email: string
  externalId: string | null
  active: boolean
  name: string
  givenName: string | null
  familyName: string | null
  department: string | null
  managerId: string | null
  /** Attributes that may name the department team's client brand (not stored). */
  brandValues: BrandValues
}

/** A text attribute sent as a string; anything else (or blank) is not a brand. */
const brandText = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** Validate a whole User (POST, PUT, or the result of a PATCH); unknown attributes are 400. */
export function readUser(body: unknown): ScimUserInput {
  const user = parseResource(UserInput, body)
  const ext = user[ENTERPRISE_SCHEMA]
  const givenName = user.name?.givenName ?? null
  const familyName = user.name?.familyName ?? null
  const name =
    user.displayName ??
    user.name?.formatted ??
    ([givenName, familyName].filter(Boolean).join(' ') || user.userName)
  return {
    email: user.userName,
    externalId: user.externalId || null,
    active: user.active ?? true,
    name,
    givenName,
    familyName,
    department: ext?.department ?? null,
    managerId: ext?.manager ?? null,
    brandValues: {
      division: brandText(ext?.division),
      costCenter: brandText(ext?.costCenter),
      organization: brandText(ext?.organization),
      title: brandText(user.title),
    },
  }
}

export type StoredUser = {
  id: string
  email: string
  name: string
  active: boolean
  createdAt: Date
  externalId: string | null
  givenName: string | null
  familyName: string | null
  department: string | null
  managerId: string | null
}

export function userResource(user: StoredUser, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    userName: user.email,
    active: user.active,
    displayName: user.name,
    name: {
      formatted: user.name,
      ...(user.givenName ? { givenName: user.givenName } : {}),
      ...(user.familyName ? { familyName: user.familyName } : {}),
    },
    emails: [{ value: user.email, type: 'work', primary: true }],
    [ENTERPRISE_SCHEMA]: {
      ...(user.department ? { department: user.department } : {}),
      ...(user.managerId ? { manager: { value: user.managerId } } : {}),
    },
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
    },
  }
}

export const duplicateUser = (email: string) =>
  new ScimError(409, `A user with userName ${email} already exists`, 'uniqueness')
