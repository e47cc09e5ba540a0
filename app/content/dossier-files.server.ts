import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ContentError, type ContentProblem } from './content-error.ts'
import { readYamlFile } from './yaml-file.server.ts'

/**
 * The qualification framework as data: `courses/dossiers/competencies.yaml` holds the
 * national set of 25 competencies (A-Y); every other `*.yaml` there is one dossier.
 * This module reads and validates the files; importing them is `domain/dossier-import`.
 */

const text = z.string().trim().min(1, 'must not be empty')
const Localized = z.object({ nl: text, en: text }).strict()
export type Localized = z.infer<typeof Localized>

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date')

const CompetenciesFile = z
  .object({
    source: Localized,
    competencies: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Y]$/, 'must be one letter A-Y'),
            title: Localized,
            description: Localized,
          })
          .strict(),
      )
      .length(25, 'the national set has exactly 25 competencies (A-Y)'),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    file.competencies.forEach((c, i) => {
      if (seen.has(c.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['competencies', i, 'code'],
          message: `duplicate competency ${c.code}`,
        })
      }
      seen.add(c.code)
    })
  })
export type CompetenciesFile = z.infer<typeof CompetenciesFile>

function dossierFileSchema(competencyCodes: ReadonlySet<string>) {
  const competencyCode = z.string().refine(
    (c) => competencyCodes.has(c),
    (c) => ({ message: `unknown competency "${c}" (A-Y)` }),
  )

  const WorkProcess = z
    .object({
      code: z.string().regex(/^[A-Z]{2,4}-K\d+-W\d+$/, 'must look like TL-K1-W1'),
      title: Localized,
      description: Localized,
      result: Localized,
      competencies: z.array(competencyCode).min(1, 'link at least one competency'),
      indicators: z
        .array(Localized)
        .min(2, 'give 2 to 4 observable indicators')
        .max(4, 'give 2 to 4 observable indicators'),
    })
    .strict()

  const CoreTask = z
    .object({
      code: z.string().regex(/^[A-Z]{2,4}-K\d+$/, 'must look like TL-K1'),
      title: Localized,
      description: Localized,
      workProcesses: z.array(WorkProcess).min(1, 'a core task needs work processes'),
    })
    .strict()

  return z
    .object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by -'),
      codePrefix: z.string().regex(/^[A-Z]{2,4}$/, 'must be 2-4 capital letters'),
      qualification: z
        .object({
          title: Localized,
          crebo: z.string().regex(/^\d{5}$/, 'a crebo number has 5 digits'),
          level: z.number().int().min(1).max(4),
        })
        .strict(),
      dossier: z
        .object({
          crebo: z.string().regex(/^\d{5}$/, 'a crebo number has 5 digits'),
          edition: text,
          validFrom: isoDate,
          validTo: isoDate.nullable().optional(),
        })
        .strict(),
      source: z
        .object({
          confidence: z.enum(['official', 'paraphrased', 'reconstructed']),
          note: Localized,
        })
        .strict(),
      summary: Localized,
      coreTasks: z.array(CoreTask).min(1, 'a dossier needs core tasks'),
    })
    .strict()
    .superRefine((d, ctx) => {
      const codes = new Set<string>()
      d.coreTasks.forEach((coreTask, k) => {
        if (!coreTask.code.startsWith(`${d.codePrefix}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['coreTasks', k, 'code'],
            message: `must start with the dossier's prefix ${d.codePrefix}-`,
          })
        }
        if (codes.has(coreTask.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['coreTasks', k, 'code'],
            message: 'duplicate code',
          })
        }
        codes.add(coreTask.code)
        coreTask.workProcesses.forEach((wp, w) => {
          const at = ['coreTasks', k, 'workProcesses', w, 'code']
          if (!wp.code.startsWith(`${coreTask.code}-`)) {
            ctx.addIssue({ code: 'custom', path: at, message: `must start with ${coreTask.code}-` })
          }
          if (codes.has(wp.code))
            ctx.addIssue({ code: 'custom', path: at, message: 'duplicate code' })
          codes.add(wp.code)
          const letters = new Set<string>()
          wp.competencies.forEach((c, i) => {
            if (letters.has(c)) {
              ctx.addIssue({
                code: 'custom',
                path: ['coreTasks', k, 'workProcesses', w, 'competencies', i],
                message: `competency ${c} is listed twice`,
              })
            }
            letters.add(c)
          })
        })
      })
      if (d.dossier.validTo && d.dossier.validTo < d.dossier.validFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['dossier', 'validTo'],
          message: 'is before validFrom',
        })
      }
    })
}
export type DossierFile = z.infer<ReturnType<typeof dossierFileSchema>>

export type DossierSource = { file: string; data: DossierFile }
export type Framework = { competencies: CompetenciesFile; dossiers: DossierSource[] }

export const COMPETENCIES_FILE = 'competencies.yaml'

/**
 * Read and validate every file in the dossier folder. Throws a ContentError listing every
 * problem in every file, so nothing is imported from a folder with a single bad file.
 */
export async function readFramework(dir: string): Promise<Framework> {
  const problems: ContentProblem[] = []
  const display = (name: string) => path.relative(process.cwd(), path.join(dir, name))

  const competencies = await readYamlFile(
    path.join(dir, COMPETENCIES_FILE),
    CompetenciesFile,
    display(COMPETENCIES_FILE),
  )
  if (!competencies.ok) throw new ContentError(competencies.problems)
  const schema = dossierFileSchema(new Set(competencies.data.competencies.map((c) => c.code)))

  const names = (await fs.readdir(dir))
    .filter((n) => /\.ya?ml$/.test(n) && n !== COMPETENCIES_FILE)
    .sort()
  const dossiers: DossierSource[] = []
  const slugs = new Map<string, string>()
  for (const name of names) {
    const file = display(name)
    const parsed = await readYamlFile(path.join(dir, name), schema, file)
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      continue
    }
    const other = slugs.get(parsed.data.slug)
    if (other) {
      problems.push({ file, line: 1, col: 1, path: 'slug', message: `slug also used by ${other}` })
      continue
    }
    slugs.set(parsed.data.slug, file)
    dossiers.push({ file, data: parsed.data })
  }
  if (problems.length > 0) throw new ContentError(problems)
  return { competencies: competencies.data, dossiers }
}
