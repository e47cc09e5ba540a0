import type { PluralForms } from './catalog.ts'

/** Dutch messages of quality calibration (app/quality), spread into nl.ts. */
export const calibrationNl = {} as const satisfies Record<string, string | PluralForms>
