import { prisma } from '#app/db.server.ts'
import { insertEvaluation, type ContactReference } from '#app/quality/evaluations.server.ts'
import type { ItemAnswer, ScorecardDefinition } from '#app/quality/scorecard-definition.ts'
import {
  perfectAnswers,
  STARTER_DOSSIER,
  STARTER_SCORECARD,
} from '#app/quality/starter-scorecard.ts'

/**
 * Quality test data through the product's own functions: a scorecard version of an
 * organisation, and evaluations written as the form writes them (the dossiers must be imported).
 */
export async function makeScorecard(
  organisationId: string,
  createdById: string,
  definition: ScorecardDefinition = STARTER_SCORECARD,
  name = `Scorekaart ${Math.random().toString(36).slice(2, 8)}`,
) {
  const card = await prisma.scorecard.create({
    data: {
      organisationId,
      name,
      channels: '["phone","chat","email"]',
      versions: {
        create: {
          version: 1,
          dossierSlug: STARTER_DOSSIER,
          definition: JSON.stringify(definition),
          createdById,
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  })
  return { scorecardId: card.id, versionId: card.versions[0]!.id, definition }
}

/** Answers of a perfect contact with some items changed: `{ identity: { value: 0 } }`. */
export function answersWith(changes: Record<string, ItemAnswer> = {}) {
  return { ...perfectAnswers(), ...changes }
}

export async function evaluate(input: {
  organisationId: string
  scorecard: Awaited<ReturnType<typeof makeScorecard>>
  evaluatorId: string
  agentId: string
  answers?: Record<string, ItemAnswer>
  contact?: Partial<ContactReference>
}) {
  return prisma.$transaction((tx) =>
    insertEvaluation(tx, {
      organisationId: input.organisationId,
      scorecardVersionId: input.scorecard.versionId,
      dossierSlug: STARTER_DOSSIER,
      definition: input.scorecard.definition,
      evaluatorId: input.evaluatorId,
      agentId: input.agentId,
      contact: {
        externalId: null,
        contactAt: new Date(),
        channel: 'phone',
        durationSeconds: 300,
        clientBrand: null,
        ...input.contact,
      },
      answers: input.answers ?? perfectAnswers(),
      comment: '',
    }),
  )
}
