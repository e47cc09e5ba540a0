import type { AreaCatalog } from './catalog.ts'
import type { employerViewNl } from './employer-view.nl.ts'

export const employerViewEn: AreaCatalog<typeof employerViewNl> = {}
