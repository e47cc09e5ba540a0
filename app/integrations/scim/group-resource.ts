import { z } from 'zod'
import { parseResource } from './errors.ts'

/** The SCIM Group resource (RFC 7643 §4.2): a team of the token's organisation. */
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'
/** `id` is read-only: Entra repeats it in a rename's value object, and it is ignored. */
export const GROUP_ATTRIBUTES = ['id', 'displayName', 'externalId', 'members'] as const

/** PATCH operations per request: a thousand member changes at once, all or nothing. */
export const MAX_GROUP_OPERATIONS = 1000

const GroupInput = z
  .object({
    schemas: z.array(z.string()).optional(),
    id: z.unknown().optional(),
    meta: z.unknown().optional(),
    // A group's directory id is not stored: groups are found by name (Entra filters on it).
    externalId: z.unknown().optional(),
    displayName: z.string().trim().min(1).max(100),
    members: z
      .array(
        z
          .object({
            value: z.string().min(1).max(50),
            display: z.unknown().optional(),
            $ref: z.unknown().optional(),
            type: z.unknown().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()

export type ScimGroupInput = { name: string; memberIds: string[] | null }

/** Validate a whole Group; `memberIds` is null when the body does not mention members. */
export function readGroup(body: unknown): ScimGroupInput {
  const data = parseResource(GroupInput, body)
  const members = data.members
  return {
    name: data.displayName,
    memberIds: members ? [...new Set(members.map((m) => m.value))] : null,
  }
}

export type StoredGroup = {
  id: string
  name: string
  members: Array<{ id: string; name: string }> | null
}

export function groupResource(group: StoredGroup, baseUrl: string) {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.name,
    ...(group.members
      ? { members: group.members.map((m) => ({ value: m.id, display: m.name })) }
      : {}),
    meta: { resourceType: 'Group', location: `${baseUrl}/Groups/${group.id}` },
  }
}
