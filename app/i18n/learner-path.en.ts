import type { AreaCatalog } from './catalog.ts'
import type { learnerPathNl } from './learner-path.nl.ts'

export const learnerPathEn: AreaCatalog<typeof learnerPathNl> = {}
