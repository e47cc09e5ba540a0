import { expect, test } from 'vitest'
import { ERROR_SCHEMA, ScimError } from './errors.ts'
import { readUser } from './user-resource.ts'

test('an error is a SCIM error object: status as a string, scimType, SCIM media type', async () => {
  const response = new ScimError(
    409,
    'A user with userName a@b.nl already exists',
    'uniqueness',
  ).toResponse()
  expect(response.status).toBe(409)
  expect(response.headers.get('Content-Type')).toBe('application/scim+json')
  expect(await response.json()).toEqual({
    schemas: [ERROR_SCHEMA],
    status: '409',
    scimType: 'uniqueness',
    detail: 'A user with userName a@b.nl already exists',
  })
  const plain = await new ScimError(404, 'User not found').toResponse().json()
  expect(plain).not.toHaveProperty('scimType')
})

test('a user body names what is wrong with it', () => {
  const message = (body: unknown) => {
    try {
      readUser(body)
      return 'accepted'
    } catch (error) {
      return (error as ScimError).detail
    }
  }
  expect(message({ userName: 'a@b.nl', favouriteColour: 'red' })).toBe(
    'Unknown attribute favouriteColour in body',
  )
  expect(message({ userName: 'not an e-mail' })).toMatch(/^userName: /)
  // Entra's default mappings send title and phone numbers: accepted, not stored.
  expect(message({ userName: 'a@b.nl', title: 'Agent', phoneNumbers: [] })).toBe('accepted')
})
