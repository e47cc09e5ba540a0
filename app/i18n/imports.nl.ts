import type { PluralForms } from './catalog.ts'

/** Dutch messages of quality imports (app/quality), spread into nl.ts. */
export const importsNl = {} as const satisfies Record<string, string | PluralForms>
