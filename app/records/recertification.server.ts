import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ContentError, type ContentProblem } from '#app/content/content-error.ts'
import type { Framework } from '#app/content/dossier-files.server.ts'
import { parseYaml } from '#app/content/yaml-file.server.ts'

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

/**
 * Read and check the policy: its shape, and (given the dossiers) that every slug and code
 * exists, so a typo cannot silently leave a record without its expiry. Problems carry
 * file:line.
 */
export async function checkRecertificationPolicy(
  file = RECERTIFICATION_FILE,
  framework?: Framework,
): Promise<{ policy: RecertificationPolicy; problems: ContentProblem[] }> {
  const display = path.relative(process.cwd(), file)
  const text = await fs.readFile(file, 'utf8')
  const parsed = parseYaml(text, PolicySchema, display)
  if (!parsed.ok) return { policy: {}, problems: parsed.problems }
  const problems: ContentProblem[] = []
  const lineOf = (key: string) => {
    const at = text.search(new RegExp(`^\\s*${key}:`, 'm'))
    return at < 0 ? 1 : text.slice(0, at).split('\n').length
  }
  for (const [slug, codes] of Object.entries(parsed.data)) {
    if (!framework) break
    const dossier = framework.dossiers.find((d) => d.data.slug === slug)?.data
    if (!dossier) {
      problems.push({
        file: display,
        line: lineOf(slug),
        col: 1,
        message: `unknown dossier "${slug}"`,
      })
      continue
    }
    const known = new Set([
      'kwalificatie',
      ...dossier.coreTasks.flatMap((c) => [c.code, ...c.workProcesses.map((w) => w.code)]),
    ])
    for (const code of Object.keys(codes))
      if (!known.has(code))
        problems.push({
          file: display,
          line: lineOf(code),
          col: 1,
          path: `${slug}.${code}`,
          message: `no core task or work process "${code}" in ${slug}`,
        })
  }
  return { policy: parsed.data, problems }
}

let policy: Promise<RecertificationPolicy> | undefined

/** The policy for issuing; a broken file stops issuing with its file:line problems. */
export function recertificationPolicy(file = RECERTIFICATION_FILE) {
  return (policy ??= checkRecertificationPolicy(file).then(({ policy, problems }) => {
    if (problems.length > 0) throw new ContentError(problems)
    return policy
  }))
}

/** When a record issued now for this achievement expires, or null when it never does. */
export async function validUntilFor(dossierSlug: string, code: string, issuedAt: Date) {
  const months = (await recertificationPolicy())[dossierSlug]?.[code]
  if (!months) return null
  const until = new Date(issuedAt)
  until.setUTCMonth(until.getUTCMonth() + months)
  return until
}
