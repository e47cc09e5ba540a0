import type { AreaCatalog } from './catalog.ts'
import type { coachingNl } from './coaching.nl.ts'

export const coachingEn: AreaCatalog<typeof coachingNl> = {}
