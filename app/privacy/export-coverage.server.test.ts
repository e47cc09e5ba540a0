import { expect, test } from 'vitest'
import { EXPORT_COVERAGE } from './export-coverage.ts'
import { runtimeDatamodel } from './erasure.server.ts'
import { EXPORT_FILES } from './export-files.ts'
import { personalModels, uncoveredModels, type Datamodel } from './personal-models.ts'

const datamodel = runtimeDatamodel()

test('every model that refers to a person is exported or excluded with a reason', () => {
  expect(uncoveredModels(datamodel, EXPORT_COVERAGE)).toEqual([])
})

test('the check fails for a personal model the export does not know', () => {
  const broken: Datamodel = {
    models: {
      ...datamodel.models,
      FakePersonalThing: {
        fields: [
          { name: 'id', kind: 'scalar', type: 'String' },
          { name: 'userId', kind: 'scalar', type: 'String' },
          { name: 'user', kind: 'object', type: 'User', relationName: 'FakePersonalThingToUser' },
        ],
      },
    },
  }
  expect(uncoveredModels(broken, EXPORT_COVERAGE)).toEqual(['FakePersonalThing'])
})

test('the person is found through relations and through bare person-id columns', () => {
  const found = personalModels(datamodel)
  expect(found.get('Evaluation')).toEqual(expect.arrayContaining(['agent', 'evaluator']))
  expect(found.get('AuditEvent')).toEqual(['actorId'])
  expect(found.has('Organisation')).toBe(false)
  expect(found.has('LtiLaunch')).toBe(false)
})

test('the coverage names real models and real files of the zip', () => {
  for (const [model, coverage] of Object.entries(EXPORT_COVERAGE)) {
    expect(datamodel.models, model).toHaveProperty(model)
    if ('files' in coverage)
      for (const file of coverage.files) expect(Object.keys(EXPORT_FILES)).toContain(file)
    else expect(coverage.excluded.length, model).toBeGreaterThan(20)
  }
})
