import type { AreaCatalog } from './catalog.ts'
import type { importsNl } from './imports.nl.ts'

export const importsEn: AreaCatalog<typeof importsNl> = {}
