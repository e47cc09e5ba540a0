import type { AreaCatalog } from './catalog.ts'
import type { authoringFlowNl } from './authoring-flow.nl.ts'

export const authoringFlowEn: AreaCatalog<typeof authoringFlowNl> = {}
