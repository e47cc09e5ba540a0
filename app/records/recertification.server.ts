import path from 'node:path'
import { z } from 'zod'
import { ContentError } from '#app/content/content-error.ts'
import { readYamlFile } from '#app/content/yaml-file.server.ts'

/** Per dossier, per code (or "kwalificatie"): months a record stays valid. Data, not code. */
export const RECERTIFICATION_FILE = path.join('courses', 'recertification.yaml')

const PolicySchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, 'a dossier slug'),
  z.record(
    z.string().regex(/^([A-Z]+(-[A-Z]\d+){1,2}|kwalificatie)$/, 'a code such as TL-K3-W2'),
    z.number().int().min(1).max(240),
  ),
)
export type RecertificationPolicy = z.infer<typeof PolicySchema>

export async function readRecertificationPolicy(
  file = RECERTIFICATION_FILE,
): Promise<RecertificationPolicy> {
  const parsed = await readYamlFile(file, PolicySchema)
  if (!parsed.ok) throw new ContentError(parsed.problems)
  return parsed.data
}

let policy: Promise<RecertificationPolicy> | undefined

/** When a record issued now for this achievement expires, or null when it never does. */
export async function validUntilFor(dossierSlug: string, code: string, issuedAt: Date) {
  const months = (await (policy ??= readRecertificationPolicy()))[dossierSlug]?.[code]
  if (!months) return null
  const until = new Date(issuedAt)
  until.setUTCMonth(until.getUTCMonth() + months)
  return until
}
