import type { PluralForms } from './catalog.ts'

/** Dutch messages of quality coaching (app/quality), spread into nl.ts. */
export const coachingNl = {} as const satisfies Record<string, string | PluralForms>
