/**
 * What assessment counts, as data: the rubric, the kinds of workplace evidence and how many
 * assessors each needs, and when a core task and the qualification are complete. The engine
 * applies these and the "how progress is computed" page shows them.
 */
export const RUBRIC_LEVELS = ['beginnend', 'gevorderd', 'bekwaam'] as const
export type RubricLevel = (typeof RUBRIC_LEVELS)[number]

export const RUBRIC = {
  beginnend: {
    nl: 'Beginnend: laat het gedrag soms of alleen met hulp zien',
    en: 'Beginning: shows the behaviour sometimes or only with help',
  },
  gevorderd: {
    nl: 'Gevorderd: laat het gedrag meestal zelfstandig zien',
    en: 'Advanced: usually shows the behaviour independently',
  },
  bekwaam: {
    nl: 'Bekwaam: laat het gedrag zelfstandig en consequent zien, ook onder druk',
    en: 'Competent: shows the behaviour independently and consistently, also under pressure',
  },
} as const satisfies Record<RubricLevel, { nl: string; en: string }>

export function isRubricLevel(value: unknown): value is RubricLevel {
  return typeof value === 'string' && (RUBRIC_LEVELS as readonly string[]).includes(value)
}

/** Whether a scored level reaches the required one (the rubric is ordered). */
export function meetsLevel(level: RubricLevel, required: RubricLevel) {
  return RUBRIC_LEVELS.indexOf(level) >= RUBRIC_LEVELS.indexOf(required)
}

/**
 * Kinds of evidence and the number of different assessors whose sign-off makes a work process
 * competent. A proeve van bekwaamheid examines a whole core task in real work and needs two
 * (school and workplace), as the dossier's examination rules ask.
 */
export const EVIDENCE_KINDS = {
  assignment: {
    assessors: 1,
    fileRequired: false,
    nl: 'Uitgewerkte opdracht',
    en: 'Written assignment',
  },
  upload: {
    assessors: 1,
    fileRequired: true,
    nl: 'Bestand (pdf, afbeelding of geluidsopname)',
    en: 'File (PDF, image or audio recording)',
  },
  coaching_log: { assessors: 1, fileRequired: false, nl: 'Coachingslog', en: 'Coaching log' },
  call_review: { assessors: 1, fileRequired: false, nl: 'Gespreksanalyse', en: 'Call review' },
  proeve: {
    assessors: 2,
    fileRequired: false,
    nl: 'Proeve van bekwaamheid (hele kerntaak)',
    en: 'Practical exam (whole core task)',
  },
} as const
export type EvidenceKind = keyof typeof EVIDENCE_KINDS
export const EVIDENCE_KIND_KEYS = Object.keys(EVIDENCE_KINDS) as EvidenceKind[]

export function isEvidenceKind(value: unknown): value is EvidenceKind {
  return typeof value === 'string' && value in EVIDENCE_KINDS
}

export function assessorsRequired(kind: string) {
  return isEvidenceKind(kind) ? EVIDENCE_KINDS[kind].assessors : 1
}

/** The rules above a work process, shown on the rules page. */
export const COMPLETION_RULES = [
  {
    key: 'work_process',
    nl: 'Een werkproces is bekwaam als een assessor elk criterium op het vereiste niveau heeft gescoord en het heeft afgetekend; bij een proeve tekenen twee verschillende assessoren af.',
    en: 'A work process is competent when an assessor scored every criterion at the required level and signed it off; for a proeve two different assessors sign off.',
  },
  {
    key: 'core_task',
    nl: 'Een kerntaak is afgerond als al haar werkprocessen bekwaam zijn.',
    en: 'A core task is complete when all its work processes are competent.',
  },
  {
    key: 'qualification',
    nl: 'De kwalificatie is behaald als alle kerntaken van het dossier zijn afgerond.',
    en: 'The qualification is achieved when all core tasks of the dossier are complete.',
  },
  {
    key: 'records',
    nl: 'Bij elk van deze drie geeft het platform automatisch een ondertekend bewijs (Open Badge 3.0) uit. Een uitgegeven bewijs wordt nooit gewijzigd; het kan alleen met een reden worden ingetrokken.',
    en: 'For each of these three the platform automatically issues a signed record (Open Badge 3.0). An issued record is never changed; it can only be revoked, with a reason.',
  },
] as const
