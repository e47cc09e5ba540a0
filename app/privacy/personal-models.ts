/**
 * Which models of the datamodel hold data about a person: the models the personal data export
 * (and, later, erasure and retention) must account for. Derived from the datamodel itself, so
 * a model added to the schema is found without anyone remembering to list it.
 */

/** The part of Prisma's datamodel this needs (Prisma.dmmf's shape and the runtime model's). */
export type DatamodelField = {
  name: string
  kind: string
  type: string
  relationName?: string | null
  relationFromFields?: readonly string[] | null
}
export type Datamodel = { models: Record<string, { fields: readonly DatamodelField[] }> }

/** The model that is the person. */
export const PERSON_MODEL = 'User'

/**
 * A person kept as a bare id, without a foreign key: append-only logs and authorship columns
 * that must survive the account (AuditEvent.actorId, WalletOffer.userId, Enrolment.assignedById).
 * The generated client's datamodel only knows relations, so these go by the schema's naming
 * convention for person ids.
 */
const PERSON_ID_COLUMN =
  /^(userId|agentId|actorId|assessorId|evaluatorId|coachId)$|(ById|EvaluatorId)$/

/**
 * Every model that refers to a person, with the fields that do: a relation to User (and the
 * scalar columns that relation is built from, when the datamodel says), or a person-id column
 * without a relation. The person's own model is included.
 */
export function personalModels(datamodel: Datamodel): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const [model, { fields }] of Object.entries(datamodel.models)) {
    if (model === PERSON_MODEL) {
      found.set(model, ['id'])
      continue
    }
    const relationColumns = new Set<string>()
    const refs: string[] = []
    for (const field of fields) {
      if (field.kind === 'object' && field.type === PERSON_MODEL) {
        refs.push(field.name)
        for (const column of field.relationFromFields ?? []) relationColumns.add(column)
      }
    }
    for (const field of fields) {
      if (
        field.kind === 'scalar' &&
        field.type === 'String' &&
        !relationColumns.has(field.name) &&
        PERSON_ID_COLUMN.test(field.name)
      )
        refs.push(field.name)
    }
    if (refs.length > 0) found.set(model, [...relationColumns, ...refs])
  }
  return found
}

/** How one personal model is accounted for in the export. */
export type ModelCoverage =
  /** Its rows about the person are in these files of the zip (`without`: columns left out). */
  | { files: readonly string[]; without?: readonly string[] }
  /** Deliberately not exported, and why. */
  | { excluded: string }

/** The personal models the coverage does not account for: what the completeness test reports. */
export function uncoveredModels(
  datamodel: Datamodel,
  coverage: Readonly<Record<string, ModelCoverage>>,
): string[] {
  return [...personalModels(datamodel).keys()].filter((model) => !(model in coverage)).sort()
}
