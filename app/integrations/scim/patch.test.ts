import { describe, expect, test } from 'vitest'
import { ScimError } from './errors.ts'
import { GROUP_ATTRIBUTES, readGroup } from './group-resource.ts'
import { applyPatch, PATCH_OP_SCHEMA } from './patch.ts'
import { ENTERPRISE_SCHEMA, readUser, USER_ATTRIBUTES } from './user-resource.ts'

const userSpec = { attributes: USER_ATTRIBUTES, maxOperations: 100 }
const groupSpec = { attributes: GROUP_ATTRIBUTES, maxOperations: 1000 }
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations })

const anna = () => ({
  userName: 'anna@noord.example',
  active: true,
  displayName: 'Anna de Vries',
  name: { givenName: 'Anna', familyName: 'de Vries' },
  emails: [{ value: 'anna@noord.example', type: 'work', primary: true }],
  [ENTERPRISE_SCHEMA]: {},
})

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof ScimError ? [error.status, error.scimType] : error
  }
  return 'accepted'
}

describe('PATCH as Entra sends it', () => {
  test('capitalised ops and "False" strings deactivate', () => {
    const result = applyPatch(
      anna(),
      patch({ op: 'Replace', path: 'active', value: 'False' }),
      userSpec,
    )
    expect(readUser(result).active).toBe(false)
    const back = applyPatch(
      result,
      patch({ op: 'Replace', path: 'active', value: 'True' }),
      userSpec,
    )
    expect(readUser(back).active).toBe(true)
  })

  test('an operation without a path names attributes in its value', () => {
    const result = applyPatch(
      anna(),
      patch({
        op: 'Replace',
        value: {
          active: 'False',
          'name.givenName': 'Annemarie',
          [`${ENTERPRISE_SCHEMA}:department`]: 'Team Zakelijk',
        },
      }),
      userSpec,
    )
    const user = readUser(result)
    expect(user).toMatchObject({
      active: false,
      givenName: 'Annemarie',
      department: 'Team Zakelijk',
    })
  })

  test('an extension object without a path merges attribute by attribute', () => {
    const start = { ...anna(), [ENTERPRISE_SCHEMA]: { department: 'Oud' } }
    const result = applyPatch(
      start,
      patch({ op: 'Add', value: { [ENTERPRISE_SCHEMA]: { manager: 'm-1' } } }),
      userSpec,
    )
    expect(readUser(result)).toMatchObject({ department: 'Oud', managerId: 'm-1' })
  })

  test('value-filtered and dotted paths', () => {
    const result = applyPatch(
      anna(),
      patch(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'a.devries@noord.example' },
        { op: 'Replace', path: 'name.familyName', value: 'Visser' },
        { op: 'Add', path: `${ENTERPRISE_SCHEMA}:manager`, value: { value: 'm-2' } },
      ),
      userSpec,
    )
    expect(result.emails).toEqual([
      { value: 'a.devries@noord.example', type: 'work', primary: true },
    ])
    expect(readUser(result)).toMatchObject({ familyName: 'Visser', managerId: 'm-2' })
  })

  test('a filtered path with no match creates the item (Entra adds a work e-mail so)', () => {
    const result = applyPatch(
      { ...anna(), emails: [] },
      patch({ op: 'Add', path: 'emails[type eq "work"].value', value: 'anna@noord.example' }),
      userSpec,
    )
    expect(result.emails).toEqual([{ type: 'work', value: 'anna@noord.example' }])
  })

  test('removing the manager, and removing members by value', () => {
    const withManager = { ...anna(), [ENTERPRISE_SCHEMA]: { manager: { value: 'm-1' } } }
    const result = applyPatch(
      withManager,
      patch({ op: 'Remove', path: `${ENTERPRISE_SCHEMA}:manager` }),
      userSpec,
    )
    expect(readUser(result).managerId).toBeNull()

    const group = {
      displayName: 'Team A',
      members: [{ value: 'a' }, { value: 'b' }, { value: 'c' }],
    }
    const removed = applyPatch(
      group,
      patch(
        { op: 'Remove', path: 'members', value: [{ value: 'a' }] },
        { op: 'Remove', path: 'members[value eq "c"]' },
        { op: 'Add', path: 'members', value: [{ value: 'b' }, { value: 'd' }] },
      ),
      groupSpec,
    )
    expect(removed.members).toEqual([{ value: 'b' }, { value: 'd' }])
  })

  test('a group rename as Entra sends it: no path, the read-only id in the value', () => {
    const group = { id: 'g-1', displayName: 'Team A', members: [{ value: 'a' }] }
    const renamed = applyPatch(
      group,
      patch({ op: 'Replace', value: { id: 'g-1', displayName: 'Team Avond' } }),
      groupSpec,
    )
    expect(readGroup(renamed)).toEqual({ name: 'Team Avond', memberIds: ['a'] })
  })

  test('the resource passed in is never changed (a failing request writes nothing)', () => {
    const group = { displayName: 'Team A', members: [{ value: 'a' }] }
    expect(
      refusal(() =>
        applyPatch(
          group,
          patch(
            { op: 'Add', path: 'members', value: [{ value: 'b' }] },
            { op: 'Replace', path: 'colour', value: 'red' },
          ),
          groupSpec,
        ),
      ),
    ).toEqual([400, 'invalidPath'])
    expect(group.members).toEqual([{ value: 'a' }])
  })

  test('malformed requests are refused with their scimType', () => {
    expect(refusal(() => applyPatch(anna(), { Operations: [] }, userSpec))).toEqual([
      400,
      'invalidSyntax',
    ])
    expect(
      refusal(() => applyPatch(anna(), patch({ op: 'Move', path: 'active' }), userSpec)),
    ).toEqual([400, 'invalidSyntax'])
    expect(refusal(() => applyPatch(anna(), patch({ op: 'Remove' }), userSpec))).toEqual([
      400,
      'noTarget',
    ])
    expect(
      refusal(() =>
        applyPatch(anna(), patch({ op: 'Replace', path: 'shoeSize', value: 1 }), userSpec),
      ),
    ).toEqual([400, 'invalidPath'])
    expect(
      refusal(() =>
        applyPatch(
          anna(),
          patch({ op: 'Replace', path: 'emails[type ne "x"].value', value: 1 }),
          userSpec,
        ),
      ),
    ).toEqual([400, 'invalidPath'])
    const many = Array.from({ length: 101 }, () => ({ op: 'Replace', path: 'active', value: true }))
    expect(refusal(() => applyPatch(anna(), patch(...many), userSpec))).toEqual([400, 'tooMany'])
  })

  test('a patched value the schema refuses fails validation as invalidValue', () => {
    const result = applyPatch(
      anna(),
      patch({ op: 'Replace', path: 'active', value: 'maybe' }),
      userSpec,
    )
    expect(refusal(() => readUser(result))).toEqual([400, 'invalidValue'])
    const unknownSub = applyPatch(
      anna(),
      patch({ op: 'Add', path: 'name.nickname', value: 'An' }),
      userSpec,
    )
    expect(refusal(() => readUser(unknownSub))).toEqual([400, 'invalidValue'])
  })
})
